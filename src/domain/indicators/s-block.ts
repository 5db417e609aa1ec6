import type { School, SocialCountField, SocialRecord, YesNoField } from "../model/types";
import type { Settings } from "../settings/types";
import { S_DIRECTION, S_IDS, S_SHARE_FIELD, S_YES_NO, type SId } from "./catalog";
import { NO_DATA, NO_YEARS, type Measure } from "./measure";
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

/** Block S of one school for one year: passport year (may be null) over registry yes/no. */
export function computeSBlock(school: School, year: SocialYear | null, settings: Settings): Record<SId, Measure> {
  if (!year) return noPassportBlock(school, settings);
  const m = (id: SId) => sMeasure(id, school, year, settings);
  // one literal in S_IDS order: a record filled key by key grew its property store four
  // times per school and year (≈ 1 of the 82 MB a region run allocated)
  return { S1: m("S1"), S2: m("S2"), S3: m("S3"), S4: m("S4"), S5: m("S5"), S6: m("S6"), S7: m("S7"), S8: m("S8"), S9: m("S9"), S10: m("S10"), S11: m("S11"), S12: m("S12"), S13: m("S13"), S14: m("S14") };
}

function sMeasure(id: SId, school: School, year: SocialYear, settings: Settings): Measure {
  const field = S_SHARE_FIELD[id];
  if (!field) return yesNoMeasure(yesNoValue(school, year, S_YES_NO[id]!, settings));
  const value = id === "S4" ? year.absenceShare : shareOf(year.counts[field as SocialCountField], year.pupilsTotal);
  return value === null ? NO_DATA : { value, n: year.pupilsTotal!, scored: true, zone: zoneOf(value, settings.zones[id], S_DIRECTION(id)), years: NO_YEARS };
}

/** Without a passport year a block depends on the registry's five yes/no cells only: one
 *  frozen block per combination, shared by the schools that have it. */
const noPassportBlocks = new WeakMap<Settings, Map<string, Record<SId, Measure>>>();

function noPassportBlock(school: School, settings: Settings): Record<SId, Measure> {
  let blocks = noPassportBlocks.get(settings);
  if (!blocks) noPassportBlocks.set(settings, (blocks = new Map()));
  let key = "";
  for (const id of S_IDS) {
    const field = S_YES_NO[id];
    if (field) key += String(school.yesNo[field] ?? "-");
  }
  let block = blocks.get(key);
  if (!block) {
    const out = {} as Record<SId, Measure>;
    for (const id of S_IDS) out[id] = S_SHARE_FIELD[id] ? NO_DATA : yesNoMeasure(yesNoValue(school, null, S_YES_NO[id]!, settings));
    blocks.set(key, (block = Object.freeze(out)));
  }
  return block;
}

function yesNoValue(school: School, year: SocialYear | null, field: YesNoField, settings: Settings): boolean | null {
  const given = year?.yesNo[field] ?? school.yesNo[field];
  if (given !== undefined) return given;
  if (field === "small_school" && settings.smallSchoolLimit !== null && year?.pupilsTotal) return year.pupilsTotal < settings.smallSchoolLimit;
  return null;
}

/** The two yes/no measures, shared (measures are never changed). */
const YES: Measure = Object.freeze({ value: 1, n: 0, scored: true, zone: yesNoZone(true), years: NO_YEARS });
const NO: Measure = Object.freeze({ value: 0, n: 0, scored: true, zone: yesNoZone(false), years: NO_YEARS });

export function yesNoMeasure(value: boolean | null): Measure {
  return value === null ? NO_DATA : value ? YES : NO;
}
