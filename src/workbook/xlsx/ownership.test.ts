import type { Workbook } from "exceljs";
import { snapshotUserSheet } from "../../../test/support/xlsx-snapshot";
import { fullPlan, summarySheet } from "../../../test/fixtures/xlsx/plan";
import { buildUserWorkbook, REGISTRY, toBuffer } from "../../../test/fixtures/xlsx/user-book";
import { GatewayError } from "../errors";
import { decodeServiceState, encodeServiceState, SERVICE_SHEET } from "../service-state";
import { readServiceState } from "./service-sheet";
import { XlsxGateway } from "./xlsx-gateway";

/** Everything in the in-memory book that a write could change. */
function wholeBook(wb: Workbook) {
  return {
    sheets: wb.worksheets.map((ws) => snapshotUserSheet(ws)),
    views: JSON.parse(JSON.stringify(wb.views ?? [])),
    service: readServiceState(wb),
  };
}

async function gatewayWith(extraSheets: string[], firstPlan?: Parameters<XlsxGateway["write"]>[0]) {
  const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook({ extraSheets })));
  if (firstPlan) await gateway.write(firstPlan);
  return XlsxGateway.fromBuffer(await gateway.toBuffer());
}

describe("ownership", () => {
  test("round trip: the owned list survives save and reload", async () => {
    const gateway = await gatewayWith([], fullPlan());
    expect(await gateway.readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    const again = await XlsxGateway.fromBuffer(await gateway.toBuffer());
    expect(await again.readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    expect((await again.listSheets()).filter((s) => s.hidden).map((s) => s.name)).toContain(SERVICE_SHEET);
  });

  test.each([
    ["a report named like a user's sheet", ["Сводка"], fullPlan(), "Сводка"],
    ["the same name in another case", ["сводка"], fullPlan(), "сводка"],
    ["deleting a user's sheet", ["Журнал"], fullPlan({ deleteSheets: ["Журнал"] }), "Журнал"],
    ["claiming a user's sheet as owned", ["Справка"], fullPlan({ ownedSheets: ["Сводка", "Индикаторы", "Справка"] }), "Справка"],
  ])("refuses %s, before changing anything", async (_what, extra, plan, sheet) => {
    const gateway = await gatewayWith(extra);
    const before = wholeBook(gateway.workbook);
    const error = await gateway.write(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe("unowned-sheet");
    expect((error as GatewayError).sheet).toBe(sheet);
    expect((error as Error).message).toContain(`«${sheet}»`);
    expect(wholeBook(gateway.workbook)).toEqual(before);
    expect(wholeBook(gateway.workbook).sheets.map((s) => s.name)).not.toContain(SERVICE_SHEET);
  });

  test("refuses to overwrite a user's sheet even after earlier runs (only the recorded list counts)", async () => {
    const gateway = await gatewayWith(["Динамика"], fullPlan({ settings: null }));
    const before = wholeBook(gateway.workbook);
    const dynamics = { ...summarySheet(), name: "Динамика" };
    await expect(
      gateway.write(fullPlan({ reports: [summarySheet(), dynamics], ownedSheets: ["Сводка", "Динамика"], settings: null })),
    ).rejects.toMatchObject({ kind: "unowned-sheet", sheet: "Динамика" });
    expect(wholeBook(gateway.workbook)).toEqual(before);
  });

  test.each([
    ["overlapping merges", fullPlan({ reports: [{ ...summarySheet(), merges: [{ top: 0, left: 0, bottom: 0, right: 2 }, { top: 0, left: 2, bottom: 1, right: 2 }] }] }), "invalid-plan"],
    ["a non-finite number", fullPlan({ reports: [{ ...summarySheet(), values: [[Number.NaN]] }] }), "invalid-plan"],
    ["a bad colour", fullPlan({ reports: [{ ...summarySheet(), styles: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { fill: "red" } }] }] }), "invalid-plan"],
    ["a bad sheet name", fullPlan({ reports: [{ ...summarySheet(), name: "Итоги: 2026" }] }), "invalid-plan"],
    ["the service sheet's name", fullPlan({ reports: [{ ...summarySheet(), name: SERVICE_SHEET }] }), "invalid-plan"],
    ["a report written twice", fullPlan({ reports: [summarySheet(), summarySheet()] }), "invalid-plan"],
    ["a highlight on a missing sheet", fullPlan({ highlights: [{ sheet: "Нет", range: "A1:B2", rules: [] }] }), "not-found"],
    ["a bad highlight range", fullPlan({ highlights: [{ sheet: REGISTRY, range: "строки 3-6", rules: [] }] }), "invalid-plan"],
    ["creating an existing settings sheet", fullPlan({ settings: { sheet: REGISTRY, create: true, startRow: 0, rows: [] } }), "invalid-plan"],
    ["appending to a missing settings sheet", fullPlan({ settings: { sheet: "Настройки", create: false, startRow: 3, rows: [] } }), "not-found"],
  ])("rejects a malformed plan (%s) before changing anything", async (_what, plan, kind) => {
    const gateway = await gatewayWith([], fullPlan({ settings: null }));
    const before = wholeBook(gateway.workbook);
    const error = await gateway.write(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe(kind);
    expect(wholeBook(gateway.workbook)).toEqual(before);
  });

  test("the service sheet codec ignores rows it does not know", () => {
    const state = {
      owned: ["Сводка", "=Итоги"],
      highlights: [{ sheet: REGISTRY, range: "A3:F6", formula: "=$A3=1", fill: "#FF0000" }],
    };
    const rows = encodeServiceState(state);
    expect(decodeServiceState([...rows, ["future-kind", "x"], []])).toEqual(state);
  });

  test("the service sheet stores formula-like text as text", async () => {
    const gateway = await gatewayWith([], fullPlan({ settings: null }));
    const ws = gateway.workbook.getWorksheet(SERVICE_SHEET)!;
    const formulaCells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (cell.formula !== undefined && formulaCells.push(cell.address))));
    expect(formulaCells).toEqual([]);
    expect(ws.getCell("D4").value).toBe('=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!$E:$E,"ШНОР")>0');
  });
});
