/** The social passport (data.md «Social passport»): per school × year, or × month. */
import { ARCHETYPE_BY_ID } from "./archetypes";
import type { SocialSpec } from "./profiles";
import { clamp, Rng } from "./random";
import type { School, SocialRecord } from "./types";

/** Background shares from the latent deprivation d (0 = comfortable, 1 = deep need). */
export function backgroundSocial(school: School, seed: number): SocialSpec {
  const rng = Rng.derive(seed, "social", school.id);
  const d = school.deprivation;
  const urban = school.locality === "городская";
  const jitter = (x: number, sd: number) => x * Math.exp(rng.normal(0, sd));
  return {
    odnKdn: clamp(jitter(0.002 + 0.022 * d, 0.4), 0, 0.05),
    lowRussian: clamp(jitter((urban ? 0.04 : 0.01) + 0.12 * d * d, 0.8), 0, 0.4),
    notAttested: clamp(jitter(0.001 + 0.01 * d, 0.5), 0, 0.02),
    absentUnexcused: clamp(jitter(0.003 + 0.028 * d, 0.4), 0, 0.06),
    zprUo: clamp(jitter(0.025 + 0.065 * d, 0.25), 0.02, 0.15),
    ovz: clamp(jitter(0.03 + 0.05 * d, 0.25), 0.02, 0.12),
    lowIncome: clamp(jitter(0.12 + 0.28 * d, 0.15), 0.1, 0.5),
    singleParent: clamp(jitter(0.17 + 0.16 * d, 0.1), 0.15, 0.4),
    parentsHigherEd: clamp(jitter((urban ? 0.42 : 0.3) - (urban ? 0.28 : 0.16) * d, 0.2), 0.05, 0.6),
  };
}

function counts(spec: SocialSpec, pupils: number): Omit<SocialRecord, "schoolId" | "year" | "month" | "pupils"> {
  const k = (share: number) => Math.round(pupils * share);
  return {
    odnKdn: k(spec.odnKdn),
    lowRussian: k(spec.lowRussian),
    notAttested: k(spec.notAttested),
    absentUnexcused: k(spec.absentUnexcused),
    zprUo: k(spec.zprUo),
    ovz: k(spec.ovz),
    lowIncome: k(spec.lowIncome),
    singleParent: k(spec.singleParent),
    parentsHigherEd: k(spec.parentsHigherEd),
  };
}

/** Months of a school year, September → May. */
export const SCHOOL_MONTHS = [9, 10, 11, 12, 1, 2, 3, 4, 5];

export function schoolYearLabel(year: number): string {
  return `${year - 1}/${String(year % 100).padStart(2, "0")}`;
}

export function schoolSocial(school: School, years: number[], seed: number, monthly: boolean): SocialRecord[] {
  const arch = school.archetype ? ARCHETYPE_BY_ID[school.archetype] : undefined;
  const base = arch ? arch.social : backgroundSocial(school, seed);
  const t = years[years.length - 1];
  const out: SocialRecord[] = [];
  for (const year of years) {
    if (year < school.firstPassportYear) continue;
    const rng = Rng.derive(seed, "social-year", school.id, year);
    // pupils drift a little from year to year (planted schools stay put)
    const pupils = arch
      ? Math.round(school.pupils * (1 + 0.01 * (year - t)))
      : Math.max(3, Math.round(school.pupils * (1 + 0.015 * (year - t) + rng.normal(0, 0.02))));
    const spec: SocialSpec = arch
      ? base
      : (Object.fromEntries(Object.entries(base).map(([k, v]) => [k, clamp(v * Math.exp(rng.normal(0, 0.12)), 0, 0.6)])) as unknown as SocialSpec);
    if (!monthly) {
      out.push({ schoolId: school.id, year, month: null, pupils, ...counts(spec, pupils) });
      continue;
    }
    // monthly rows of the school year ending in `year`; the last month (May) carries the
    // yearly values, absences vary from month to month but never exceed the yearly share
    // for planted schools (S4 takes the maximum over months by default)
    const label = schoolYearLabel(year);
    SCHOOL_MONTHS.forEach((month, i) => {
      const last = i === SCHOOL_MONTHS.length - 1;
      const p = last || arch ? pupils : Math.max(3, pupils + Math.round(rng.normal(0, 0.01 * pupils)));
      const c = counts(spec, p);
      if (!last) {
        const f = arch ? 1 : Math.exp(rng.normal(0, 0.35));
        c.absentUnexcused = Math.round(p * spec.absentUnexcused * f);
        if (!arch) c.odnKdn = Math.max(0, c.odnKdn + (rng.chance(0.2) ? (rng.chance(0.5) ? 1 : -1) : 0));
      }
      out.push({ schoolId: school.id, year: label, month, pupils: p, ...c });
    });
  }
  return out;
}
