import type { Problem } from "../problems";
import { parseNumber } from "../parse/number";
import { parseProcedure, subjectKey, type Procedure } from "../parse/subject";
import { parseYear } from "../parse/year";
import { TableCursor, type RecognizedTable, type TableRow } from "../recognition/table";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { ru } from "../i18n/ru";
import { RESULT_COUNT_FIELDS, type ResultCountField, type SeenAt } from "../model/types";
import { orderByKey } from "../model/key-order";
import { ResultTable } from "../model/result-table";
import { cellAddress } from "../sheet/address";
import { plainCount, RowReader } from "./cells";
import { countFromPercent, isPercentGroup } from "./percent";

/** Column groups whose percent/count nature is detected together (workbook.md §2.2). */
const MARKS: ResultCountField[] = ["mark2", "mark3", "mark4", "mark5"];
const JOURNAL: ResultCountField[] = ["lowered", "confirmed", "raised"];
const SINGLE: ResultCountField[] = ["below_min", "high_81_100"];

/** Bit of a count field in a row's «written with %» mask. */
const BIT = Object.fromEntries(RESULT_COUNT_FIELDS.map((f, i) => [f, 1 << i])) as Record<ResultCountField, number>;

/**
 * Every results table read straight into one set of columns (a country has 1.7 million
 * rows), summed in place. Side by side: the sheet row each row came from (for problem
 * addresses) and which of its counts were written with «%» (until converted or rejected).
 */
interface Reading {
  out: ResultTable;
  /** Per out row: its index in its table's rows. Typed arrays sized once: a country's
   *  1.7 million rows as JS arrays were grown by copying and traced by the collector. */
  rowOf: Int32Array;
  percent: Uint16Array;
}

/** One table's rows in a Reading: out rows start … end − 1. */
interface TableReading {
  reading: Reading;
  table: RecognizedTable;
  rows: TableCursor;
  start: number;
  end: number;
}

/** Text → value caches of the pure parsers (a column repeats a few values thousands of times). */
interface Parsers {
  procedure: (text: string) => Procedure | "ГВЭ" | null;
  subject: (text: string) => string | null;
  grade: (text: string) => number | null;
}

function memo<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) cache.set(text, (v = parse(text)));
    return v as T;
  };
}

export interface ResultsReading {
  records: ResultTable;
  /** School ids in order of appearance with their first cell (for highlighting without a registry). */
  schoolsSeen: Map<string, SeenAt>;
  notes: string[];
}

export function readResults(tables: RecognizedTable[], problems: Problem[]): ResultsReading {
  const notes: string[] = [];
  const capacity = tables.reduce((n, t) => n + new TableCursor(t).count, 0);
  const reading: Reading = { out: new ResultTable(capacity), rowOf: new Int32Array(capacity), percent: new Uint16Array(capacity) };
  const parsers: Parsers = { procedure: memo(parseProcedure), subject: memo(subjectKey), grade: memo(gradeOf) };
  const read = tables.map((table) => readTable(reading, table, problems, notes, parsers));
  reading.out.fit();
  const schools = numberSchools(reading.out);
  const schoolsSeen = new Map<string, SeenAt>();
  for (const i of schools.firstRow) {
    const t = tableOf(read, i);
    const row = sheetRowOf(t, i);
    schoolsSeen.set(reading.out.school[i], { sheet: t.table.sheet, row, cell: cellAddress(row, t.table.columns.school_id ?? 0) });
  }
  sumByKey(read, schools, problems, notes);
  return { records: reading.out, schoolsSeen, notes };
}

const tableOf = (read: TableReading[], i: number) => read.find((t) => i >= t.start && i < t.end)!;
const tableRow = (t: TableReading, i: number): TableRow => t.rows.copyOf(t.reading.rowOf[i]);
const sheetRowOf = (t: TableReading, i: number): number => t.rows.at(t.reading.rowOf[i]).row;

/** The school of every out row as a number (0, 1, … in order of appearance). */
interface SchoolNumbers {
  of: Int32Array;
  /** Each school's first row, by number. */
  firstRow: number[];
}

function numberSchools(out: ResultTable): SchoolNumbers {
  const numbers = new Map<string, number>();
  const of = new Int32Array(out.length);
  const firstRow: number[] = [];
  let last: string | undefined;
  let lastNumber = -1;
  for (let i = 0; i < out.length; i++) {
    const school = out.school[i];
    // a school's rows usually come together: one look-up per run of them
    if (school !== last) {
      let n = numbers.get(school);
      if (n === undefined) numbers.set(school, (n = firstRow.push(i) - 1));
      last = school;
      lastNumber = n;
    }
    of[i] = lastNumber;
  }
  return { of, firstRow };
}

function readTable(reading: Reading, table: RecognizedTable, problems: Problem[], notes: string[], parsers: Parsers): TableReading {
  const start = reading.out.length;
  const cols = columnsOf(table);
  const rows = new TableCursor(table);
  const r = new RowReader(table, problems, rows.at(0));
  for (let k = 0; k < rows.count; k++) readRow(r.moveTo(rows.at(k)), k, parsers, cols, reading);
  const t: TableReading = { reading, table, rows, start, end: reading.out.length };
  // one scratch cell: isPercentGroup reads each cell at once and keeps none
  const scratch = { value: 0, percent: false };
  const cell = (row: number, field: ResultCountField) => {
    const i = t.start + row;
    const value = reading.out.count(field, i);
    if (value === null) return undefined;
    scratch.value = value;
    scratch.percent = (reading.percent[i] & BIT[field]) !== 0;
    return scratch;
  };
  for (const [group, label] of [[MARKS, "«2»–«5»"], [JOURNAL, "«Понизили/Подтвердили/Повысили»"]] as const) {
    const present = group.filter((f) => f in table.columns);
    if (present.length > 0 && isPercentGroup(present, t.end - t.start, table.percentColumns, cell)) {
      toCounts(t, present);
      notes.push(ru.merge.percentConverted(table.sheet, label));
    }
  }
  for (const field of SINGLE) {
    if (table.percentColumns.has(field)) toCounts(t, [field]);
    else rejectPercentCells(t, field, problems);
  }
  validateAgainstParticipants(t, problems);
  return t;
}

const KEY_FIELDS = ["school_id", "year", "procedure", "subject", "grade"];

/** The table's column of each field read per row (−1: no such column), looked up once. */
interface Columns {
  school: number;
  year: number;
  procedure: number;
  subject: number;
  grade: number;
  participants: number;
  mean: number;
  /** The count fields' columns in RESULT_COUNT_FIELDS order. */
  countCols: number[];
}

function columnsOf(table: RecognizedTable): Columns {
  const col = (field: string) => table.columns[field] ?? -1;
  const countCols = RESULT_COUNT_FIELDS.map(col);
  return { school: col("school_id"), year: col("year"), procedure: col("procedure"), subject: col("subject"), grade: col("grade"), participants: col("participants"), mean: col("mean_score"), countCols };
}

/** Text that may be an Excel error value (#Н/Д, #ССЫЛКА!): error values arrive as text. */
const mayBeError = (v: CellValue) => typeof v === "string" && cellText(v).startsWith("#");

/**
 * Reads one row into `t` (or reports why it is skipped). Cells are read by column index;
 * the RowReader (the same rules, by field name) reads what is unusual and reports problems.
 */
function readRow(r: RowReader, k: number, parsers: Parsers, cols: Columns, t: Reading): void {
  const cells = r.row.cells;
  const rawSchool = cellAt(cells, cols.school);
  const rawYear = cellAt(cells, cols.year);
  const rawProcedure = cellAt(cells, cols.procedure);
  const rawSubject = cellAt(cells, cols.subject);
  const rawGrade = cellAt(cells, cols.grade);
  // the texts of school, procedure and subject made once, for the error test and for reading
  // (a number's text never starts with «#»)
  const schoolText = typeof rawSchool === "number" ? "" : cellText(rawSchool);
  const procedureText = cellText(rawProcedure);
  const subjectText = cellText(rawSubject);
  if ((schoolText.startsWith("#") || mayBeError(rawYear) || procedureText.startsWith("#") || subjectText.startsWith("#") || mayBeError(rawGrade)) && r.keyError(KEY_FIELDS)) return;
  const school = typeof rawSchool === "number" ? r.schoolId() : schoolText;
  if (!school) return r.report("school_id", ru.values.missingSchoolId());
  const year = parseYear(rawYear);
  if (!year) return r.report("year", ru.values.expectedYear(r.text("year")));
  const procedure = parsers.procedure(procedureText);
  if (procedure === "ГВЭ") return r.report("procedure", ru.values.gveSkipped());
  if (!procedure) return r.report("procedure", ru.values.unknownProcedure(r.text("procedure")));
  const subject = parsers.subject(subjectText);
  if (!subject) return r.report("subject", ru.values.missingSubject());
  if (procedure === "ЕГЭ" && subject === "math") return r.report("subject", ru.values.egeMathWithoutLevel(r.text("subject")));
  const grade = readGrade(r, rawGrade, procedure, parsers);
  if (grade === null) return;
  const participants = readParticipants(r, cellAt(cells, cols.participants));
  if (participants === null) return;
  const out = t.out;
  const i = out.add(school, year.year, procedure, subject, grade, participants);
  t.percent[i] = readCounts(r, cells, cols.countCols, out.countColumns, i);
  out.meanScore[i] = readMean(cellAt(cells, cols.mean));
  t.rowOf[i] = k;
}

/** A whole number ≥ 0, else null (the row is skipped, reported). */
function readParticipants(r: RowReader, raw: CellValue): number | null {
  return plainCount(raw) && Number.isInteger(raw) ? raw : participantsNotPlain(r);
}

/** readParticipants for a cell that is not a plain whole number. Apart: a closure in the
 *  function every row calls made V8 allocate its context on every call (4.4 MB a region). */
function participantsNotPlain(r: RowReader): number | null {
  const skipped = (text: string) => r.report("participants", ru.values.expectedInteger(text, "participants", ru.rows.skipped));
  const p = r.count("participants", ru.rows.skipped);
  if (p.value === null) {
    if (r.text("participants") === "") skipped("");
    return null;
  }
  if (!p.percent && Number.isInteger(p.value)) return p.value;
  skipped(r.text("participants"));
  return null;
}

/** A cell by column index (−1: no such column): "" when empty. */
function cellAt(cells: CellValue[], col: number): CellValue {
  return col < 0 ? "" : cells[col] ?? "";
}

/**
 * The row's counts into their columns (NaN: no data); returns the row's «%» bits. A plain
 * number is taken as it is, "" is no data, anything else goes through RowReader.count
 * (which reports what is wrong).
 */
function readCounts(r: RowReader, cells: CellValue[], countCols: number[], columns: Float64Array[], i: number): number {
  let percent = 0;
  for (let f = 0; f < countCols.length; f++) {
    const raw = cellAt(cells, countCols[f]);
    if (plainCount(raw)) columns[f][i] = raw;
    else if (raw === "") columns[f][i] = NaN;
    else {
      const v = r.count(RESULT_COUNT_FIELDS[f], ru.rows.noData);
      columns[f][i] = v.value ?? NaN;
      if (v.value !== null && v.percent) percent |= BIT[RESULT_COUNT_FIELDS[f]];
    }
  }
  return percent;
}

/** Средний балл: NaN when blank or not a number. */
function readMean(raw: CellValue): number {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  const mean = raw === "" ? null : parseNumber(raw);
  return mean?.kind === "number" ? mean.value : NaN;
}

/** «5А» → 5; ОГЭ → 9 and ЕГЭ → 11 when empty; РДР may go without a grade (0). */
function readGrade(r: RowReader, raw: CellValue, procedure: Procedure, parsers: Parsers): number | null {
  // A whole number 1–11 is the grade its text gives: no string made and looked up per row.
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 11) return raw;
  const text = cellText(raw);
  if (text === "") {
    if (procedure === "ОГЭ") return 9;
    if (procedure === "ЕГЭ") return 11;
    if (procedure === "РДР") return 0;
    r.report(r.has("grade") ? "grade" : "subject", ru.values.noGrade());
    return null;
  }
  const grade = parsers.grade(text);
  if (grade === null) return r.report("grade", ru.values.expectedGrade(text)), null;
  return grade;
}

/** «5», «5А», «5 класс» → 5; null when it is not a grade 1–11. */
function gradeOf(text: string): number | null {
  const m = /^(\d{1,2})/.exec(text);
  return !m || Number(m[1]) < 1 || Number(m[1]) > 11 ? null : Number(m[1]);
}

const reader = (t: TableReading, i: number, problems: Problem[]) => new RowReader(t.table, problems, tableRow(t, i));

/** The fields' percentages of participants turned into counts. */
function toCounts(t: TableReading, fields: ResultCountField[]): void {
  const { out, percent } = t.reading;
  for (const field of fields) {
    const column = out.counts[field];
    for (let i = t.start; i < t.end; i++) {
      if (!Number.isNaN(column[i])) {
        column[i] = countFromPercent(out.participants[i], column[i]);
        percent[i] &= ~BIT[field];
      }
    }
  }
}

function rejectPercentCells(t: TableReading, field: ResultCountField, problems: Problem[]): void {
  const column = t.reading.out.counts[field];
  const percent = t.reading.percent;
  for (let i = t.start; i < t.end; i++) {
    if (!Number.isNaN(column[i]) && percent[i] & BIT[field]) {
      const r = reader(t, i, problems);
      r.report(field, ru.values.percentNotAllowed(r.text(field), field, ru.rows.noData));
      column[i] = NaN;
      percent[i] &= ~BIT[field];
    }
  }
}

/** Counts that are not whole or exceed the participants: reported, row by row, and dropped. */
function validateAgainstParticipants(t: TableReading, problems: Problem[]): void {
  const { participants, countColumns } = t.reading.out;
  for (let i = t.start; i < t.end; i++) {
    for (let f = 0; f < countColumns.length; f++) {
      const v = countColumns[f][i];
      if (Number.isNaN(v) || (Number.isInteger(v) && v <= participants[i])) continue;
      const field = RESULT_COUNT_FIELDS[f];
      const r = reader(t, i, problems);
      r.report(field, Number.isInteger(v) ? ru.values.markAboveParticipants(field, v, participants[i]) : ru.values.expectedInteger(r.text(field), field, ru.rows.noData));
      countColumns[f][i] = NaN;
    }
  }
}

/** A row and the table it was read from (for a problem about it). */
interface Source {
  t: TableReading;
  i: number;
}

/**
 * Rows with the same key are summed into the first one, and the others removed (the rest
 * keep their order); a field's sum is known only when every row has it. Keys are looked up
 * without building strings: school by school (its number), then (procedure, subject) → year
 * and grade as one number, in one map for all schools where a key's row counts only when it
 * is of the school at hand (emptied per school instead, the map grew again for every one:
 * 3.5 of the 18 MB a region's reading allocated).
 */
function sumByKey(read: TableReading[], schools: SchoolNumbers, problems: Problem[], notes: string[]): void {
  if (read.length === 0 || read[0].reading.out.length === 0) return;
  const out = read[0].reading.out;
  /** First row of a key → the rows summed into it, when there is more than one. */
  const groups = new Map<number, Source[]>();
  const keys = rowKeys(out);
  // per key: its first row so far (−1: none); typed, not a map written per row: a country
  // writes it 1.7 million times (readResults, country, A/B medians of 4 in either order:
  // 1144 → 1076 and 1321 → 1214 ms; a region is not measurably faster)
  const firstOfKey = new Int32Array(keys.count).fill(-1);
  // rows school by school (one key map serves every school: a key map per school held an
  // entry per row, 1.7 million for a country)
  const { order, start } = orderByKey(schools.of, schools.firstRow.length);
  for (let s = 0; s + 1 < start.length; s++) {
    for (let k = start[s]; k < start[s + 1]; k++) {
      const i = order[k];
      const key = keys.of[i];
      const at = firstOfKey[key];
      if (at < 0 || schools.of[at] !== s) firstOfKey[key] = i;
      else {
        const group = groups.get(at);
        if (group) group.push({ t: tableOf(read, i), i });
        else groups.set(at, [{ t: tableOf(read, at), i: at }, { t: tableOf(read, i), i }]);
      }
    }
  }
  if (groups.size === 0) return;
  const keep = new Uint8Array(out.length).fill(1);
  let merged = 0;
  // in the order their second rows come in the sheets, as when all rows are taken in order
  for (const group of [...groups.values()].sort((a, b) => a[1].i - b[1].i)) {
    merged += group.length;
    sumGroup(out, group[0].i, group, problems);
    for (let k = 1; k < group.length; k++) keep[group[k].i] = 0;
  }
  out.keepRows(keep);
  notes.push(ru.merge.summed(merged));
}

/**
 * Each row's key (procedure, subject, year, grade) as a number 0 … count − 1: (procedure,
 * subject) numbered in order of appearance, the years from the first one present, grades
 * (0–11) in 4 bits.
 */
function rowKeys(out: ResultTable): { of: Int32Array; count: number } {
  let minYear = out.year[0];
  let maxYear = out.year[0];
  for (let i = 1; i < out.length; i++) {
    if (out.year[i] < minYear) minYear = out.year[i];
    else if (out.year[i] > maxYear) maxYear = out.year[i];
  }
  const years = maxYear - minYear + 1;
  const kinds = new Map<number, Map<string, number>>();
  let kindCount = 0;
  const of = new Int32Array(out.length);
  for (let i = 0; i < out.length; i++) {
    let bySubject = kinds.get(out.procedureCode[i]);
    if (!bySubject) kinds.set(out.procedureCode[i], (bySubject = new Map()));
    let kind = bySubject.get(out.subject[i]);
    if (kind === undefined) bySubject.set(out.subject[i], (kind = kindCount++));
    of[i] = (kind * years + out.year[i] - minYear) * 16 + out.grade[i];
  }
  return { of, count: kindCount * years * 16 };
}

/** Row `at` (the group's first) becomes the sum of the group. */
function sumGroup(out: ResultTable, at: number, group: Source[], problems: Problem[]): void {
  const count = (s: Source, field: ResultCountField) => out.counts[field][s.i];
  for (const field of RESULT_COUNT_FIELDS) {
    const missing = group.findIndex((s) => Number.isNaN(count(s, field)));
    const sum = missing >= 0 ? NaN : group.reduce((total, s) => total + count(s, field), 0);
    if (missing >= 0 && group.some((s) => !Number.isNaN(count(s, field)))) {
      const { t, i } = group[missing];
      problems.push({ sheet: t.table.sheet, cell: reader(t, i, problems).address(field), message: ru.merge.partialSum(field) });
    }
    out.counts[field][at] = sum;
  }
  const participants = group.reduce((total, s) => total + out.participants[s.i], 0);
  const meanKnown = group.every((s) => !Number.isNaN(out.meanScore[s.i])) && participants > 0;
  out.meanScore[at] = meanKnown ? group.reduce((total, s) => total + out.meanScore[s.i] * out.participants[s.i], 0) / participants : NaN;
  out.participants[at] = participants;
}
