/**
 * The bad-input corpus (quality.md «Reliability»): every kind of bad or odd input a
 * hand-made municipal workbook has, run through the whole pipeline (sheets → engine →
 * report sheets → the write plan both adapters check → result JSON). Each case states
 * - the exact problems it must produce, each with its sheet and cell;
 * - what happened to the row (`outcome`, checked by `check`);
 * - and, always, that a control school on another sheet was still computed.
 * A few cases go through the .xlsx adapter first, where the oddity lives in the file
 * (formula error results, hidden rows).
 */
import { Workbook } from "exceljs";
import type { EngineResult } from "../../src/domain/engine/run";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/domain/sheet/snapshot";
import {
  ege,
  oge,
  passportSheet,
  registrySheet,
  RESULTS_HEADER,
  resultCells,
  resultsSheet,
  sheet,
  vpr,
  type RegistryRow,
  type ResultRow,
} from "../../src/domain/testing/workbook-builder";
import { MAX_PROBLEMS_PER_SHEET } from "../../src/domain/problems";
import { MAX_ROWS } from "../../src/domain/sheet/address";
import { XlsxGateway } from "../../src/workbook/xlsx";
import { problemLines, resultJsonErrors, runPipeline } from "./pipeline";

/** What happened to the odd row or table. */
type Outcome =
  | "read" // understood as meant (no problem, or a note only)
  | "value: no data" // the cell is taken as «нет данных», the row is used
  | "row skipped"
  | "school added" // a school missing from the registry joins the calculation
  | "first kept" // a duplicate: the first row counts
  | "not data" // not a data row (total rows, rows after the table) or not input (a sheet)
  | "sheet not used"
  | "status: unparsed"; // a roadmap event without a recognised deadline

interface BadInput {
  kind: string;
  sheets: () => SheetSnapshot[] | Promise<SheetSnapshot[]>;
  /** The exact, complete list of problems ("Лист!A1: сообщение"). */
  problems: string[];
  outcome: Outcome;
  /** What happened to the row, in numbers. */
  check: (r: EngineResult) => void;
}

// ---------------------------------------------------------------------------------------
// Helpers

/** The control school: another sheet, always fine (R4.rus5 = 100·5/20 = 25). */
const CONTROL = "ctl1";
const controlSheet = () => resultsSheet([vpr(CONTROL, 2026, "rus", 5, 20, 5)], { name: "Контроль" });

/** A registry that also lists the control school. */
const registry = (rows: RegistryRow[], name?: string) => registrySheet([...rows, { id: CONTROL }], name);

/** «Результаты» with one ВПР rus-5 row of edu1 in row 2, changed by `row`. */
const oneRow = (row: Partial<ResultRow>) => [resultsSheet([{ ...vpr("edu1", 2026, "rus", 5, 20, 5), ...row }])];

const school = (r: EngineResult, id: string) => r.schools.find((s) => s.school.id === id);
const indicator = (r: EngineResult, id: string, key: string) => school(r, id)?.indicators[key]?.value ?? null;
const participants = (r: EngineResult, id: string, key: string) => school(r, id)?.indicators[key]?.n ?? null;

const R = "Результаты";
const expectedInteger = (raw: string, column: string, action: string) => `«${raw}» в столбце «${column}» — ожидалось целое неотрицательное число; ${action}`;
const NO_DATA = "значение не учтено (нет данных)";
const SKIPPED = "строка пропущена";

/** An ExcelJS book read back through the .xlsx adapter, as the command line reads a file. */
async function throughXlsx(build: (wb: Workbook) => void): Promise<SheetSnapshot[]> {
  const wb = new Workbook();
  build(wb);
  const gateway = await XlsxGateway.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
  const names = (await gateway.listSheets()).map((s) => s.name);
  return gateway.readSheets(names);
}

/** A sheet of Excel's full height, built cheaply: one shared empty row array. */
function fullHeightSheet(name: string, top: CellValue[][], filler: CellValue[] = [], last?: CellValue[]): SheetSnapshot {
  const values: CellValue[][] = new Array<CellValue[]>(MAX_ROWS).fill(filler);
  top.forEach((row, i) => (values[i] = row));
  if (last) values[MAX_ROWS - 1] = last;
  return sheet(name, values);
}

const LONG = "Ш".repeat(40_000);

// ---------------------------------------------------------------------------------------
// The corpus

const cases: BadInput[] = [
  // ----- numbers written as text
  {
    kind: "text in a count cell",
    sheets: () => oneRow({ m2: "пять" }),
    problems: [`${R}!G2: ${expectedInteger("пять", "2", NO_DATA)}`],
    outcome: "value: no data",
    check: (r) => {
      expect(indicator(r, "edu1", "R4.rus5")).toBeNull();
      expect(school(r, "edu1")).toBeDefined();
    },
  },
  {
    kind: "text in the participants cell",
    sheets: () => oneRow({ n: "двадцать" }),
    problems: [`${R}!F2: ${expectedInteger("двадцать", "Кол-во участников", SKIPPED)}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "NaN-like and infinite text («NaN», «1e999»)",
    sheets: () => oneRow({ m2: "NaN", m3: "1e999", m4: "Infinity" }),
    problems: [
      `${R}!G2: ${expectedInteger("NaN", "2", NO_DATA)}`,
      `${R}!H2: ${expectedInteger("1e999", "3", NO_DATA)}`,
      `${R}!I2: ${expectedInteger("Infinity", "4", NO_DATA)}`,
    ],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "a number beyond 2^53 in participants",
    sheets: () => oneRow({ n: 1e300 }),
    problems: [`${R}!F2: ${expectedInteger("1e+300", "Кол-во участников", SKIPPED)}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "formula-looking text in a count cell",
    sheets: () => oneRow({ m2: "=A1+1" }),
    problems: [`${R}!G2: ${expectedInteger("=A1+1", "2", NO_DATA)}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "a comma decimal in a count",
    sheets: () => oneRow({ m2: "2,5" }),
    problems: [`${R}!G2: ${expectedInteger("2,5", "2", NO_DATA)}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "comma decimals in a mark group given in percent",
    // n = 8: 12,5 / 37,5 / 37,5 / 12,5 → «2» = floor(8·12,5/100 + 0,5) = 1 → 100·1/8 = 12,5
    sheets: () => oneRow({ n: 8, m2: "12,5", m3: "37,5", m4: "37,5", m5: "12,5" }),
    problems: [],
    outcome: "read",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(12.5),
  },
  {
    kind: "spaces as thousands separators",
    // 300 of 1 200 → 25
    sheets: () => oneRow({ n: "1 200", m2: "300" }),
    problems: [],
    outcome: "read",
    check: (r) => expect([indicator(r, "edu1", "R4.rus5"), participants(r, "edu1", "R4.rus5")]).toEqual([25, 1200]),
  },
  {
    kind: "non-breaking and narrow non-breaking spaces as thousands separators",
    sheets: () => oneRow({ n: "1\u00a0200", m2: "3\u202f00" }),
    problems: [],
    outcome: "read",
    check: (r) => expect([indicator(r, "edu1", "R4.rus5"), participants(r, "edu1", "R4.rus5")]).toEqual([25, 1200]),
  },
  {
    kind: "«нет данных» and dashes in count cells",
    sheets: () => oneRow({ m2: "нет данных", m3: "—", m4: "-", m5: "н/д" }),
    problems: [],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },

  // ----- percentages
  {
    kind: "a «%» suffix in one mark cell makes the mark group percent",
    // 25 % of 20 = 5 → R4.rus5 = 25
    sheets: () => oneRow({ m2: "25%", m3: 40, m4: 25, m5: 10 }),
    problems: [],
    outcome: "read",
    check: (r) => {
      expect(indicator(r, "edu1", "R4.rus5")).toBe(25);
      expect(r.notes).toContain("«Результаты»: столбцы «2»–«5» заданы в процентах и пересчитаны в количество участников");
    },
  },
  {
    kind: "a «%» suffix in the participants cell",
    sheets: () => oneRow({ n: "20%" }),
    problems: [`${R}!F2: ${expectedInteger("20%", "Кол-во участников", SKIPPED)}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "a «%» cell in a count column whose header has no «%»",
    sheets: () => [resultsSheet([ege("edu1", 2026, "rus", 40, { below: "5%" })])],
    problems: [`${R}!K2: «5%» в столбце «Не преодолели минимальный порог» — проценты допускаются, только если в заголовке столбца есть «%»; ${NO_DATA}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R3a")).toBeNull(),
  },
  {
    kind: "percentages instead of counts, fractional and summing to 100",
    sheets: () => oneRow({ n: 8, m2: 12.5, m3: 37.5, m4: 37.5, m5: 12.5 }),
    problems: [],
    outcome: "read",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(12.5),
  },
  {
    kind: "percentages instead of counts, whole numbers (taken as counts, above participants)",
    sheets: () => oneRow({ n: 20, m2: 25, m3: 40, m4: 25, m5: 10 }),
    problems: [
      `${R}!G2: «2» = 25 больше числа участников 20; ${NO_DATA}`,
      `${R}!H2: «3» = 40 больше числа участников 20; ${NO_DATA}`,
      `${R}!I2: «4» = 25 больше числа участников 20; ${NO_DATA}`,
    ],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "a count above participants",
    sheets: () => oneRow({ n: 28, m2: 31 }),
    problems: [`${R}!G2: «2» = 31 больше числа участников 28; ${NO_DATA}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },

  // ----- negative numbers
  {
    kind: "a negative count",
    sheets: () => oneRow({ m2: -1 }),
    problems: [`${R}!G2: ${expectedInteger("-1", "2", NO_DATA)}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "negative participants with a Unicode minus",
    sheets: () => oneRow({ n: "−5" }),
    problems: [`${R}!F2: ${expectedInteger("−5", "Кол-во участников", SKIPPED)}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },

  // ----- Excel error values
  {
    kind: "#Н/Д in a count cell",
    sheets: () => oneRow({ m2: "#Н/Д" }),
    problems: [`${R}!G2: ошибка Excel «#Н/Д» в столбце «2»; ${NO_DATA}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "#N/A in a count cell",
    sheets: () => oneRow({ m2: "#N/A" }),
    problems: [`${R}!G2: ошибка Excel «#N/A» в столбце «2»; ${NO_DATA}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "#ДЕЛ/0! in the participants cell",
    sheets: () => oneRow({ n: "#ДЕЛ/0!" }),
    problems: [`${R}!F2: ошибка Excel «#ДЕЛ/0!» в столбце «Кол-во участников»; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "#REF! in a count cell",
    sheets: () => oneRow({ m2: "#REF!" }),
    problems: [`${R}!G2: ошибка Excel «#REF!» в столбце «2»; ${NO_DATA}`],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBeNull(),
  },
  {
    kind: "an Excel error in a key cell (code, year, procedure, subject)",
    sheets: () => [
      resultsSheet([
        vpr("#ССЫЛКА!", 2026, "rus", 5, 20, 5),
        vpr("edu1", "#Н/Д", "rus", 5, 20, 5),
        { ...vpr("edu1", 2026, "rus", 5, 20, 5), proc: "#ЗНАЧ!" },
        vpr("edu1", 2026, "#N/A", 5, 20, 5),
        vpr("edu1", 2026, "math", 5, 20, 4),
      ]),
    ],
    problems: [
      `${R}!A2: ошибка Excel «#ССЫЛКА!» в столбце «Код ОО»; ${SKIPPED}`,
      `${R}!B3: ошибка Excel «#Н/Д» в столбце «Год»; ${SKIPPED}`,
      `${R}!C4: ошибка Excel «#ЗНАЧ!» в столбце «Процедура»; ${SKIPPED}`,
      `${R}!D5: ошибка Excel «#N/A» в столбце «Предмет»; ${SKIPPED}`,
    ],
    outcome: "row skipped",
    check: (r) => {
      expect(r.schools.map((s) => s.school.id)).toEqual(["edu1", CONTROL]);
      expect(indicator(r, "edu1", "R4.math5")).toBe(20);
      expect(indicator(r, "edu1", "R4.rus5")).toBeNull();
    },
  },
  {
    kind: "formulas' error results in a file (#DIV/0!, #N/A) read through the .xlsx adapter",
    sheets: () =>
      throughXlsx((wb) => {
        const ws = wb.addWorksheet(R);
        ws.addRow(RESULTS_HEADER);
        ws.addRow(resultCells(vpr("edu1", 2026, "rus", 5, 20, 5)));
        ws.getCell("G2").value = { formula: "F2/0", result: { error: "#DIV/0!" } } as never;
        ws.addRow(resultCells(vpr("edu1", 2026, "math", 5, 20, 4)));
        ws.getCell("F3").value = { formula: "VLOOKUP(A3,X:Y,2,0)", result: { error: "#N/A" } } as never;
      }),
    problems: [`${R}!G2: ошибка Excel «#DIV/0!» в столбце «2»; ${NO_DATA}`, `${R}!F3: ошибка Excel «#N/A» в столбце «Кол-во участников»; ${SKIPPED}`],
    outcome: "value: no data",
    check: (r) => {
      expect(school(r, "edu1")).toBeDefined();
      expect(indicator(r, "edu1", "R4.rus5")).toBeNull();
      expect(indicator(r, "edu1", "R4.math5")).toBeNull();
    },
  },

  // ----- other cell types where numbers belong
  {
    kind: "booleans in number cells",
    sheets: () => [resultsSheet([vpr("edu1", 2026, "rus", 5, 20, true), vpr("edu1", 2026, "math", 5, false, 1)])],
    problems: [`${R}!G2: ${expectedInteger("ИСТИНА", "2", NO_DATA)}`, `${R}!F3: ${expectedInteger("ЛОЖЬ", "Кол-во участников", SKIPPED)}`],
    outcome: "value: no data",
    check: (r) => {
      expect(indicator(r, "edu1", "R4.rus5")).toBeNull();
      expect(indicator(r, "edu1", "R4.math5")).toBeNull();
    },
  },
  {
    kind: "a date in the year column (shown as the date, not its serial number)",
    // 46000 = 09.12.2025 in Excel's 1900 date system
    sheets: () => oneRow({ year: 46000 }),
    problems: [`${R}!B2: «09.12.2025» в столбце «Год» — ожидался год (2026, «2025/26»); ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "very long strings (40,000 characters) in a name and in a count cell",
    sheets: () => [registry([{ id: "edu1", name: LONG }]), ...oneRow({ m2: LONG })],
    problems: [`${R}!G2: ${expectedInteger(`${"Ш".repeat(99)}…`, "2", NO_DATA)}`],
    outcome: "value: no data",
    check: (r) => {
      expect(school(r, "edu1")!.school.name).toBe(LONG);
      // The report sheets hold at most what a cell can: checked by the plan check in runPipeline.
    },
  },

  // ----- years
  {
    kind: "years as «2025/26»",
    sheets: () => oneRow({ year: "2025/26" }),
    problems: [],
    outcome: "read",
    check: (r) => expect([r.reportYear, indicator(r, "edu1", "R4.rus5")]).toEqual([2026, 25]),
  },
  {
    kind: "years as «2025-2026 уч. г.» and «2026 г.»",
    sheets: () => [resultsSheet([vpr("edu1", "2025-2026 уч. г.", "rus", 5, 20, 5), vpr("edu1", "2026 г.", "math", 5, 20, 4)])],
    problems: [],
    outcome: "read",
    check: (r) => expect([indicator(r, "edu1", "R4.rus5"), indicator(r, "edu1", "R4.math5")]).toEqual([25, 20]),
  },
  {
    kind: "a year that is not a year",
    sheets: () => oneRow({ year: "двадцать шестой" }),
    problems: [`${R}!B2: «двадцать шестой» в столбце «Год» — ожидался год (2026, «2025/26»); ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },

  // ----- procedures, subjects, grades
  {
    kind: "unknown procedure names (and ГВЭ)",
    sheets: () => [
      resultsSheet([
        vpr("edu1", 2026, "rus", 5, 20, 5),
        { ...vpr("edu1", 2026, "rus", 6, 20, 20), proc: "Контрольная" },
        { ...oge("edu1", 2026, "rus", 20, 20), proc: "ГВЭ" },
      ]),
    ],
    problems: [`${R}!C3: процедура «Контрольная» не известна (ожидалось ВПР, ОГЭ, ЕГЭ, РДР); ${SKIPPED}`, `${R}!C4: ГВЭ не входит в показатели методики; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect([indicator(r, "edu1", "R4.rus5"), indicator(r, "edu1", "R3b")]).toEqual([25, null]),
  },
  {
    kind: "a procedure typed with a Latin look-alike («BПР»)",
    sheets: () => [resultsSheet([{ ...vpr("edu1", 2026, "rus", 5, 20, 5), proc: "BПР" }])],
    problems: [`${R}!C2: процедура «BПР» не известна (ожидалось ВПР, ОГЭ, ЕГЭ, РДР); ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "ЕГЭ «Математика» without a level",
    sheets: () => [resultsSheet([{ ...ege("edu1", 2026, "math_prof", 20, { high: 2 }), subject: "Математика" }, ege("edu1", 2026, "rus", 20, { high: 5 })])],
    problems: [`${R}!D2: ЕГЭ: предмет «Математика» без уровня — укажите «Математика профильная» или «Математика базовая»; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect([indicator(r, "edu1", "R2"), indicator(r, "edu1", "R1")]).toEqual([null, 25]),
  },
  {
    kind: "an unknown subject name («Рус. яз.») is a subject of its own, outside ИНР",
    sheets: () => oneRow({ subject: "Рус. яз." }),
    problems: [],
    outcome: "read",
    check: (r) => {
      expect(school(r, "edu1")).toBeDefined();
      expect(indicator(r, "edu1", "R4.rus5")).toBeNull();
    },
  },
  {
    kind: "an empty subject and a grade out of range",
    sheets: () => [resultsSheet([vpr("edu1", 2026, "", 5, 20, 5), vpr("edu1", 2026, "rus", "12", 20, 5), vpr("edu1", 2026, "rus", "5А", 20, 5)])],
    problems: [`${R}!D2: пустой предмет; ${SKIPPED}`, `${R}!E3: «12» в столбце «Класс» — ожидался номер класса; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(25),
  },

  // ----- layout of the header
  {
    kind: "merged header cells (a group title over «2»–«5», vertical merges)",
    sheets: () => {
      const values: CellValue[][] = [
        ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "Получили отметку", "", "", ""],
        ["", "", "", "", "", "", "«2»", "«3»", "«4»", "«5»"],
        ["edu1", 2026, "ВПР", "Русский язык", 5, 20, 5, 8, 5, 2],
      ];
      const merges: CellRange[] = [0, 1, 2, 3, 4, 5].map((c) => ({ top: 0, left: c, bottom: 1, right: c }));
      merges.push({ top: 0, left: 6, bottom: 0, right: 9 });
      return [sheet(R, values, { merges })];
    },
    problems: [],
    outcome: "read",
    check: (r) => expect([r.tables.find((t) => t.sheet === R)?.header_row, indicator(r, "edu1", "R4.rus5")]).toEqual([2, 25]),
  },
  {
    kind: "a two-row header with «%» in the group title",
    sheets: () => {
      const values: CellValue[][] = [
        ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во\nучастников (чел.)", "Отметки, %", "", "", ""],
        ["", "", "", "", "", "", "«2»", "«3»", "«4»", "«5»"],
        ["edu1", 2026, "ВПР", "Русский язык", "5А", 20, 25, 40, 25, 10],
      ];
      return [sheet(R, values, { merges: [{ top: 0, left: 6, bottom: 0, right: 9 }] })];
    },
    problems: [],
    outcome: "read",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(25),
  },
  {
    kind: "a title and blank rows above the header, the table from column C",
    sheets: () => {
      const pad = (cells: CellValue[]) => ["", "", ...cells];
      return [sheet(R, [["Результаты ВПР по району, 2026 г."], [], pad(RESULTS_HEADER), [], pad(resultCells(vpr("edu1", 2026, "rus", 5, 20, 5)))])];
    },
    problems: [],
    outcome: "read",
    check: (r) => expect([r.tables.find((t) => t.sheet === R)?.header_row, indicator(r, "edu1", "R4.rus5")]).toEqual([3, 25]),
  },
  {
    kind: "a header with a Latin «O» in «ОО» and «МО»",
    sheets: () => [
      sheet("Реестр ОО", [
        ["Код OO", "Наименование OO", "MO"],
        ["edu1", "МБОУ «СОШ № 1»", "Район"],
        [CONTROL, "Контрольная школа", "Район"],
      ]),
      ...oneRow({}),
    ],
    problems: [],
    outcome: "read",
    check: (r) => {
      expect(r.tables.map((t) => t.kind)).toContain("registry");
      expect([school(r, "edu1")!.school.name, school(r, "edu1")!.school.municipality]).toEqual(["МБОУ «СОШ № 1»", "Район"]);
    },
  },
  {
    kind: "two columns matching one field",
    sheets: () => {
      const header = [...RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "Участники" : h)), "Кол-во участников"];
      return [sheet(R, [header, [...resultCells(vpr("edu1", 2026, "rus", 5, 999, 5)), 20]])];
    },
    problems: [`${R}!F1: столбец «Участники» тоже подходит к полю «Кол-во участников»; использован другой столбец, этот не учитывается`],
    outcome: "read",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(25),
  },
  {
    kind: "a required column missing (the table is reported at its header row, not guessed)",
    sheets: () => [sheet(R, [["Результаты ВПР"], RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "Кол-во участ." : h)), resultCells(vpr("edu1", 2026, "rus", 5, 20, 5))])],
    problems: [
      `${R}!A2: похоже на таблицу «Результаты» (заголовок в строке 2), но нет обязательных столбцов: «Кол-во участников» (ближайший заголовок: «Кол-во участ.»); лист не использован`,
    ],
    outcome: "sheet not used",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },

  // ----- where tables end
  {
    kind: "an «Итого» row ends the table (its sums and what follows are not data)",
    sheets: () => [resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5), { ...vpr("Итого:", "", "", "", 20, 5), proc: "" }, vpr("edu9", 2026, "rus", 5, 20, 20)])],
    problems: [],
    outcome: "not data",
    check: (r) => {
      expect(school(r, "edu9")).toBeUndefined();
      expect(participants(r, "edu1", "R4.rus5")).toBe(20);
    },
  },
  {
    kind: "«Всего по району» ends the table; «Итоговое собеседование» does not",
    sheets: () => [
      sheet(R, [
        ["Предмет", "Код ОО", "Год", "Процедура", "Класс", "Кол-во участников", "«2»"],
        ["Русский язык", "edu1", 2026, "ОГЭ", 9, 20, 2],
        ["Итоговое собеседование", "edu1", 2026, "ОГЭ", 9, 20, 0],
        ["Всего по району", "", "", "", "", 40, 2],
        ["Русский язык", "edu9", 2026, "ОГЭ", 9, 20, 20],
      ]),
    ],
    problems: [],
    outcome: "not data",
    check: (r) => {
      expect(school(r, "edu9")).toBeUndefined();
      expect(indicator(r, "edu1", "R3b")).toBe(10);
    },
  },

  // ----- school codes
  {
    kind: "duplicate school codes in the registry",
    sheets: () => [registry([{ id: "0412", name: "Первая" }, { id: "edu2" }, { id: "0412", name: "Дубль" }]), resultsSheet([vpr("0412", 2026, "rus", 5, 20, 5)])],
    problems: ["Реестр ОО!A4: Реестр ОО: код 0412 встречается дважды (строки 2 и 4); использована первая строка"],
    outcome: "first kept",
    check: (r) => expect(school(r, "0412")!.school.name).toBe("Первая"),
  },
  {
    kind: "a school missing from the registry",
    sheets: () => [registry([{ id: "edu1" }]), resultsSheet([vpr("edu9", 2026, "rus", 5, 20, 5)])],
    problems: [`${R}!A2: код ОО edu9 есть на листе «Результаты», но его нет в реестре; школа добавлена в расчёт`],
    outcome: "school added",
    check: (r) => expect([school(r, "edu9")!.school.name, indicator(r, "edu9", "R4.rus5")]).toEqual(["edu9", 25]),
  },
  {
    kind: "a code typed as a number (412) where the registry has text «0412»",
    sheets: () => [registry([{ id: "0412" }]), resultsSheet([{ ...vpr("", 2026, "rus", 5, 20, 5), school: 412 }])],
    problems: [`${R}!A2: код ОО 412 есть на листе «Результаты», но его нет в реестре; школа добавлена в расчёт`],
    outcome: "school added",
    check: (r) => {
      expect(indicator(r, "0412", "R4.rus5")).toBeNull();
      expect(indicator(r, "412", "R4.rus5")).toBe(25);
    },
  },
  {
    kind: "codes as numbers on both sheets (an ИНН) match",
    sheets: () => [registry([{ id: 7701234567 }]), resultsSheet([{ ...vpr("", 2026, "rus", 5, 20, 5), school: 7701234567 }])],
    problems: [],
    outcome: "read",
    check: (r) => expect(indicator(r, "7701234567", "R4.rus5")).toBe(25),
  },
  {
    kind: "leading and trailing spaces and NBSP around codes",
    sheets: () => [registry([{ id: " edu1\u00a0" }]), resultsSheet([vpr("\u00a0edu1 ", 2026, "rus", 5, 20, 5)])],
    problems: [],
    outcome: "read",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(25),
  },
  {
    kind: "an empty school code",
    sheets: () => oneRow({ school: "" }),
    problems: [`${R}!A2: пустой код ОО; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(r.schools.map((s) => s.school.id)).toEqual([CONTROL]),
  },
  {
    kind: "an Excel error as a registry code",
    sheets: () => [registry([{ id: "#Н/Д" }, { id: "edu1" }]), ...oneRow({})],
    problems: [`Реестр ОО!A2: ошибка Excel «#Н/Д» в столбце «Код ОО»; ${SKIPPED}`],
    outcome: "row skipped",
    check: (r) => expect(r.schools.map((s) => s.school.id)).toEqual(["edu1", CONTROL]),
  },
  {
    kind: "a yes/no cell that is neither",
    sheets: () => [registry([{ id: "edu1", remote: "может быть" }]), ...oneRow({})],
    problems: ["Реестр ОО!F2: «может быть» в столбце «Удалённость» — ожидалось «да» или «нет»; принято «нет данных»"],
    outcome: "value: no data",
    check: (r) => expect(indicator(r, "edu1", "S6")).toBeNull(),
  },

  // ----- the social passport
  {
    kind: "a percentage in «Контингент» and a month that is not a month",
    sheets: () => [passportSheet([{ school: "edu1", year: 2026, pupils: "12,5%", odn: 1 }, { school: "edu2", year: 2026, month: "тринадцатый", pupils: 100 }])],
    problems: [
      `Социальный паспорт!D2: ${expectedInteger("12,5%", "Контингент", NO_DATA)}`,
      `Социальный паспорт!C3: «тринадцатый» в столбце «Месяц» — ожидался месяц (1–12 или название); ${SKIPPED}`,
    ],
    outcome: "value: no data",
    check: (r) => {
      expect(indicator(r, "edu1", "S1")).toBeNull();
      expect(school(r, "edu2")).toBeUndefined();
    },
  },

  // ----- sheets
  {
    kind: "an empty sheet",
    sheets: () => [sheet("Лист1", []), sheet("Лист2", [[], ["", "  "]]), ...oneRow({})],
    problems: [],
    outcome: "not data",
    check: (r) => expect(r.tables.map((t) => t.sheet)).toEqual([R, "Контроль"]),
  },
  {
    kind: "a sheet of only headers",
    sheets: () => [registry([{ id: "edu1" }]), resultsSheet([])],
    problems: [],
    outcome: "read",
    check: (r) => {
      expect(r.tables.find((t) => t.sheet === R)?.rows).toBe(0);
      expect(school(r, "edu1")!.classification.status).toBe("insufficient_data");
    },
  },
  {
    kind: "a hidden sheet is not input",
    sheets: () => [{ ...oneRow({})[0], hidden: true }],
    problems: [],
    outcome: "not data",
    check: (r) => expect(school(r, "edu1")).toBeUndefined(),
  },
  {
    kind: "hidden rows are read (through the .xlsx adapter)",
    sheets: () =>
      throughXlsx((wb) => {
        const ws = wb.addWorksheet(R);
        ws.addRow(RESULTS_HEADER);
        ws.addRow(resultCells(vpr("edu1", 2026, "rus", "5А", 10, 1)));
        ws.addRow(resultCells(vpr("edu1", 2026, "rus", "5Б", 10, 4)));
        ws.getRow(3).hidden = true;
      }),
    problems: [],
    outcome: "read",
    // (1 + 4) of (10 + 10) → 25: the hidden row counts
    check: (r) => expect([indicator(r, "edu1", "R4.rus5"), participants(r, "edu1", "R4.rus5")]).toEqual([25, 20]),
  },
  {
    kind: "a 1,048,576-row sheet: a table on top, a stray cell in the last row",
    sheets: () => [fullHeightSheet(R, [RESULTS_HEADER, resultCells(vpr("edu1", 2026, "rus", 5, 20, 5))], [], ["конец"])],
    problems: [],
    outcome: "not data",
    check: (r) => expect([r.tables.find((t) => t.sheet === R)?.rows, indicator(r, "edu1", "R4.rus5")]).toEqual([1, 25]),
  },
  {
    kind: "a 1,048,576-row sheet with a formula column copied down to the last row",
    // Rows 3…1,048,576 hold only a 0 in column Q (outside the table): not blank, so the
    // table runs to the bottom and each row lacks its code. The problems are capped.
    sheets: () => [fullHeightSheet(R, [[...RESULTS_HEADER, "", "Проверка"], [...resultCells(vpr("edu1", 2026, "rus", 5, 20, 5)), "", 0]], [...RESULTS_HEADER.map(() => ""), "", 0])],
    problems: [
      ...Array.from({ length: MAX_PROBLEMS_PER_SHEET }, (_, i) => `${R}!A${i + 3}: пустой код ОО; ${SKIPPED}`),
      `${R}!A${MAX_PROBLEMS_PER_SHEET + 3}: и ещё ${MAX_ROWS - 2 - MAX_PROBLEMS_PER_SHEET} проблемы на этом листе, начиная с этой ячейки, не показаны (показаны первые ${MAX_PROBLEMS_PER_SHEET}); исправьте показанные и рассчитайте снова`,
    ],
    outcome: "row skipped",
    check: (r) => expect(indicator(r, "edu1", "R4.rus5")).toBe(25),
  },

  // ----- the roadmap
  {
    kind: "unparseable and empty deadlines, a completion date that is not a date",
    sheets: () => [
      sheet("Дорожная карта", [
        ["Мероприятие", "Срок", "Ответственный", "Фактический результат", "Дата выполнения"],
        ["Семинар", "когда-нибудь", "ИМЦ", "", ""],
        ["Совещание", "", "ИМЦ", "", ""],
        ["Мониторинг", "май", "ИМЦ", "выполнено", "вчера"],
      ]),
      ...oneRow({}),
    ],
    problems: [
      "Дорожная карта!B2: «когда-нибудь» — срок не распознан",
      "Дорожная карта!B3: срок не указан — ожидалась дата или срок вида «май», «до 31 мая», «ежегодно»; мероприятие показано со статусом «срок не распознан»",
      "Дорожная карта!E4: «вчера» в столбце «Дата выполнения» — ожидалась дата; дата выполнения не учтена",
    ],
    outcome: "status: unparsed",
    check: (r) => expect(r.roadmap.map((e) => e.status)).toEqual(["unparsed", "unparsed", "done"]),
  },
];

// ---------------------------------------------------------------------------------------

describe("bad-input corpus", () => {
  test("has at least 30 kinds, each named once", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.kind)).size).toBe(cases.length);
  });

  test.each(cases.map((c) => [c.kind, c] as const))("%s", async (_kind, c) => {
    const sheets = [...(await c.sheets())];
    sheets.push(controlSheet());
    const started = Date.now();
    const { result, json } = runPipeline(sheets);
    const seconds = (Date.now() - started) / 1000;

    expect(problemLines(result)).toEqual(c.problems);
    c.check(result);
    // The other schools were still computed.
    expect(indicator(result, CONTROL, "R4.rus5")).toBe(25);
    expect(resultJsonErrors(json)).toEqual([]);
    // Not a benchmark: a guard against a run that grows with the sheet's height squared.
    expect(seconds).toBeLessThan(30);
  });
});
