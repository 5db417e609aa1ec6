/**
 * The results reader takes plain numbers by a fast path and everything else through the
 * general parsers (RowReader, parseNumber). The same values typed as text always go the
 * general way: both must give the same rows, notes and problems.
 */
import fc from "fast-check";
import type { Problem } from "../problems";
import { recognizeSheet } from "../recognition/recognize";
import type { CellValue } from "../sheet/snapshot";
import { RESULTS_HEADER, sheet } from "../testing/workbook-builder";
import { readResults } from "./results";

const HEADER = [...RESULTS_HEADER, "Средний балл"];

/** A number a person may type (no −0: its text is «0»). */
const number = fc.oneof(
  fc.nat(120),
  fc.integer({ min: -3, max: 14 }),
  fc.double({ min: -5, max: 300, noNaN: true }).filter((x) => !Object.is(x, -0)),
  fc.constantFrom(1e21, 0.5, 99.5, 100),
);
const text = fc.constantFrom<CellValue>("", " ", "5%", "12,5", "н/д", "-", "#Н/Д", "#ДЕЛ/0!", "abc", "5А", "7 класс", true, false);
const cell = fc.oneof({ weight: 4, arbitrary: number }, { weight: 1, arbitrary: text });

const row = fc.record({
  school: fc.constantFrom<CellValue>("edu1", "edu2", " edu3 ", "", "#Н/Д", 17),
  // (a number that is no year is quoted as a date, its text as typed: not the same on purpose)
  year: fc.constantFrom<CellValue>(2025, 2026, "2026", "2025/26", "1800", "#ССЫЛКА!", ""),
  procedure: fc.constantFrom<CellValue>("ВПР", "ОГЭ", "ЕГЭ", "РДР", "ГВЭ", "впр ", "", "#Н/Д", "Олимпиада"),
  subject: fc.constantFrom<CellValue>("Русский язык", "Математика", "Математика профильная", "Физика", "", "#Н/Д"),
  grade: fc.oneof(number, text),
  rest: fc.array(cell, { minLength: 11, maxLength: 11 }),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

const cells = (r: Row): CellValue[] => [r.school, r.year, r.procedure, r.subject, r.grade, ...r.rest];
/** Every number written as its text, as a person may type it into a text cell. */
const asText = (values: CellValue[]): CellValue[] => values.map((v) => (typeof v === "number" ? String(v) : v));

function read(rows: CellValue[][]) {
  const table = recognizeSheet(sheet("Результаты", [HEADER, ...rows]), new Map()).table!;
  const problems: Problem[] = [];
  const { records: t, schoolsSeen, notes } = readResults([table], problems);
  const records = Array.from({ length: t.length }, (_, i) => [t.school[i], t.year[i], t.procedureCode[i], t.subject[i], t.grade[i], t.participants[i], t.meanScore[i], ...t.countColumns.map((c) => c[i])]);
  return { records, schoolsSeen: [...schoolsSeen], notes, problems };
}

describe("results: plain numbers read by the fast path = the same values as text", () => {
  test("rows, notes and problems are the same", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const numbers = rows.map(cells);
        expect(read(numbers)).toEqual(read(numbers.map(asText)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("results: rows with the same key", () => {
  // Schools interleaved and a duplicate on a second sheet: each school's rows are summed into
  // its first one, never into another school's; problems come in the order the second rows do.
  test("are summed school by school, across sheets", () => {
    const row = (school: string, m2: number, raised: CellValue) => [school, 2026, "ВПР", "Русский язык", 5, 10, m2, "", "", "", "", "", "", "", raised];
    const sheet1 = sheet("Р1", [RESULTS_HEADER, row("edu1", 1, ""), row("edu2", 2, 1), row("edu2", 3, ""), row("edu1", 4, 2), row("edu3", 5, 0)]);
    const sheet2 = sheet("Р2", [RESULTS_HEADER, row("edu1", 6, 3)]);
    const tables = [sheet1, sheet2].map((s) => recognizeSheet(s, new Map()).table!);
    const problems: Problem[] = [];
    const { records: t, notes } = readResults(tables, problems);
    const rows = Array.from({ length: t.length }, (_, i) => [t.school[i], t.participants[i], t.counts.mark2[i], t.count("raised", i)]);
    expect(rows).toEqual([
      ["edu1", 30, 11, null],
      ["edu2", 20, 5, null],
      ["edu3", 10, 5, 0],
    ]);
    expect(problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Р1!O4", "Р1!O2"]);
    expect(notes).toEqual(["строки с одинаковыми ключом (школа × год × процедура × предмет × класс) сложены: 5"]);
  });
});

describe("results: keys of rows summed", () => {
  // years at both ends of the range, grade 0 (РДР without one) to 11: the whole key tells rows apart
  test("rows are summed exactly when school, year, procedure, subject and grade are all the same", () => {
    const key = fc.record({
      school: fc.constantFrom("edu1", "edu2"),
      year: fc.constantFrom(1990, 2026, 2100),
      procedure: fc.constantFrom("ВПР", "ОГЭ", "РДР"),
      subject: fc.constantFrom("Русский язык", "Математика"),
      grade: fc.constantFrom<CellValue>(1, 5, 11, ""),
    });
    fc.assert(
      fc.property(fc.array(key.filter((k) => k.grade !== "" || k.procedure === "РДР"), { maxLength: 25 }), (keys) => {
        const rows = keys.map((k) => [k.school, k.year, k.procedure, k.subject, k.grade, 10, 1, "", "", "", "", "", "", "", ""]);
        const problems: Problem[] = [];
        const { records: t } = readResults(keys.length ? [recognizeSheet(sheet("Р", [RESULTS_HEADER, ...rows]), new Map()).table!] : [], problems);
        const id = (k: (typeof keys)[number]) => `${k.school} ${k.year} ${k.procedure} ${k.subject} ${k.grade === "" ? 0 : k.grade}`;
        const expected = new Map<string, number>();
        for (const k of keys) expected.set(id(k), (expected.get(id(k)) ?? 0) + 10);
        // each key's first row, in row order, with the participants of all its rows
        expect(Array.from(t.participants.subarray(0, t.length))).toEqual([...expected.values()]);
        expect(problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
