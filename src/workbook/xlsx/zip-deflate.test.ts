/** Compressing a stored (uncompressed) .xlsx with Node's zlib keeps every part as it was; replaced parts get their new bytes. */
import { Workbook } from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip library, an independent reader here
import { inflateRawSync } from "node:zlib";
import { deflateStoredZip, rewriteZip } from "./zip-deflate";

async function storedBook(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Результаты");
  for (let r = 0; r < 2000; r++) ws.addRow([`edu${100000 + r}`, 2026, "ВПР", "Русский язык", 5, 20 + (r % 30), r % 5]);
  wb.addWorksheet("Пустой");
  const out = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Parameters<Workbook["xlsx"]["writeBuffer"]>[0]);
  return new Uint8Array(out as ArrayBuffer);
}

/** Entries of a zip by its central directory: name → { method, data }. */
function entries(zip: Uint8Array): Map<string, { method: number; data: Buffer }> {
  const buf = Buffer.from(zip);
  let end = buf.length - 22;
  while (buf.readUInt32LE(end) !== 0x06054b50) end--;
  const out = new Map<string, { method: number; data: Buffer }>();
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, { method, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

test("every part deflated, the same bytes inside, and ExcelJS reads the book back", async () => {
  const stored = await storedBook();
  const deflated = deflateStoredZip(stored, 3);
  expect(deflated.length).toBeLessThan(stored.length / 3);
  const before = entries(stored);
  const after = entries(deflated);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, e] of after) {
    expect(e.method).toBe(before.get(name)!.data.length > 0 ? 8 : before.get(name)!.method);
    expect(e.data.equals(before.get(name)!.data)).toBe(true);
  }
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(deflated) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Результаты", "Пустой"]);
  expect(wb.getWorksheet("Результаты")!.getRow(2000).values).toEqual([undefined, "edu101999", 2026, "ВПР", "Русский язык", 5, 20 + (1999 % 30), 1999 % 5]);
});

test("anything that is not a plain zip comes back unchanged", () => {
  const notZip = new Uint8Array([1, 2, 3, 4]);
  expect(deflateStoredZip(notZip)).toBe(notZip);
});

test("replaced entries get their new bytes, CRC and sizes; the others stay", async () => {
  const stored = await storedBook();
  const before = entries(stored);
  const sheet = "xl/worksheets/sheet2.xml";
  const replacement = Buffer.from(before.get(sheet)!.data.toString("utf8").replace("<sheetData/>", '<sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData>'), "utf8");
  expect(replacement.equals(before.get(sheet)!.data)).toBe(false);
  const out = rewriteZip(stored, { level: 3, replace: new Map([[sheet, replacement], ["xl/absent.xml", Buffer.from("x")]]) });
  const after = entries(out);
  expect([...after.keys()]).toEqual([...before.keys()]);
  expect(after.get(sheet)!.data.equals(replacement)).toBe(true);
  for (const [name, e] of after) if (name !== sheet) expect(e.data.equals(before.get(name)!.data)).toBe(true);
  const zip = await JSZip.loadAsync(out, { checkCRC32: true }); // the CRCs are right
  expect(await zip.file(sheet)!.async("string")).toBe(replacement.toString("utf8"));
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(out) as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  expect(wb.getWorksheet("Пустой")!.getCell("A1").value).toBe(42);
});

test("entries written with a data descriptor are copied with CRC and sizes in their local header", async () => {
  const source = new JSZip();
  source.file("a.xml", "<a>первый</a>");
  source.file("b.xml", "<b/>".repeat(1000));
  const streamed = await source.generateAsync({ type: "uint8array", compression: "DEFLATE", streamFiles: true });
  const buf = Buffer.from(streamed);
  expect(buf.readUInt16LE(6) & 0x8).toBe(0x8); // the first local header defers to a descriptor
  const out = Buffer.from(rewriteZip(streamed));
  expect(out.readUInt16LE(6) & 0x8).toBe(0);
  expect(out.readUInt32LE(14)).not.toBe(0); // CRC
  const zip = await JSZip.loadAsync(out, { checkCRC32: true });
  expect(await zip.file("a.xml")!.async("string")).toBe("<a>первый</a>");
  expect(await zip.file("b.xml")!.async("string")).toBe("<b/>".repeat(1000));
});
