/** The "user data is sacred" helper must see every kind of change it claims to cover. */
import type { Worksheet } from "exceljs";
import { snapshotUserSheet } from "../../../test/support/xlsx-snapshot";
import { buildUserWorkbook, loadBook, REGISTRY, RESULTS, toBuffer } from "../../../test/fixtures/xlsx/user-book";
import { XlsxGateway } from "./xlsx-gateway";

type Change = (ws: Worksheet) => void;
const changes: [string, Change][] = [
  ["a value", (ws) => void (ws.getCell("C3").value = 313)],
  ["a formula", (ws) => void (ws.getCell("F3").value = { formula: "C3*3", result: 624 } as never)],
  ["a cached result", (ws) => void (ws.getCell("H6").value = { formula: "1/0", result: 0 } as never)],
  ["a fill", (ws) => void (ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } })],
  ["a font", (ws) => void (ws.getCell("A1").font = { name: "Arial", size: 14, bold: false })],
  ["a border", (ws) => void (ws.getCell("B2").border = {})],
  ["a number format", (ws) => void (ws.getCell("D3").numFmt = "yyyy-mm-dd")],
  ["a note", (ws) => void (ws.getCell("B3").note = "другая заметка")],
  ["a column width", (ws) => void (ws.getColumn(2).width = 20)],
  ["a width beyond the last cell", (ws) => void (ws.getColumn(20).width = 5)],
  ["a row height", (ws) => void (ws.getRow(2).height = 16)],
  ["a merge", (ws) => ws.unMergeCells("A1:F1")],
  ["a validation", (ws) => (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model["E3"] = { type: "whole", formulae: [1] }],
  ["the auto-filter", (ws) => void (ws.autoFilter = "A2:E6")],
  ["a conditional format", (ws) => (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.pop()],
  ["the frozen pane", (ws) => void (ws.views = [])],
  ["a hyperlink", (ws) => void (ws.getCell("H2").value = { text: "Сайт управления", hyperlink: "https://example.org/other" })],
  ["an empty cell's style", (ws) => void (ws.getCell("G4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } })],
];

describe("snapshotUserSheet", () => {
  test("equal for a book opened and saved by the gateway without a write", async () => {
    const data = await toBuffer(buildUserWorkbook());
    const saved = await (await XlsxGateway.fromBuffer(data)).toBuffer();
    for (const name of [REGISTRY, RESULTS]) {
      const before = snapshotUserSheet((await loadBook(data)).getWorksheet(name)!);
      expect(snapshotUserSheet((await loadBook(saved)).getWorksheet(name)!)).toEqual(before);
    }
  });

  test("sees the page-numbering change a plain ExcelJS load and save makes (the gateway undoes it)", async () => {
    const data = await toBuffer(buildUserWorkbook());
    const plain = await loadBook(data);
    const resaved = await loadBook(new Uint8Array(await plain.xlsx.writeBuffer()));
    const a = snapshotUserSheet((await loadBook(data)).getWorksheet(REGISTRY)!);
    const b = snapshotUserSheet(resaved.getWorksheet(REGISTRY)!);
    expect(b).not.toEqual(a);
    expect(b.pageSetup).toMatchObject({ useFirstPageNumber: true });
    expect(a.pageSetup).toMatchObject({ useFirstPageNumber: false });
    // A user's explicit first page number is kept by the gateway.
    const viaGateway = await loadBook(await (await XlsxGateway.fromBuffer(data)).toBuffer());
    expect(viaGateway.getWorksheet(RESULTS)!.pageSetup).toMatchObject({ firstPageNumber: 3, useFirstPageNumber: true });
  });

  test("observing does not change the sheet", async () => {
    const wb = await loadBook(await toBuffer(buildUserWorkbook()));
    const ws = wb.getWorksheet(REGISTRY)!;
    const first = snapshotUserSheet(ws);
    expect(snapshotUserSheet(ws)).toEqual(first);
    expect(ws.findCell(7, 7)).toBeUndefined(); // G7 was never created
  });

  test.each(changes)("sees a change of %s after save and reload", async (_what, change) => {
    const data = await toBuffer(buildUserWorkbook());
    const before = snapshotUserSheet((await loadBook(data)).getWorksheet(REGISTRY)!);
    const wb = await loadBook(data);
    change(wb.getWorksheet(REGISTRY)!);
    const after = snapshotUserSheet((await loadBook(new Uint8Array(await wb.xlsx.writeBuffer()))).getWorksheet(REGISTRY)!);
    expect(after).not.toEqual(before);
  });
});
