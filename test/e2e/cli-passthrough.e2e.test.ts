/**
 * End to end: `shnor calc` copying user sheets into the result instead of having ExcelJS
 * re-render them (src/workbook/xlsx/passthrough/), forced on a small book by a size
 * threshold of 1 byte. The copied sheets are read back with ExcelJS and, independently,
 * with LibreOffice headless; a second run on the result works the same.
 *
 * «Сведения» carries an <ignoredErrors> element, which ExcelJS does not keep: finding it
 * in the result shows the sheet was copied, not loaded and saved.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { isOurRule } from "../../src/workbook/xlsx/highlights";
import { sheetParts } from "../../src/workbook/xlsx/passthrough/workbook-parts";
import { readServiceState } from "../../src/workbook/xlsx/service-sheet";
import { rewriteZip } from "../../src/workbook/xlsx/zip-deflate";
import { entryBytes, readZip } from "../../src/workbook/xlsx/zip-entries";
import { buildPassthroughBook, PLAIN, toBuffer } from "../fixtures/xlsx/passthrough-book";
import { readWithLibreOffice } from "../support/libreoffice";
import { snapshotUserSheet } from "../support/xlsx-snapshot";

const root = join(__dirname, "../..");
const MARKER = '<ignoredErrors><ignoredError sqref="B3:B62" numberStoredAsText="1"/></ignoredErrors>';

function shnor(args: string[], passthroughBytes: string) {
  return spawnSync(process.execPath, [join(root, "bin/shnor.js"), ...args], { encoding: "utf8", env: { ...process.env, SHNOR_PASSTHROUGH_BYTES: passthroughBytes } });
}

/** The text of a sheet's part in an .xlsx file. */
function sheetXml(file: string, sheet: string): string {
  const entries = new Map(readZip(readFileSync(file))!.entries.map((e) => [e.name, e]));
  const text = (name: string) => entryBytes(entries.get(name)!).toString("utf8");
  const part = sheetParts(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels")).find((s) => s.name === sheet)!.part;
  return text(part);
}

/** The book with the marker added to «Сведения» (last in a sheet without drawings: schema order). */
async function bookWithMarker(): Promise<Uint8Array> {
  const data = await toBuffer(buildPassthroughBook());
  const entries = new Map(readZip(data)!.entries.map((e) => [e.name, e]));
  const text = (name: string) => entryBytes(entries.get(name)!).toString("utf8");
  const part = sheetParts(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels")).find((s) => s.name === PLAIN)!.part;
  const xml = text(part).replace("</worksheet>", `${MARKER}</worksheet>`);
  return rewriteZip(data, { level: 6, replace: new Map([[part, Buffer.from(xml, "utf8")]]) });
}

async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function expectUserSheetsKept(input: string, output: string): Promise<void> {
  const [before, after] = [await load(input), await load(output)];
  const records = readServiceState(after).highlights;
  const ignoreRule = (rule: Parameters<typeof isOurRule>[0]) => isOurRule(rule, records);
  for (const ws of before.worksheets)
    expect({ name: ws.name, picture: snapshotUserSheet(after.getWorksheet(ws.name)!, { ignoreRule }) }).toEqual({ name: ws.name, picture: snapshotUserSheet(ws) });
}

describe("shnor calc passing large user sheets through", () => {
  const dir = mkdtempSync(join(tmpdir(), "shnor-passthrough-e2e-"));
  const input = join(dir, "книга.xlsx");
  const output = join(dir, "результат.xlsx");
  let run: ReturnType<typeof shnor>;

  beforeAll(async () => {
    writeFileSync(input, await bookWithMarker());
    expect(sheetXml(input, PLAIN)).toContain(MARKER);
    run = shnor(["calc", input, "-o", output, "--report-date", "2026-11-22"], "1");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0 and copies the sheet as the user wrote it (ExcelJS alone would drop the marker)", () => {
    expect(run.status).toBe(0);
    expect(sheetXml(output, PLAIN)).toContain(MARKER);
    const whole = join(dir, "целиком.xlsx");
    expect(shnor(["calc", input, "-o", whole, "--report-date", "2026-11-22"], String(1e12)).status).toBe(0);
    expect(sheetXml(whole, PLAIN)).not.toContain(MARKER);
  });

  it("keeps every user sheet, read back by ExcelJS, as it was (the removable highlights aside)", async () => {
    await expectUserSheetsKept(input, output);
  });

  it("is read the same by LibreOffice: every user sheet has the values it had", () => {
    const before = readWithLibreOffice(input);
    const after = readWithLibreOffice(output);
    expect(before.get(PLAIN)?.length).toBeGreaterThan(60);
    for (const [name, rows] of before) expect({ name, rows: after.get(name) }).toEqual({ name, rows });
  });

  it("runs again on its own result, copying the sheets again", async () => {
    const second = join(dir, "второй.xlsx");
    const again = shnor(["calc", output, "-o", second, "--report-date", "2026-11-22"], "1");
    expect(again.status).toBe(0);
    expect(sheetXml(second, PLAIN)).toContain(MARKER);
    await expectUserSheetsKept(input, second);
  });
});
