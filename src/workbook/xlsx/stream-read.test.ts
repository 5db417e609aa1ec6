/**
 * The streaming read path (large files on the command line) gives the very snapshots the
 * in-memory path gives: values of every kind, merges, hidden state, sheet order, Cyrillic
 * text across chunk boundaries.
 */
import { Workbook } from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateMonitoringData, writeWorkbookXlsx } from "../../../scripts/generator";
import { SnapshotGateway } from "../snapshot-gateway";
import { encodeServiceState, SERVICE_SHEET } from "../service-state";
import { openXlsxFile } from "./file";
import { readXlsxSnapshotsStreaming } from "./stream-read";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "shnor-stream-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inMemory(path: string) {
  const gw = await openXlsxFile(path);
  return gw.readSheets((await gw.listSheets()).map((s) => s.name));
}

async function oddBook(path: string): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Данные");
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "Результаты оценочных процедур — заголовок над таблицей";
  ws.getRow(2).values = ["Код ОО", "Дата", "Время", "Формула", "Строка-формула", "Ошибка", "Логическое", "Богатый текст", "Число-текст"];
  for (let r = 3; r < 60; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = `edu${100000 + r}`;
    row.getCell(2).value = new Date(Date.UTC(2026, 3, r));
    row.getCell(2).numFmt = "dd.mm.yyyy";
    row.getCell(3).value = new Date(Date.UTC(2026, 3, 1, 8, 30, r));
    row.getCell(3).numFmt = "dd.mm.yyyy hh:mm:ss";
    row.getCell(4).value = { formula: `ROW()*2`, result: r * 2 } as never;
    row.getCell(5).value = { formula: `"a"&"б"`, result: `аб & <${r}>` } as never;
    row.getCell(6).value = { error: "#N/A" } as never;
    row.getCell(7).value = r % 2 === 0;
    row.getCell(8).value = { richText: [{ text: "Сосновская " }, { font: { bold: true }, text: "СОШ" }] } as never;
    row.getCell(9).value = " 1 234,5 ";
    if (r % 7 === 0) row.getCell(12).value = "далеко справа";
  }
  ws.getCell("B60").value = { formula: "B59+1", result: new Date(Date.UTC(2026, 5, 1)) } as never;
  ws.getCell("B60").numFmt = "dd.mm.yyyy";
  // a merge whose other cells were left with values by some other program
  ws.getCell("A62").value = "Раздел";
  ws.mergeCells("A62:C63");
  ws.getCell("E70").style = { font: { bold: true } }; // a styled empty cell
  const hidden = wb.addWorksheet("Списки", { state: "hidden" });
  hidden.addRow(["ВПР", "ОГЭ"]);
  const service = wb.addWorksheet(SERVICE_SHEET, { state: "veryHidden" });
  encodeServiceState({ owned: ["Сводка"], highlights: [] }).forEach((row) => service.addRow(row));
  const long = wb.addWorksheet("Длинные строки");
  // Cyrillic text long enough that parts of the sheet and shared strings span many chunks
  for (let r = 0; r < 3000; r++) long.addRow([`муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${r}» имени Героя Советского Союза`, r, `ё${"ж".repeat(r % 50)}`]);
  await wb.xlsx.writeFile(path);
}

test("odd values, merges, hidden sheets and long Cyrillic text: the same snapshots as in memory", async () => {
  const path = join(dir, "odd.xlsx");
  await oddBook(path);
  const streamed = await readXlsxSnapshotsStreaming(path);
  expect(streamed).toEqual(await inMemory(path));
  expect(streamed.map((s) => [s.name, s.hidden])).toEqual([
    ["Данные", false],
    ["Списки", true],
    [SERVICE_SHEET, true],
    ["Длинные строки", false],
  ]);
  expect(streamed[0].merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 3 },
    { top: 61, left: 0, bottom: 62, right: 2 },
  ]);
  expect(streamed[0].values[2].slice(0, 8)).toEqual(["edu100003", 46115, 46113 + 8.5 / 24 + 3 / 86400, 6, "аб & <3>", "#N/A", false, "Сосновская СОШ"]);
  expect(streamed[3].values[2999][0]).toBe("муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 2999» имени Героя Советского Союза");
});

test.each(["plain", "two_row_headers"] as const)("a generated monitoring workbook (%s, results split over sheets): the same snapshots", async (layout) => {
  const path = join(dir, `gen-${layout}.xlsx`);
  const model = generateMonitoringData({ seed: 11, municipalities: 2, schoolsPerMunicipality: [12, 16], years: [2024, 2025, 2026], roadmapEvents: 25, layout, maxRowsPerSheet: 500 });
  await writeWorkbookXlsx(model, path, { streaming: true });
  const streamed = await readXlsxSnapshotsStreaming(path);
  expect(streamed.map((s) => s.name)).toEqual(model.sheets.map((s) => s.name));
  expect(streamed).toEqual(await inMemory(path));
});

test("the snapshot gateway reads the owned sheets from the service sheet and writes nothing", async () => {
  const path = join(dir, "odd.xlsx");
  const gw = new SnapshotGateway(await readXlsxSnapshotsStreaming(path));
  expect(await gw.readOwnedSheets()).toEqual(["Сводка"]);
  expect((await gw.listSheets()).map((s) => s.name)).toContain("Списки");
  expect((await gw.readSheets(["данные"]))[0].name).toBe("Данные"); // names as Excel compares them
  await expect(gw.readSheets(["Нет такого"])).rejects.toThrow();
});

test("a missing file: the streaming read fails with the file's error (no crash)", async () => {
  await expect(readXlsxSnapshotsStreaming(join(dir, "нет такой книги.xlsx"))).rejects.toThrow(/ENOENT/);
});

test("not an xlsx file: the streaming read fails with an error", async () => {
  const path = join(dir, "not.xlsx");
  writeFileSync(path, "это не книга");
  await expect(readXlsxSnapshotsStreaming(path)).rejects.toThrow();
});
