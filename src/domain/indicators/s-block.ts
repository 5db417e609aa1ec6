import type { School, SocialCountField, SocialRecord, YesNoField } from "../model/types";
import type { Settings } from "../settings/types";
import { S_DIRECTION, S_IDS, S_SHARE_FIELD, S_YES_NO } from "./catalog";
import { ColumnLayout, type MeasureColumns } from "./columns";
import { yesNoZone, zoneOf } from "./zones";

/** The passport state of one school in one year: counts of the latest month, S4 by rule. */
export interface SocialYear {
  pupilsTotal: number | null;
  counts: Partial<Record<SocialCountField, number | null>>;
  /** S4 share under `monthly_absence_rule` (null: no data). */
  absenceShare: number | null;
  yesNo: Partial<Record<YesNoField, boolean>>;
}

const SCHOOL_YEAR_ORDER = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8];

/** Passport rows of year y only (Appendix A); monthly rows win over a row without month. */
export function socialYear(rows: readonly SocialRecord[], year: number, settings: Settings): SocialYear | null {
  // one pass, and a list only of a year with monthly rows: two filtered lists per school and
  // year were made before, though most passports have one row a year
  let first: SocialRecord | null = null;
  let monthly: SocialRecord[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.year !== year) continue;
    first ??= r;
    if (r.month !== null) (monthly ??= []).push(r);
  }
  if (!first) return null;
  if (!monthly) {
    const row = first;
    return { pupilsTotal: row.pupilsTotal, counts: row.counts, absenceShare: shareOf(row.counts.n_absent_unexcused, row.pupilsTotal), yesNo: row.yesNo };
  }
  const order = monthly.some((r) => r.schoolYear) ? SCHOOL_YEAR_ORDER : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const sorted = [...monthly].sort((a, b) => order.indexOf(a.month!) - order.indexOf(b.month!));
  const latest = sorted[sorted.length - 1];
  const shares = sorted.map((r) => shareOf(r.counts.n_absent_unexcused, r.pupilsTotal)).filter((v): v is number => v !== null);
  // Loops, not spreads: a passport of a whole sheet of monthly rows would overflow the stack.
  const yesNo: SocialYear["yesNo"] = {};
  for (const r of sorted) Object.assign(yesNo, r.yesNo);
  return { pupilsTotal: latest.pupilsTotal, counts: latest.counts, absenceShare: applyRule(shares, settings.monthlyAbsenceRule), yesNo };
}

function applyRule(shares: number[], rule: Settings["monthlyAbsenceRule"]): number | null {
  if (shares.length === 0) return null;
  if (rule === "max") return shares.reduce((m, v) => (v > m ? v : m), -Infinity);
  if (rule === "last") return shares[shares.length - 1];
  return shares.reduce((s, v) => s + v, 0) / shares.length;
}

function shareOf(x: number | null | undefined, n: number | null): number | null {
  return x === null || x === undefined || !n ? null : (100 * x) / n;
}

/** Block S in columns: S1…S14 in their order, slot = position in S_IDS. */
export const S_LAYOUT = new ColumnLayout(
  S_IDS,
  S_IDS.map((_, slot) => slot),
  S_IDS.length,
  S_IDS.map((id) => !S_SHARE_FIELD[id]),
);

/** Block S of one school for one year, written into `out` at `school`: the passport year (may
 *  be null) over the registry's yes/no. A share without data stays «нет данных». */
export function writeSBlock(out: MeasureColumns, at: number, school: School, year: SocialYear | null, settings: Settings): void {
  for (let slot = 0; slot < S_IDS.length; slot++) {
    const id = S_IDS[slot];
    const field = S_SHARE_FIELD[id];
    if (!field) {
      const v = yesNoValue(school, year, S_YES_NO[id]!, settings);
      if (v !== null) out.set(slot, at, v ? 1 : 0, 0, yesNoZone(v), 0);
      continue;
    }
    if (!year) continue;
    const value = id === "S4" ? year.absenceShare : shareOf(year.counts[field as SocialCountField], year.pupilsTotal);
    if (value !== null) out.set(slot, at, value, year.pupilsTotal!, zoneOf(value, settings.zones[id], S_DIRECTION(id)), 0);
  }
}

function yesNoValue(school: School, year: SocialYear | null, field: YesNoField, settings: Settings): boolean | null {
  const given = year?.yesNo[field] ?? school.yesNo[field];
  if (given !== undefined) return given;
  if (field === "small_school" && settings.smallSchoolLimit !== null && year?.pupilsTotal) return year.pupilsTotal < settings.smallSchoolLimit;
  return null;
}
