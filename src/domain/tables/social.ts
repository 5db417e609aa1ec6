import type { Problem } from "../problems";
import { parseMonth } from "../parse/month";
import { parseYear } from "../parse/year";
import type { RecognizedTable } from "../recognition/table";
import { ru } from "../i18n/ru";
import { SOCIAL_COUNT_FIELDS, type SeenAt, type SocialRecord } from "../model/types";
import { RowReader } from "./cells";
import { readYesNo } from "./yesno";

export interface SocialReading {
  records: SocialRecord[];
  schoolsSeen: Map<string, SeenAt>;
}

/** Social passport rows (workbook.md §2.3); counts with «%» headers are converted to counts. */
export function readSocial(tables: RecognizedTable[], problems: Problem[]): SocialReading {
  const reading: SocialReading = { records: [], schoolsSeen: new Map() };
  for (const table of tables) {
    const r = new RowReader(table, problems, table.rows[0]);
    for (const row of table.rows) {
      const record = readRow(r.moveTo(row), table);
      if (!record) continue;
      reading.records.push(record);
      if (!reading.schoolsSeen.has(record.school)) reading.schoolsSeen.set(record.school, { sheet: table.sheet, row: row.row, cell: r.address("school_id") });
    }
  }
  return reading;
}

function readRow(r: RowReader, table: RecognizedTable): SocialRecord | null {
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
  for (const field of SOCIAL_COUNT_FIELDS) {
    const v = r.count(field, ru.rows.noData);
    const isPercent = v.value !== null && (v.percent || table.percentColumns.has(field));
    counts[field] = v.value === null ? null : isPercent ? (pupils === null ? null : Math.floor((pupils * v.value) / 100 + 0.5)) : v.value;
  }
  return { school, year: year.year, schoolYear: year.schoolYear, month, pupilsTotal: pupils, counts, yesNo: readYesNo(r) };
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
