import type { Problem } from "../problems";
import { parseMonth } from "../parse/month";
import { parseYear } from "../parse/year";
import { TableCursor, type RecognizedTable } from "../recognition/table";
import { ru } from "../i18n/ru";
import { SOCIAL_COUNT_FIELDS, YES_NO_IDS, type SeenAt, type SocialCountField, type SocialRecord, type YesNoField } from "../model/types";
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
    // the yes/no fields the table has, found once: six `in` look-ups per row were a fifth of
    // reading a region's passport
    const yesNo = YES_NO_IDS.filter((f) => f in table.columns);
    for (let k = 0; k < rows.count; k++) {
      const row = rows.at(k);
      const record = readRow(r.moveTo(row), cols, yesNo);
      if (!record) continue;
      reading.records.push(record);
      if (!reading.schoolsSeen.has(record.school)) reading.schoolsSeen.set(record.school, { sheet: table.sheet, row: row.row, cell: r.address("school_id") });
    }
  }
  return reading;
}

/** A count field's column in the table (−1: none) and whether its header has «%». */
interface CountColumn {
  field: SocialCountField;
  col: number;
  percent: boolean;
}

/** Each count field's column, looked up once per table and read by name in readCounts. */
type CountColumns = Record<SocialCountField, CountColumn>;

function countColumnsOf(table: RecognizedTable): CountColumns {
  const column = (field: SocialCountField) => ({ field, col: table.columns[field] ?? -1, percent: table.percentColumns.has(field) });
  return Object.fromEntries(SOCIAL_COUNT_FIELDS.map((field) => [field, column(field)])) as CountColumns;
}

/** Key fields of a passport row (for Excel error values in them). */
const KEY_FIELDS = ["school_id", "year", "month"];

function readRow(r: RowReader, cols: CountColumns, yesNo: YesNoField[]): SocialRecord | null {
  if (r.keyError(KEY_FIELDS)) return null;
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
  return { school, year: year.year, schoolYear: year.schoolYear, month, pupilsTotal: pupils, counts: readCounts(r, cols, pupils), yesNo: readYesNo(r, yesNo) };
}

/**
 * The row's counts as one object literal, keys in SOCIAL_COUNT_FIELDS order. Filled key by
 * key, `{}` had room for four and grew its property store twice on every row.
 */
function readCounts(r: RowReader, cols: CountColumns, pupils: number | null): SocialRecord["counts"] {
  return {
    n_odn_kdn: readCount(r, cols.n_odn_kdn, pupils),
    n_low_russian: readCount(r, cols.n_low_russian, pupils),
    n_not_attested: readCount(r, cols.n_not_attested, pupils),
    n_absent_unexcused: readCount(r, cols.n_absent_unexcused, pupils),
    n_zpr_uo: readCount(r, cols.n_zpr_uo, pupils),
    n_ovz: readCount(r, cols.n_ovz, pupils),
    n_low_income: readCount(r, cols.n_low_income, pupils),
    n_single_parent: readCount(r, cols.n_single_parent, pupils),
    n_parents_higher_ed: readCount(r, cols.n_parents_higher_ed, pupils),
  };
}

/**
 * A count field of the row, «%» converted with the pupils. Read by column index as the
 * results reader does: a plain number is taken as RowReader.count would take it, anything
 * else goes through count (which reports what is wrong). By field name, reading a region's
 * social passport took 3.2 ms, now 2.4 (A/B medians of 100).
 */
function readCount(r: RowReader, { field, col, percent }: CountColumn, pupils: number | null): number | null {
  if (col < 0) return null;
  const raw = r.row.cells[col];
  if (plainCount(raw) && !percent) return raw;
  const v = r.count(field, ru.rows.noData);
  if (v.value === null) return null;
  if (!v.percent && !percent) return v.value;
  return pupils === null ? null : countFromPercent(pupils, v.value);
}

/** Контингент is a head count: a percentage or a fraction there is reported and taken as no data. */
function readPupils(r: RowReader): number | null {
  // a plain whole number as it is: no parsed object per row
  const raw = r.raw("pupils_total");
  if (plainCount(raw) && Number.isInteger(raw)) return raw;
  const v = r.count("pupils_total", ru.rows.noData);
  if (v.value === null) return null;
  if (v.percent || !Number.isInteger(v.value)) {
    r.report("pupils_total", ru.values.expectedInteger(r.text("pupils_total"), "pupils_total", ru.rows.noData));
    return null;
  }
  return v.value;
}
