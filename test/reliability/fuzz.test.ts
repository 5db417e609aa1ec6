/**
 * Fuzzing (quality.md «Reliability»): thousands of random mutations of the demo workbook's
 * sheets — cell types, blanks, huge and negative numbers, NaN-like text, Excel error values,
 * long strings, formula-looking text, merged cells, deleted header cells, shuffled, deleted
 * and duplicated rows, a «Настройки» of garbage — each run through the whole pipeline
 * (engine, report sheets, highlights, the write plan both adapters check, result JSON).
 *
 * Every run must end without an exception; every problem must name its sheet and an A1
 * cell (the engine has no whole-sheet problems without a cell: see pipeline.ts); the JSON
 * must survive a round trip, with statuses, flags and zones from the allowed codes and every
 * number finite or null.
 *
 * The demo is read once through the .xlsx adapter; mutations work on copies of the
 * snapshots. A failure prints fast-check's seed and the failing list of mutations (not shrunk:
 * each run takes a few hundred milliseconds);
 * FC_SEED=<seed> FC_PATH=<path> replays it.
 */
import fc from "fast-check";
import { join } from "node:path";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxFile } from "../../src/workbook/xlsx/file";
import { resultJsonErrors, runPipeline } from "./pipeline";

/** Runs per `npm test`; FC_RUNS=<n> explores longer. */
const RUNS = Number(process.env.FC_RUNS ?? 200);
const MUTATIONS = { minLength: 20, maxLength: 60 };

let demo: SheetSnapshot[] = [];

beforeAll(async () => {
  const gateway = await openXlsxFile(join(__dirname, "../../assets/demo.xlsx"));
  demo = await gateway.readSheets((await gateway.listSheets()).map((s) => s.name));
});

// ---------------------------------------------------------------------------------------
// Values a cell may get

const LONG = "ж".repeat(33_000); // longer than an Excel cell
const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    "",
    " ",
    "\u00a0",
    "нет данных",
    "—",
    "-",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "#Н/Д",
    "#N/A",
    "#ДЕЛ/0!",
    "#DIV/0!",
    "#REF!",
    "#ССЫЛКА!",
    "#ЗНАЧ!",
    "#ИМЯ?",
    "=SUM(A1:A9)",
    '=HYPERLINK("http://example.org","x")',
    "+7",
    "@x",
    "12,5%",
    "100%",
    "1 200",
    "1\u00a0200",
    "0412",
    "2025/26",
    "2025-2026 уч. г.",
    "Итого",
    "Всего по району",
    "ВПР",
    "ОГЭ",
    "ЕГЭ",
    "РДР",
    "ГВЭ",
    "Русский язык",
    "Математика",
    "Код ОО",
    "Кол-во участников",
    "«2»",
    "Срок",
    "Мероприятие",
    "ежегодно",
    "до 31 мая",
    "когда-нибудь",
    "да",
    "нет",
    LONG,
    true,
    false,
    0,
    -1,
    -0,
    0.5,
    100,
    101,
    2026,
    46000,
    1e15,
    Number.MAX_SAFE_INTEGER + 2,
    1e300,
    -1e300,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

// ---------------------------------------------------------------------------------------
// Mutations: sheet, row and column are picked modulo the sheet's size when applied.

type Mutation =
  | { kind: "set"; sheet: number; row: number; col: number; value: CellValue }
  | { kind: "setHeader"; sheet: number; col: number; value: CellValue }
  | { kind: "deleteHeaderCell"; sheet: number; col: number }
  | { kind: "merge"; sheet: number; row: number; col: number; height: number; width: number }
  | { kind: "shuffleRows"; sheet: number; seed: number }
  | { kind: "deleteRow"; sheet: number; row: number }
  | { kind: "duplicateRow"; sheet: number; row: number }
  | { kind: "blankRow"; sheet: number; row: number }
  | { kind: "swapColumns"; sheet: number; a: number; b: number }
  | { kind: "columnOf"; sheet: number; col: number; value: CellValue }
  | { kind: "hide"; sheet: number }
  | { kind: "settings"; rows: [string, CellValue][] };

const idx = fc.nat({ max: 10_000 });
const PARAM_IDS = ["report_year", "report_date", "min_n_scored", "min_n_stable", "index_coverage", "scoring_mode", "comparison_group", "vpr_grades", "vpr_subjects", "zone_R4_red", "weight_R4", "due_soon_days", "monthly_absence_rule", "color_shnor", "shnor_threshold", "Параметр", "неизвестный"];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("set" as const), sheet: idx, row: idx, col: idx, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("setHeader" as const), sheet: idx, col: idx, value }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("deleteHeaderCell" as const), sheet: idx, col: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("merge" as const), sheet: idx, row: idx, col: idx, height: fc.integer({ min: 1, max: 4 }), width: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shuffleRows" as const), sheet: idx, seed: fc.integer() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), sheet: idx, row: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicateRow" as const), sheet: idx, row: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("blankRow" as const), sheet: idx, row: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swapColumns" as const), sheet: idx, a: idx, b: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("columnOf" as const), sheet: idx, col: idx, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hide" as const), sheet: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("settings" as const), rows: fc.array(fc.tuple(fc.constantFrom(...PARAM_IDS), value), { maxLength: 12 }) }) },
);

/** Copies of the sheets: rows are copied when first changed, the demo is never touched. */
function copyOf(sheets: SheetSnapshot[]): SheetSnapshot[] {
  return sheets.map((s) => ({ ...s, values: s.values.map((row) => row.slice()), merges: s.merges.map((m) => ({ ...m })) }));
}

function width(s: SheetSnapshot): number {
  let w = 1;
  for (const row of s.values) if (row.length > w) w = row.length;
  return w;
}

function setCell(s: SheetSnapshot, r: number, c: number, v: CellValue): void {
  while (s.values.length <= r) s.values.push([]);
  const row = s.values[r];
  while (row.length < c) row.push("");
  row[c] = v;
}

const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function apply(sheets: SheetSnapshot[], m: Mutation): void {
  if (m.kind === "settings") {
    const rows: CellValue[][] = [["Параметр", "Значение"], ...m.rows.map(([k, v]) => [k, v])];
    const existing = sheets.find((s) => s.name === "Настройки");
    if (existing) existing.values = rows;
    else sheets.push({ name: "Настройки", values: rows, merges: [], hidden: false });
    return;
  }
  const s = sheets[m.sheet % sheets.length];
  const height = Math.max(1, s.values.length);
  const row = (r: number) => r % height;
  const col = (c: number) => c % (width(s) + 1);
  switch (m.kind) {
    case "set":
      return setCell(s, row(m.row), col(m.col), m.value);
    case "setHeader":
      return setCell(s, 0, col(m.col), m.value);
    case "deleteHeaderCell":
      return setCell(s, 0, col(m.col), "");
    case "columnOf":
      for (let r = 1; r < s.values.length; r++) setCell(s, r, col(m.col), m.value);
      return;
    case "merge": {
      const top = row(m.row);
      const left = col(m.col);
      const area = { top, left, bottom: top + m.height - 1, right: left + m.width - 1 };
      if (s.merges.some((x) => overlaps(x, area))) return;
      s.merges.push(area);
      // Only the top-left cell of a merge keeps a value (as the adapters read it).
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (r !== top || c !== left) if (s.values[r]?.[c] !== undefined) s.values[r][c] = "";
      return;
    }
    case "shuffleRows": {
      const body = s.values.slice(1);
      let seed = m.seed >>> 0;
      for (let i = body.length - 1; i > 0; i--) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        const j = seed % (i + 1);
        [body[i], body[j]] = [body[j], body[i]];
      }
      s.values = [s.values[0] ?? [], ...body];
      return;
    }
    case "deleteRow":
      s.values.splice(row(m.row), 1);
      s.merges = s.merges.filter((x) => x.bottom < row(m.row));
      return;
    case "duplicateRow":
      s.values.splice(row(m.row), 0, (s.values[row(m.row)] ?? []).slice());
      s.merges = s.merges.filter((x) => x.bottom < row(m.row));
      return;
    case "blankRow":
      s.values.splice(row(m.row), 0, []);
      s.merges = s.merges.filter((x) => x.bottom < row(m.row));
      return;
    case "swapColumns": {
      const a = col(m.a);
      const b = col(m.b);
      for (const r of s.values) [r[a], r[b]] = [r[b] ?? "", r[a] ?? ""];
      s.merges = s.merges.filter((x) => x.right < Math.min(a, b));
      return;
    }
    case "hide":
      s.hidden = !s.hidden;
      return;
  }
}

describe("fuzzing the demo workbook", () => {
  test("the demo itself passes every check", () => {
    expect(demo.length).toBeGreaterThanOrEqual(4);
    const { json } = runPipeline(copyOf(demo));
    expect(json.schools.length).toBeGreaterThan(40);
    expect(resultJsonErrors(json)).toEqual([]);
  });

  test(`${RUNS} runs of ${MUTATIONS.minLength}–${MUTATIONS.maxLength} random mutations each: no exception, every problem at a cell, a valid result JSON`, () => {
    let mutations = 0;
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
    const path = process.env.FC_PATH; // with FC_SEED: replays the one failing run fast-check names
    fc.assert(
      fc.property(fc.array(mutation, MUTATIONS), (list) => {
        const sheets = copyOf(demo);
        for (const m of list) apply(sheets, m);
        mutations += list.length;
        const { json } = runPipeline(sheets);
        expect(resultJsonErrors(json)).toEqual([]);
      }),
      { numRuns: RUNS, seed, path, endOnFailure: true },
    );
    expect(mutations).toBeGreaterThanOrEqual(1000);
  });
});
