import type { Problem } from "../problems";
import { parseMonth } from "../parse/month";
import { parseYear } from "../parse/year";
import { TableCursor, type RecognizedTable } from "../recognition/table";
import { ru } from "../i18n/ru";
import { SOCIAL_COUNT_FIELDS, type SeenAt, type SocialRecord } from "../model/types";
import { plainCount, RowReader } from "./cells";
import { countFromPercent } from "./percent";
import { readYesNo } from "./yesno";

export interface SocialReading {
  records: SocialRecord[];
  schoolsSeen: Map<string, SeenAt>;
}

/** Social passport rows (workbook.md §2.3); counts with «%» headers are converted to counts. */
export function readSocial(tables: RecognizedTable[], problems: Problem[]): SocialReading {
  const reading: SocialReading = { records: [], schoolsSeen: new Map() };
  for (const table of tables) {
    const rows = new TableCursor(table);
    const r = new RowReader(table, problems, rows.at(0));
    const cols = countColumnsOf(table);
    for (let k = 0; k < rows.count; k++) {
      const row = rows.at(k);
      const record = readRow(r.moveTo(row), cols);
      if (!record) continue;
      reading.records.push(record);
      if (!reading.schoolsSeen.has(record.school)) reading.schoolsSeen.set(record.school, { sheet: table.sheet, row: row.row, cell: r.address("school_id") });
    }
  }
  return reading;
}

/** The table's column of each count field (−1: none) and whether its header has «%», looked up once. */
interface CountColumns {
  col: number[];
  percent: boolean[];
}

function countColumnsOf(table: RecognizedTable): CountColumns {
  return { col: SOCIAL_COUNT_FIELDS.map((f) => table.columns[f] ?? -1), percent: SOCIAL_COUNT_FIELDS.map((f) => table.percentColumns.has(f)) };
}

function readRow(r: RowReader, cols: CountColumns): SocialRecord | null {
  if (r.keyError(["school_id", "year", "month"])) return null;
  const school = r.schoolId();
  if (!school) return r.report("school_id", ru.values.missingSchoolId()), null;
  const year = parseYear(r.raw("year"));
  if (!year) return r.report("year", ru.values.expectedYear(r.text("year"))), null;
  let month: number | null = null;
  if (r.text("month") !== "") {
    month = parseMonth(r.raw("month"));
    if (month === null) return r.report("month", ru.values.expectedMonth(r.text("month"))), null;
  }
  const pupils = readPupils(r);
  const counts = {} as SocialRecord["counts"];
  for (let f = 0; f < SOCIAL_COUNT_FIELDS.length; f++) counts[SOCIAL_COUNT_FIELDS[f]] = readCount(r, f, cols, pupils);
  return { school, year: year.year, schoolYear: year.schoolYear, month, pupilsTotal: pupils, counts, yesNo: readYesNo(r) };
}

/**
 * Count field f of the row, «%» converted with the pupils. Read by column index as the
 * results reader does: a plain number is taken as RowReader.count would take it, anything
 * else goes through count (which reports what is wrong). By field name, reading a region's
 * social passport took 3.2 ms, now 2.4 (A/B medians of 100).
 */
function readCount(r: RowReader, f: number, cols: CountColumns, pupils: number | null): number | null {
  const col = cols.col[f];
  if (col < 0) return null;
  const raw = r.row.cells[col];
  if (plainCount(raw) && !cols.percent[f]) return raw;
  const v = r.count(SOCIAL_COUNT_FIELDS[f], ru.rows.noData);
  if (v.value === null) return null;
  if (!v.percent && !cols.percent[f]) return v.value;
  return pupils === null ? null : countFromPercent(pupils, v.value);
}

/** Контингент is a head count: a percentage or a fraction there is reported and taken as no data. */
function readPupils(r: RowReader): number | null {
  const v = r.count("pupils_total", ru.rows.noData);
  if (v.value === null) return null;
  if (v.percent || !Number.isInteger(v.value)) {
    r.report("pupils_total", ru.values.expectedInteger(r.text("pupils_total"), "pupils_total", ru.rows.noData));
    return null;
  }
  return v.value;
}
