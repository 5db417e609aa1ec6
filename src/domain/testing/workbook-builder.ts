/**
 * Test fixtures: builds SheetSnapshot arrays for a registry, results, a social passport,
 * primary scores and «Настройки» from short typed rows, so tests read like tables.
 * Only for tests — nothing in the product imports this module.
 *
 * Column layout of `resultsSheet` (row 1 is the header, data from row 2):
 *   A Код ОО | B Год | C Процедура | D Предмет | E Класс | F Кол-во участников |
 *   G «2» | H «3» | I «4» | J «5» | K Не преодолели минимальный порог | L Высокобалльники |
 *   M Понизили | N Подтвердили | O Повысили
 */
import { runEngine, type EngineResult } from "../engine/run";
import { toResultJson } from "../engine/json";
import type { SchoolResult } from "../engine/calculate";
import type { CellRange, CellValue, SheetSnapshot } from "../sheet/snapshot";
import { resolveParamValues, type SettingsSheetContent } from "../settings/read";
import { toSettings } from "../settings/resolve";
import type { Settings } from "../settings/types";

export const REPORT_DATE = "2026-11-22";

export function sheet(name: string, values: CellValue[][], opts: { merges?: CellRange[]; hidden?: boolean } = {}): SheetSnapshot {
  return { name, values, merges: opts.merges ?? [], hidden: opts.hidden ?? false };
}

const v = (x: CellValue | undefined): CellValue => (x === undefined ? "" : x);

// ---------------------------------------------------------------- registry

export interface RegistryRow {
  id: CellValue;
  name?: string;
  municipality?: string;
  type?: string;
  accreditation?: CellValue;
  remote?: CellValue;
  small?: CellValue;
  infra?: CellValue;
  staff?: CellValue;
  depressed?: CellValue;
}

export const REGISTRY_HEADER = [
  "Код ОО",
  "Наименование ОО",
  "Муниципалитет",
  "Тип ОО",
  "Аккредитация приостановлена",
  "Удалённость",
  "Малокомплектная",
  "Дефицит инфраструктуры",
  "Кадровый дефицит",
  "Депрессивная территория",
];

export function registrySheet(rows: RegistryRow[], name = "Реестр ОО"): SheetSnapshot {
  return sheet(name, [
    REGISTRY_HEADER,
    ...rows.map((r) => [r.id, r.name ?? `Школа ${String(r.id)}`, r.municipality ?? "Район", r.type ?? "СОШ", v(r.accreditation), v(r.remote), v(r.small), v(r.infra), v(r.staff), v(r.depressed)]),
  ]);
}

// ---------------------------------------------------------------- results

export interface ResultRow {
  school: CellValue;
  year: CellValue;
  proc: string;
  subject: string;
  grade?: CellValue;
  n: CellValue;
  m2?: CellValue;
  m3?: CellValue;
  m4?: CellValue;
  m5?: CellValue;
  below?: CellValue;
  high?: CellValue;
  lowered?: CellValue;
  confirmed?: CellValue;
  raised?: CellValue;
}

export const RESULTS_HEADER = [
  "Код ОО",
  "Год",
  "Процедура",
  "Предмет",
  "Класс",
  "Кол-во участников",
  "«2»",
  "«3»",
  "«4»",
  "«5»",
  "Не преодолели минимальный порог",
  "Высокобалльники",
  "Понизили",
  "Подтвердили",
  "Повысили",
];

export function resultCells(r: ResultRow): CellValue[] {
  return [r.school, r.year, r.proc, r.subject, v(r.grade), r.n, v(r.m2), v(r.m3), v(r.m4), v(r.m5), v(r.below), v(r.high), v(r.lowered), v(r.confirmed), v(r.raised)];
}

export function resultsSheet(rows: ResultRow[], opts: { name?: string; header?: string[] } = {}): SheetSnapshot {
  return sheet(opts.name ?? "Результаты", [opts.header ?? RESULTS_HEADER, ...rows.map(resultCells)]);
}

/** ВПР row: subject "rus"/"math" are written as the Russian names. */
export function vpr(school: string, year: CellValue, subject: "rus" | "math" | string, grade: CellValue, n: CellValue, m2: CellValue, more: Partial<ResultRow> = {}): ResultRow {
  return { school, year, proc: "ВПР", subject: subjectName(subject), grade, n, m2, ...more };
}

export function oge(school: string, year: CellValue, subject: "rus" | "math" | string, n: CellValue, m2: CellValue, more: Partial<ResultRow> = {}): ResultRow {
  return { school, year, proc: "ОГЭ", subject: subjectName(subject), grade: 9, n, m2, ...more };
}

export function ege(school: string, year: CellValue, subject: "rus" | "math_prof" | "math_base" | string, n: CellValue, more: Partial<ResultRow> = {}): ResultRow {
  return { school, year, proc: "ЕГЭ", subject: subjectName(subject), grade: 11, n, ...more };
}

export function rdr(school: string, year: CellValue, n: CellValue, m2: CellValue, more: Partial<ResultRow> = {}): ResultRow {
  return { school, year, proc: "РДР", subject: "Русский язык", grade: 7, n, m2, ...more };
}

function subjectName(key: string): string {
  const names: Record<string, string> = { rus: "Русский язык", math: "Математика", math_prof: "Математика профильная", math_base: "Математика базовая" };
  return names[key] ?? key;
}

/** The four ВПР combos (rus5, rus8, math5, math8) of one year, each with `n` participants
 *  and the given «2» counts. */
export function vprCombos(school: string, year: number, n: number, m2: [number, number, number, number]): ResultRow[] {
  return [vpr(school, year, "rus", 5, n, m2[0]), vpr(school, year, "rus", 8, n, m2[1]), vpr(school, year, "math", 5, n, m2[2]), vpr(school, year, "math", 8, n, m2[3])];
}

/**
 * A school with all-green results for the given years: four ВПР combos 0/20 «2», ОГЭ
 * русский 0/20 «2», ЕГЭ русский 10/20 high-scorers and 0/20 below the minimum.
 * Covered weight R1 1 + R3a 1 + R3b 1 + R4 1.5 = 4.5 of 7 (≥ 40 %), ИНР = 0.
 */
export function greenSchool(school: string, years: number[]): ResultRow[] {
  return years.flatMap((y) => [...vprCombos(school, y, 20, [0, 0, 0, 0]), oge(school, y, "rus", 20, 0), ege(school, y, "rus", 20, { high: 10, below: 0 })]);
}

// ---------------------------------------------------------------- social passport

export interface PassportRow {
  school: CellValue;
  year: CellValue;
  month?: CellValue;
  pupils: CellValue;
  odn?: CellValue;
  migr?: CellValue;
  notAtt?: CellValue;
  absent?: CellValue;
  zpr?: CellValue;
  ovz?: CellValue;
  lowIncome?: CellValue;
  singleParent?: CellValue;
  higherEd?: CellValue;
  remote?: CellValue;
  small?: CellValue;
  infra?: CellValue;
  staff?: CellValue;
  depressed?: CellValue;
  accreditation?: CellValue;
}

export const PASSPORT_HEADER = [
  "Код ОО",
  "Год",
  "Месяц",
  "Контингент",
  "На учёте в ОДН/КДН",
  "Из семей мигрантов",
  "Не аттестованы",
  "Систематически пропускают",
  "ЗПР/УО",
  "С ОВЗ",
  "Из малоимущих семей",
  "Из неполных семей",
  "Оба родителя с высшим образованием",
  "Удалённость",
  "Малокомплектная",
  "Дефицит инфраструктуры",
  "Кадровый дефицит",
  "Депрессивная территория",
  "Аккредитация приостановлена",
];

export function passportSheet(rows: PassportRow[], opts: { name?: string; header?: string[] } = {}): SheetSnapshot {
  return sheet(opts.name ?? "Социальный паспорт", [
    opts.header ?? PASSPORT_HEADER,
    ...rows.map((r) => [
      r.school,
      r.year,
      v(r.month),
      r.pupils,
      v(r.odn),
      v(r.migr),
      v(r.notAtt),
      v(r.absent),
      v(r.zpr),
      v(r.ovz),
      v(r.lowIncome),
      v(r.singleParent),
      v(r.higherEd),
      v(r.remote),
      v(r.small),
      v(r.infra),
      v(r.staff),
      v(r.depressed),
      v(r.accreditation),
    ]),
  ]);
}

// ---------------------------------------------------------------- primary scores

export interface ScoreRow {
  school: string;
  year: number;
  subject: string;
  grade: number;
  score: number;
  count: CellValue;
  b3?: CellValue;
  b4?: CellValue;
  b5?: CellValue;
}

export function scoresSheet(rows: ScoreRow[], name = "Баллы ВПР"): SheetSnapshot {
  return sheet(name, [
    ["Код ОО", "Год", "Предмет", "Класс", "Первичный балл", "Количество", "Граница «3»", "Граница «4»", "Граница «5»"],
    ...rows.map((r) => [r.school, r.year, r.subject, r.grade, r.score, r.count, v(r.b3), v(r.b4), v(r.b5)]),
  ]);
}

/** A distribution given as counts for scores 0, 1, 2, … */
export function distribution(school: string, year: number, subject: string, grade: number, counts: CellValue[], bounds: { b3?: number; b4?: number; b5?: number } = {}): ScoreRow[] {
  return counts.map((count, score) => ({ school, year, subject, grade, score, count, b3: bounds.b3, b4: bounds.b4, b5: bounds.b5 }));
}

// ---------------------------------------------------------------- settings

/** «Настройки»: the Параметры table (A: Параметр, B: Значение, from row 2), then a blank
 *  row and the Сопоставление table when `mapping` is given. */
export function settingsSheet(params: Record<string, CellValue>, mapping: [string, string][] = []): SheetSnapshot {
  const rows: CellValue[][] = [["Параметр", "Значение"], ...Object.entries(params).map(([k, x]) => [k, x])];
  if (mapping.length > 0) rows.push([], ["Поле", "Заголовок в книге"], ...mapping.map(([f, h]) => [f, h]));
  return sheet("Настройки", rows);
}

/** Typed settings with defaults, optionally overridden as the sheet would give them. */
export function defaultSettings(params: Record<string, CellValue> = {}): Settings {
  const content: SettingsSheetContent = { values: new Map(), synonyms: new Map(), endRow: 0, hasParamsTable: true, problems: [] };
  for (const [k, x] of Object.entries(params)) content.values.set(k, { raw: x, cell: "B1" });
  const problems: { sheet: string; cell: string; message: string }[] = [];
  const settings = toSettings(resolveParamValues(content, "Настройки", problems), REPORT_DATE);
  if (problems.length > 0) throw new Error(`bad test settings: ${problems.map((p) => p.message).join("; ")}`);
  return settings;
}

// ---------------------------------------------------------------- running

export function run(sheets: SheetSnapshot[], opts: { reportDate?: string; ignore?: string[] } = {}): EngineResult {
  return runEngine(sheets, { ignoreSheets: new Set(opts.ignore ?? []), reportDate: opts.reportDate ?? REPORT_DATE, today: REPORT_DATE });
}

export type SchoolJson = ReturnType<typeof toResultJson>["schools"][number];

/** Runs and returns the JSON of one school (throws when it is not in the result). */
export function runSchool(sheets: SheetSnapshot[], id: string): SchoolJson {
  return schoolJson(run(sheets), id);
}

export function schoolJson(result: EngineResult, id: string): SchoolJson {
  const found = toResultJson(result).schools.find((s) => s.school_id === id);
  if (!found) throw new Error(`school ${id} not in result`);
  return found;
}

export function schoolResult(result: EngineResult, id: string): SchoolResult {
  const found = result.schools.find((s) => s.school.id === id);
  if (!found) throw new Error(`school ${id} not in result`);
  return found;
}

/** Problems of a run as "Sheet!A1: message" lines (sheet-level problems as "Sheet: …"). */
export function problemLines(result: EngineResult): string[] {
  return result.problems.map((p) => `${p.sheet}${p.cell ? "!" + p.cell : ""}: ${p.message}`);
}
