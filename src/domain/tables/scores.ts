import type { Problem } from "../problems";
import { parseYear } from "../parse/year";
import { subjectKey } from "../parse/subject";
import { TableCursor, type RecognizedTable } from "../recognition/table";
import { ru } from "../i18n/ru";
import type { ScoreDistribution } from "../model/types";
import { RowReader } from "./cells";

/** The optional primary-score table, one distribution per school × year × subject × grade;
 *  rows with the same score are summed (unknown if any of them is unknown, Appendix C). */
export function readScores(tables: RecognizedTable[], problems: Problem[]): ScoreDistribution[] {
  const byKey = new Map<string, ScoreDistribution>();
  for (const table of tables) {
    const rows = new TableCursor(table);
    const r = new RowReader(table, problems, rows.at(0));
    for (let k = 0; k < rows.count; k++) {
      r.moveTo(rows.at(k));
      if (r.keyError(["school_id", "year", "subject", "grade", "score"])) continue;
      const school = r.schoolId();
      const year = parseYear(r.raw("year"));
      const subject = subjectKey(r.text("subject"));
      const grade = /^(\d{1,2})/.exec(r.text("grade"));
      const score = r.count("score", ru.rows.skipped).value;
      if (!school || !year || !subject || !grade || score === null) {
        if (!school) r.report("school_id", ru.values.missingSchoolId());
        else if (!year) r.report("year", ru.values.expectedYear(r.text("year")));
        continue;
      }
      const key = `${school}|${year.year}|${subject}|${grade[1]}`;
      let dist = byKey.get(key);
      if (!dist) {
        dist = { school, year: year.year, subject, grade: Number(grade[1]), counts: new Map(), boundaries: { b3: null, b4: null, b5: null } };
        byKey.set(key, dist);
      }
      const count = r.count("count", ru.rows.noData).value;
      const old = dist.counts.get(score);
      dist.counts.set(score, old === undefined ? count : old === null || count === null ? null : old + count);
      dist.boundaries.b3 ??= r.count("boundary_3", ru.rows.noData).value;
      dist.boundaries.b4 ??= r.count("boundary_4", ru.rows.noData).value;
      dist.boundaries.b5 ??= r.count("boundary_5", ru.rows.noData).value;
    }
  }
  return [...byKey.values()];
}
