import type { Problem } from "../problems";
import { parseNumber } from "../parse/number";
import { parseProcedure, subjectKey, type Procedure } from "../parse/subject";
import { parseYear } from "../parse/year";
import type { RecognizedTable } from "../recognition/table";
import { cellText } from "../text/normalize";
import { ru } from "../i18n/ru";
import { RESULT_COUNT_FIELDS, type ResultCountField, type ResultRecord, type SeenAt, type SourceRef } from "../model/types";
import { RowReader } from "./cells";
import { isPercentGroup } from "./percent";

/** Column groups whose percent/count nature is detected together (workbook.md §2.2). */
const MARKS: ResultCountField[] = ["mark2", "mark3", "mark4", "mark5"];
const JOURNAL: ResultCountField[] = ["lowered", "confirmed", "raised"];
const SINGLE: ResultCountField[] = ["below_min", "high_81_100"];

interface ParsedRow {
  key: Omit<ResultRecord, "counts" | "meanScore" | "participants">;
  participants: number;
  values: Partial<Record<ResultCountField, { value: number; percent: boolean }>>;
  meanScore: number | null;
  ref: SourceRef;
  reader: RowReader;
}

export interface ResultsReading {
  records: ResultRecord[];
  /** School ids in order of appearance with their first cell (for highlighting without a registry). */
  schoolsSeen: Map<string, SeenAt>;
  notes: string[];
}

export function readResults(tables: RecognizedTable[], problems: Problem[]): ResultsReading {
  const reading: ResultsReading = { records: [], schoolsSeen: new Map(), notes: [] };
  const parsed: ParsedRow[] = [];
  for (const table of tables) parsed.push(...readTable(table, problems, reading.notes));
  for (const row of parsed) {
    if (!reading.schoolsSeen.has(row.key.school)) reading.schoolsSeen.set(row.key.school, { ...row.ref, cell: row.reader.address("school_id") });
  }
  reading.records = sumByKey(parsed, problems, reading.notes);
  return reading;
}

function readTable(table: RecognizedTable, problems: Problem[], notes: string[]): ParsedRow[] {
  const rows: ParsedRow[] = [];
  for (const tableRow of table.rows) {
    const row = readRow(new RowReader(table, problems, tableRow), table.sheet);
    if (row) rows.push(row);
  }
  for (const [group, label] of [[MARKS, "«2»–«5»"], [JOURNAL, "«Понизили/Подтвердили/Повысили»"]] as const) {
    const present = group.filter((f) => f in table.columns);
    if (present.length > 0 && isPercentGroup(present, rows.map((r) => r.values), table.percentColumns)) {
      toCounts(rows, present);
      notes.push(ru.merge.percentConverted(table.sheet, label));
    }
  }
  for (const field of SINGLE) {
    if (table.percentColumns.has(field)) toCounts(rows, [field]);
    else rejectPercentCells(rows, field);
  }
  for (const row of rows) validateAgainstParticipants(row);
  return rows;
}

function readRow(r: RowReader, sheet: string): ParsedRow | null {
  const school = r.schoolId();
  if (!school) return r.report("school_id", ru.values.missingSchoolId()), null;
  const year = parseYear(r.raw("year"));
  if (!year) return r.report("year", ru.values.expectedYear(r.text("year"))), null;
  const procedure = parseProcedure(r.text("procedure"));
  if (procedure === "ГВЭ") return r.report("procedure", ru.values.gveSkipped()), null;
  if (!procedure) return r.report("procedure", ru.values.unknownProcedure(r.text("procedure"))), null;
  const subject = subjectKey(r.text("subject"));
  if (!subject) return r.report("subject", ru.values.missingSubject()), null;
  if (procedure === "ЕГЭ" && subject === "math") return r.report("subject", ru.values.egeMathWithoutLevel(r.text("subject"))), null;
  const grade = readGrade(r, procedure);
  if (grade === null) return null;
  const participants = r.count("participants", ru.rows.skipped);
  if (participants.value === null) {
    if (r.text("participants") === "") r.report("participants", ru.values.expectedInteger("", "participants", ru.rows.skipped));
    return null;
  }
  if (participants.percent || !Number.isInteger(participants.value)) return r.report("participants", ru.values.expectedInteger(r.text("participants"), "participants", ru.rows.skipped)), null;
  const values: ParsedRow["values"] = {};
  for (const field of RESULT_COUNT_FIELDS) {
    const v = r.count(field, ru.rows.noData);
    if (v.value !== null) values[field] = { value: v.value, percent: v.percent };
  }
  const mean = parseNumber(r.raw("mean_score"));
  return {
    key: { school, year: year.year, procedure, subject, grade },
    participants: participants.value,
    values,
    meanScore: mean.kind === "number" ? mean.value : null,
    ref: { sheet, row: r.row.row },
    reader: r,
  };
}

/** «5А» → 5; ОГЭ → 9 and ЕГЭ → 11 when empty; РДР may go without a grade (0). */
function readGrade(r: RowReader, procedure: Procedure): number | null {
  const raw = r.raw("grade");
  const text = cellText(raw);
  if (text === "") {
    if (procedure === "ОГЭ") return 9;
    if (procedure === "ЕГЭ") return 11;
    if (procedure === "РДР") return 0;
    r.report(r.has("grade") ? "grade" : "subject", ru.values.noGrade());
    return null;
  }
  const m = /^(\d{1,2})/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 11) return r.report("grade", ru.values.expectedGrade(text)), null;
  return Number(m[1]);
}

/** count = floor(participants·pct/100 + 0.5) (workbook.md §2.2). */
function toCounts(rows: ParsedRow[], fields: ResultCountField[]): void {
  for (const row of rows) {
    for (const field of fields) {
      const v = row.values[field];
      if (v) row.values[field] = { value: Math.floor((row.participants * v.value) / 100 + 0.5), percent: false };
    }
  }
}

function rejectPercentCells(rows: ParsedRow[], field: ResultCountField): void {
  for (const row of rows) {
    if (row.values[field]?.percent) {
      row.reader.report(field, ru.values.percentNotAllowed(row.reader.text(field), field, ru.rows.noData));
      delete row.values[field];
    }
  }
}

function validateAgainstParticipants(row: ParsedRow): void {
  for (const field of RESULT_COUNT_FIELDS) {
    const v = row.values[field];
    if (!v) continue;
    if (!Number.isInteger(v.value)) {
      row.reader.report(field, ru.values.expectedInteger(row.reader.text(field), field, ru.rows.noData));
      delete row.values[field];
    } else if (v.value > row.participants) {
      row.reader.report(field, ru.values.markAboveParticipants(field, v.value, row.participants));
      delete row.values[field];
    }
  }
}

/** Rows with the same key are summed; a field's sum is known only when every row has it. */
function sumByKey(rows: ParsedRow[], problems: Problem[], notes: string[]): ResultRecord[] {
  const byKey = new Map<string, ParsedRow[]>();
  for (const row of rows) {
    const k = `${row.key.school}\u0000${row.key.year}\u0000${row.key.procedure}\u0000${row.key.subject}\u0000${row.key.grade}`;
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  let merged = 0;
  const records: ResultRecord[] = [];
  for (const group of byKey.values()) {
    if (group.length > 1) merged += group.length;
    records.push(sumGroup(group, problems));
  }
  if (merged > 0) notes.push(ru.merge.summed(merged));
  return records;
}

function sumGroup(group: ParsedRow[], problems: Problem[]): ResultRecord {
  const counts = {} as ResultRecord["counts"];
  for (const field of RESULT_COUNT_FIELDS) {
    const missing = group.find((r) => !r.values[field]);
    counts[field] = missing ? null : group.reduce((s, r) => s + r.values[field]!.value, 0);
    if (missing && group.length > 1 && group.some((r) => r.values[field])) {
      problems.push({ sheet: missing.ref.sheet, cell: missing.reader.address(field), message: ru.merge.partialSum(field) });
    }
  }
  const participants = group.reduce((s, r) => s + r.participants, 0);
  const meanKnown = group.every((r) => r.meanScore !== null) && participants > 0;
  const meanScore = group.length === 1 ? group[0].meanScore : meanKnown ? group.reduce((s, r) => s + r.meanScore! * r.participants, 0) / participants : null;
  return { ...group[0].key, participants, counts, meanScore };
}
