import { Workbook } from "exceljs";
import { buildUserWorkbook, HIDDEN, REGISTRY, RESULTS, toBuffer, VERY_HIDDEN } from "../../../test/fixtures/xlsx/user-book";
import { dateToSerial, toCellValue } from "./read-sheet";
import { SERVICE_SHEET } from "../service-state";
import { XlsxGateway } from "./xlsx-gateway";

async function open(wb: Workbook): Promise<XlsxGateway> {
  return XlsxGateway.fromBuffer(await toBuffer(wb));
}

describe("XlsxGateway reading", () => {
  let gateway: XlsxGateway;
  beforeAll(async () => {
    gateway = await open(buildUserWorkbook());
  });

  test("lists sheets in tab order with visibility", async () => {
    expect(await gateway.listSheets()).toEqual([
      { name: REGISTRY, hidden: false },
      { name: RESULTS, hidden: false },
      { name: HIDDEN, hidden: true },
      { name: VERY_HIDDEN, hidden: true },
    ]);
  });

  test("plain values, dates as serials, formulas as cached results", async () => {
    const [reg] = await gateway.readSheets([REGISTRY]);
    expect(reg.name).toBe(REGISTRY);
    expect(reg.hidden).toBe(false);
    expect(reg.values[1].slice(0, 6)).toEqual([
      "Код ОО",
      "Наименование ОО",
      "Контингент",
      "Дата открытия",
      "Малокомплектная",
      "Удвоенный контингент",
    ]);
    // 1975-09-01 is serial 27638, 2001-09-01 is 37135 in Excel.
    expect(reg.values[2].slice(0, 6)).toEqual(["edu0001", "МБОУ «Сосновская СОШ»", 312, 27638, "нет", 624]);
    expect(reg.values[5].slice(0, 6)).toEqual(["edu0004", "МКОУ «Озёрная НОШ»", 18, 37135, "да", 36]);
    // F4:F6 are clones of the shared formula in F3: each carries its own result.
    expect(reg.values.slice(2, 6).map((r) => r[5])).toEqual([624, 82, 1174, 36]);
  });

  test("hyperlinks, rich text, booleans, errors, formula without a result, text that looks like a formula", async () => {
    const [reg] = await gateway.readSheets([REGISTRY]);
    expect(reg.values[1][7]).toBe("Сайт управления");
    expect(reg.values[2][7]).toBe("Итого по району");
    expect(reg.values[3][7]).toBe(true);
    expect(reg.values[4][7]).toBe("#N/A");
    expect(reg.values[5][7]).toBe("#DIV/0!");
    expect(reg.values[6]?.[7] ?? "").toBe(""); // formula with no cached value
    expect(reg.values[2][8]).toBe("=не формула");
    expect(reg.values[3][8]).toBe("-5");
    expect(reg.values[4][8]).toBe(0.125);
    // Gaps inside a row are "" (G is empty).
    expect(reg.values[2][6]).toBe("");
  });

  test("merged cells: only the top-left holds the value, merges are 0-based ranges", async () => {
    const [reg, res] = await gateway.readSheets([REGISTRY, RESULTS]);
    expect(reg.values[0]).toEqual(["Реестр общеобразовательных организаций"]);
    expect(reg.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(res.values[0]).toEqual(["Код ОО", "Отметки, %"]);
    expect(res.values[1]).toEqual(["", "«2»", "«3»"]);
    expect(res.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ]);
    expect(res.values.slice(2)).toEqual([
      ["edu0001", 12.5, 40],
      ["edu0002", 30, 45.5],
    ]); // the "" string cell in D5 and trailing empty rows are trimmed
  });

  test("hidden and very hidden sheets are reported hidden", async () => {
    const [h, vh] = await gateway.readSheets([HIDDEN, VERY_HIDDEN]);
    expect(h).toEqual({ name: HIDDEN, values: [["старые данные"]], merges: [], hidden: true });
    expect(vh).toEqual({ name: VERY_HIDDEN, values: [[], ["", 42]], merges: [], hidden: true });
  });

  test("sheet names are matched like Excel (case-insensitive); unknown names throw", async () => {
    const [reg] = await gateway.readSheets(["реестр оо"]);
    expect(reg.name).toBe(REGISTRY);
    await expect(gateway.readSheets(["Нет такого"])).rejects.toThrow("Нет такого");
  });

  test("a book without the service sheet owns nothing", async () => {
    expect(await gateway.readOwnedSheets()).toEqual([]);
    expect((await gateway.listSheets()).map((s) => s.name)).not.toContain(SERVICE_SHEET);
  });

  test("a 1904-date-system book gives the same 1900-system serials", async () => {
    const wb = new Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Даты");
    ws.getCell("A1").value = new Date(Date.UTC(2026, 1, 28));
    ws.getCell("A1").numFmt = "dd.mm.yyyy";
    ws.getCell("A2").value = new Date(Date.UTC(2024, 0, 1, 12, 0));
    ws.getCell("A2").numFmt = "dd.mm.yyyy hh:mm";
    const [snap] = await (await open(wb)).readSheets(["Даты"]);
    expect(snap.values).toEqual([[46081], [45292.5]]);
  });

  test("date-formatted formula results are serials too", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Ф");
    ws.getCell("A1").value = { formula: "DATE(2026,2,28)", result: new Date(Date.UTC(2026, 1, 28)) } as never;
    ws.getCell("A1").numFmt = "dd.mm.yyyy";
    ws.getCell("A2").value = { formula: "A1>0", result: true } as never;
    ws.getCell("A3").value = { formula: 'IF(A2,"да","нет")', result: "да" } as never;
    const [snap] = await (await open(wb)).readSheets(["Ф"]);
    expect(snap.values).toEqual([[46081], [true], ["да"]]);
  });
});

describe("value conversion", () => {
  test("dateToSerial treats the Date as UTC", () => {
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 30)))).toBe(0);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 18)))).toBe(45292.75);
  });

  test("toCellValue covers every ExcelJS value shape", () => {
    expect(toCellValue(null)).toBe("");
    expect(toCellValue(undefined)).toBe("");
    expect(toCellValue(3.5)).toBe(3.5);
    expect(toCellValue("x")).toBe("x");
    expect(toCellValue(false)).toBe(false);
    expect(toCellValue({ error: "#Н/Д" })).toBe("#Н/Д");
    expect(toCellValue({ richText: [{ text: "а" }, { text: "б" }] })).toBe("аб");
    expect(toCellValue({ text: "ссылка", hyperlink: "https://x" })).toBe("ссылка");
    expect(toCellValue({ text: { richText: [{ text: "rt" }] }, hyperlink: "https://x" })).toBe("rt");
    expect(toCellValue({ formula: "A1", result: 7 })).toBe(7);
    expect(toCellValue({ sharedFormula: "A1", result: { error: "#REF!" } })).toBe("#REF!");
    expect(toCellValue({ formula: "A1" })).toBe("");
  });
});
