/**
 * The facts «Справка» states, taken from the run: which rules put each school on its list
 * (methodology.md §5, the same tests as the classification), counts by status and by
 * municipality, the most frequent red indicators, the signs of non-objectivity.
 */
import { thresholds } from "../../classification/classify";
import { STATUS_ORDER, type Status } from "../../classification/types";
import type { SchoolResult } from "../../engine/calculate";
import { atLeast } from "../../indicators/zones";
import type { Settings } from "../../settings/types";

const red = (m: { zone: string } | undefined) => m?.zone === "red";
const redCombos = (measures: Record<string, { zone: string }>) => Object.keys(measures).filter((id) => id.startsWith("R4.") && red(measures[id]));

export const isLowResults = (s: SchoolResult) => s.classification.lowResults;
/** The ШНСУ list of «Кандидаты»: statuses «ШНОР + ШНСУ» and «Кандидат в ШНСУ». */
export const onAdverseList = (s: SchoolResult) => s.classification.status === "shnor_shnsu" || s.classification.status === "shnsu";

/** Rules of «Кандидат в ШНОР» that hold for a school (§5 rule 2). */
export interface LowResultsTriggers {
  index: boolean;
  accreditation: boolean;
  r3aBoth: boolean;
  r3bBoth: boolean;
  r4Both: boolean;
}

export function lowResultsTriggers(s: SchoolResult, settings: Settings): LowResultsTriggers {
  const t = thresholds(settings);
  const inr = s.lowResultsIndex;
  return {
    index: inr.covered && inr.value !== null && atLeast(inr.value, t.lowResults),
    accreditation: s.classification.flags.includes("accreditation_suspended"),
    r3aBoth: red(s.singleT.R3a) && red(s.singleT1.R3a),
    r3bBoth: red(s.singleT.R3b) && red(s.singleT1.R3b),
    r4Both: redCombos(s.singleT).length >= 2 && redCombos(s.singleT1).length >= 2,
  };
}

/** Rules of «Кандидат в ШНСУ» (§5 rule 4). */
export function adverseTriggers(s: SchoolResult, settings: Settings): { index: boolean; factors: boolean } {
  const t = thresholds(settings);
  const isn = s.socialRiskIndex;
  return { index: isn.covered && isn.value !== null && atLeast(isn.value, t.adverseContext), factors: s.factors.length >= settings.adverseContextMinFactors };
}

/** Rules of the risk zone (§5 rule 5) for a school with the flag. */
export function riskTriggers(s: SchoolResult, settings: Settings): { band: boolean; redInYear: boolean; negativeDynamics: boolean; wasLowResults: boolean } {
  const t = thresholds(settings);
  const inr = s.lowResultsIndex;
  return {
    band: inr.covered && inr.value !== null && atLeast(inr.value, t.risk) && inr.value < t.lowResults - 1e-9,
    redInYear: red(s.singleT.R3a) || red(s.singleT.R3b) || redCombos(s.singleT).length > 0,
    negativeDynamics: ["R4", "R3b"].some((id) => s.dynamics[id]?.verdict === "negative"),
    wasLowResults: s.prev.lowResults,
  };
}

export function statusCounts(schools: readonly SchoolResult[]): Record<Status, number> {
  const out = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of schools) out[s.classification.status]++;
  return out;
}

export interface MunicipalityRow {
  name: string;
  schools: number;
  lowResults: number;
  adverse: number;
  resilient: number;
  riskZone: number;
}

/** Counts per municipality, in order of first appearance. */
export function byMunicipality(schools: readonly SchoolResult[]): MunicipalityRow[] {
  const rows = new Map<string, MunicipalityRow>();
  for (const s of schools) {
    const name = s.school.municipality;
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { name, schools: 0, lowResults: 0, adverse: 0, resilient: 0, riskZone: 0 }));
    row.schools++;
    if (isLowResults(s)) row.lowResults++;
    if (onAdverseList(s)) row.adverse++;
    if (s.classification.status === "resilient") row.resilient++;
    if (s.classification.flags.includes("risk_zone")) row.riskZone++;
  }
  return [...rows.values()];
}

/** Indicator id → schools among `schools` with it in the red zone, most frequent first. */
export function redIndicators(schools: readonly SchoolResult[], ids: readonly string[]): { id: string; schools: SchoolResult[] }[] {
  return ids
    .map((id) => ({ id, schools: schools.filter((s) => red(s.indicators[id])) }))
    .filter((x) => x.schools.length > 0)
    .sort((a, b) => b.schools.length - a.schools.length || ids.indexOf(a.id) - ids.indexOf(b.id));
}

/** Sign id → schools with that sign in year `year`. */
export function signsInYear(schools: readonly SchoolResult[], year: number): { sign: string; schools: SchoolResult[] }[] {
  const ids = ["O1", "O2", "O3", "O4", "O5", "O6"];
  return ids.map((sign) => ({ sign, schools: schools.filter((s) => s.signs.some((x) => x.year === year && x.sign === sign)) })).filter((x) => x.schools.length > 0);
}
