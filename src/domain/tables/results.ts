import type { Problem } from "../problems";
import { parseNumber } from "../parse/number";
import { parseProcedure, subjectKey, type Procedure } from "../parse/subject";
import { parseYear } from "../parse/year";
import type { RecognizedTable, TableRow } from "../recognition/table";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { ru } from "../i18n/ru";
import { RESULT_COUNT_FIELDS, type ResultCountField, type SeenAt } from "../model/types";
import { ResultTable } from "../model/result-table";
import { cellAddress } from "../sheet/address";
import { RowReader } from "./cells";
import { isPercentGroup } from "./percent";

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
  rows: TableRow[];
  percent: number[];
  /** The «%» bits of the row being read. */
  scratchPercent: number;
}

/** One table's rows in a Reading: out rows start … end − 1. */
interface TableReading {
  reading: Reading;
  table: RecognizedTable;
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
  const reading: Reading = { out: new ResultTable(tables.reduce((n, t) => n + t.rows.length, 0)), rows: [], percent: [], scratchPercent: 0 };
  const parsers: Parsers = { procedure: memo(parseProcedure), subject: memo(subjectKey), grade: memo(gradeOf) };
  const read = tables.map((table) => readTable(reading, table, problems, notes, parsers));
  const schoolsSeen = new Map<string, SeenAt>();
  for (const t of read) {
    for (let i = t.start; i < t.end; i++) {
      const school = reading.out.school[i];
      const row = reading.rows[i].row;
      if (!schoolsSeen.has(school)) schoolsSeen.set(school, { sheet: t.table.sheet, row, cell: cellAddress(row, t.table.columns.school_id ?? 0) });
    }
  }
  sumByKey(read, problems, notes);
  return { records: reading.out, schoolsSeen, notes };
}

function readTable(reading: Reading, table: RecognizedTable, problems: Problem[], notes: string[], parsers: Parsers): TableReading {
  const start = reading.out.length;
  const cols = columnsOf(table);
  // an indexed loop: a for-of allocates per step until the function is optimised
  const r = new RowReader(table, problems, table.rows[0]);
  for (let i = 0; i < table.rows.length; i++) readRow(r.moveTo(table.rows[i]), parsers, cols, reading);
  const t: TableReading = { reading, table, start, end: reading.out.length };
  // one scratch cell: isPercentGroup reads each cell at once and keeps none
  const scratch = { value: 0, percent: false };
  const cell = (i: number, field: ResultCountField) => {
    const value = reading.out.count(field, i);
    if (value === null) return undefined;
    scratch.value = value;
    scratch.percent = (reading.percent[i] & BIT[field]) !== 0;
    return scratch;
  };
  const indices: number[] = [];
  for (let i = t.start; i < t.end; i++) indices.push(i);
  for (const [group, label] of [[MARKS, "«2»–«5»"], [JOURNAL, "«Понизили/Подтвердили/Повысили»"]] as const) {
    const present = group.filter((f) => f in table.columns);
    if (present.length > 0 && isPercentGroup(present, indices, table.percentColumns, cell)) {
      toCounts(t, present);
      notes.push(ru.merge.percentConverted(table.sheet, label));
    }
  }
  for (const field of SINGLE) {
    if (table.percentColumns.has(field)) toCounts(t, [field]);
    else rejectPercentCells(t, field, problems);
  }
  for (let i = t.start; i < t.end; i++) validateAgainstParticipants(t, i, problems);
  return t;
}

const KEY_FIELDS = ["school_id", "year", "procedure", "subject", "grade"];

/** A plain non-negative number, taken as it is (the common case); anything else goes
 *  through RowReader.count, which reports what is wrong. */
const plainCount = (raw: unknown): raw is number => typeof raw === "number" && raw >= 0 && raw <= Number.MAX_SAFE_INTEGER;

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
function readRow(r: RowReader, parsers: Parsers, cols: Columns, t: Reading): void {
  const cells = r.row.cells;
  const rawSchool = cellAt(cells, cols.school);
  const rawYear = cellAt(cells, cols.year);
  const rawProcedure = cellAt(cells, cols.procedure);
  const rawSubject = cellAt(cells, cols.subject);
  const rawGrade = cellAt(cells, cols.grade);
  if ((mayBeError(rawSchool) || mayBeError(rawYear) || mayBeError(rawProcedure) || mayBeError(rawSubject) || mayBeError(rawGrade)) && r.keyError(KEY_FIELDS)) return;
  const school = typeof rawSchool === "number" ? r.schoolId() : cellText(rawSchool);
  if (!school) return r.report("school_id", ru.values.missingSchoolId());
  const year = parseYear(rawYear);
  if (!year) return r.report("year", ru.values.expectedYear(r.text("year")));
  const procedure = parsers.procedure(cellText(rawProcedure));
  if (procedure === "ГВЭ") return r.report("procedure", ru.values.gveSkipped());
  if (!procedure) return r.report("procedure", ru.values.unknownProcedure(r.text("procedure")));
  const subject = parsers.subject(cellText(rawSubject));
  if (!subject) return r.report("subject", ru.values.missingSubject());
  if (procedure === "ЕГЭ" && subject === "math") return r.report("subject", ru.values.egeMathWithoutLevel(r.text("subject")));
  const grade = readGrade(r, cellText(rawGrade), procedure, parsers);
  if (grade === null) return;
  const rawParticipants = cellAt(cells, cols.participants);
  let participants: number;
  if (plainCount(rawParticipants)) participants = rawParticipants;
  else {
    const p = r.count("participants", ru.rows.skipped);
    if (p.value === null) {
      if (r.text("participants") === "") r.report("participants", ru.values.expectedInteger("", "participants", ru.rows.skipped));
      return;
    }
    if (p.percent) return r.report("participants", ru.values.expectedInteger(r.text("participants"), "participants", ru.rows.skipped));
    participants = p.value;
  }
  if (!Number.isInteger(participants)) return r.report("participants", ru.values.expectedInteger(r.text("participants"), "participants", ru.rows.skipped));
  const out = t.out;
  const i = out.add(school, year.year, procedure, subject, grade, participants);
  t.scratchPercent = 0;
  for (let f = 0; f < RESULT_COUNT_FIELDS.length; f++) {
    const v = countAt(r, cells, cols.countCols[f], RESULT_COUNT_FIELDS[f], t);
    out.countColumns[f][i] = v === null ? NaN : v;
  }
  const rawMean = cellAt(cells, cols.mean);
  const meanScore = typeof rawMean === "number" && Number.isFinite(rawMean) ? rawMean : meanOf(parseNumber(rawMean));
  out.meanScore[i] = meanScore === null ? NaN : meanScore;
  t.rows.push(r.row);
  t.percent.push(t.scratchPercent);
}

/** A cell by column index (−1: no such column): "" when empty. */
function cellAt(cells: CellValue[], col: number): CellValue {
  return col < 0 ? "" : cells[col] ?? "";
}

/** A count cell: a plain number as it is; "" as no data; anything else through
 *  RowReader.count (which reports the problem); a «%» is noted in `t.scratchPercent`. */
function countAt(r: RowReader, cells: CellValue[], col: number, field: ResultCountField, t: Reading): number | null {
  const raw = cellAt(cells, col);
  if (plainCount(raw)) return raw;
  if (raw === "") return null;
  const v = r.count(field, ru.rows.noData);
  if (v.value !== null && v.percent) t.scratchPercent |= BIT[field];
  return v.value;
}

const meanOf = (mean: ReturnType<typeof parseNumber>) => (mean.kind === "number" ? mean.value : null);

/** «5А» → 5; ОГЭ → 9 and ЕГЭ → 11 when empty; РДР may go without a grade (0). */
function readGrade(r: RowReader, text: string, procedure: Procedure, parsers: Parsers): number | null {
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

const reader = (t: TableReading, i: number, problems: Problem[]) => new RowReader(t.table, problems, t.reading.rows[i]);

/** count = floor(participants·pct/100 + 0.5) (workbook.md §2.2). */
function toCounts(t: TableReading, fields: ResultCountField[]): void {
  const { out, percent } = t.reading;
  for (let i = t.start; i < t.end; i++) {
    for (const field of fields) {
      const v = out.counts[field][i];
      if (!Number.isNaN(v)) {
        out.counts[field][i] = Math.floor((out.participants[i] * v) / 100 + 0.5);
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

function validateAgainstParticipants(t: TableReading, i: number, problems: Problem[]): void {
  const participants = t.reading.out.participants[i];
  for (const field of RESULT_COUNT_FIELDS) {
    const column = t.reading.out.counts[field];
    const v = column[i];
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) {
      const r = reader(t, i, problems);
      r.report(field, ru.values.expectedInteger(r.text(field), field, ru.rows.noData));
      column[i] = NaN;
    } else if (v > participants) {
      reader(t, i, problems).report(field, ru.values.markAboveParticipants(field, v, participants));
      column[i] = NaN;
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
 * without building strings: school → (procedure, subject) → year and grade as one number.
 */
function sumByKey(read: TableReading[], problems: Problem[], notes: string[]): void {
  if (read.length === 0) return;
  const out = read[0].reading.out;
  const kinds = new Map<number, Map<string, number>>();
  let kindCount = 0;
  const kindOf = (procedure: number, subject: string) => {
    let bySubject = kinds.get(procedure);
    if (!bySubject) kinds.set(procedure, (bySubject = new Map()));
    let id = bySubject.get(subject);
    if (id === undefined) bySubject.set(subject, (id = kindCount++));
    return id;
  };
  const bySchool = new Map<string, Map<number, number>>();
  /** First row of a key → the rows summed into it, when there is more than one. */
  const groups = new Map<number, Source[]>();
  const tableOf = (i: number) => read.find((t) => i >= t.start && i < t.end)!;
  for (const t of read) {
    for (let i = t.start; i < t.end; i++) {
      // year (1990–2100) and grade (0–11) fit in 12 and 4 bits
      const key = (kindOf(out.procedureCode[i], out.subject[i]) * 4096 + out.year[i]) * 16 + out.grade[i];
      let keys = bySchool.get(out.school[i]);
      if (!keys) bySchool.set(out.school[i], (keys = new Map()));
      const at = keys.get(key);
      if (at === undefined) keys.set(key, i);
      else {
        const group = groups.get(at);
        if (group) group.push({ t, i });
        else groups.set(at, [{ t: tableOf(at), i: at }, { t, i }]);
      }
    }
  }
  if (groups.size === 0) return;
  const keep = new Uint8Array(out.length).fill(1);
  let merged = 0;
  for (const [at, group] of groups) {
    merged += group.length;
    sumGroup(out, at, group, problems);
    for (let k = 1; k < group.length; k++) keep[group[k].i] = 0;
  }
  out.keepRows(keep);
  notes.push(ru.merge.summed(merged));
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
