/**
 * Which recommendations of the library (i18n/recommendations.ts) apply to which schools:
 * by status, type of failing, flags, red social factors and school type. A school can be in
 * several groups; a group without schools is left out.
 */
import { S_IDS } from "../../indicators/catalog";
import type { SchoolResult } from "../../engine/calculate";
import { noteText } from "../../i18n/note";
import { FACTOR_RECOMMENDATIONS, RECOMMENDATIONS, type RecommendationKey } from "../../i18n/recommendations";
import { isLowResults } from "./analysis";

export interface RecommendationGroup {
  /** The library key, or "factor:S4". */
  key: string;
  title: string;
  items: readonly string[];
  schools: SchoolResult[];
}

const has = (flag: string) => (s: SchoolResult) => s.classification.flags.includes(flag as never);
const status = (...list: string[]) => (s: SchoolResult) => list.includes(s.classification.status);
/** On a list or in the risk zone: the schools the school-type advice is for. */
const listed = (s: SchoolResult) => s.classification.lowResults || s.classification.adverseContext || s.classification.flags.includes("risk_zone");
const redFactor = (id: string) => (s: SchoolResult) => s.indicators[id]?.zone === "red";

const RULES: [RecommendationKey, (s: SchoolResult) => boolean][] = [
  ["basicFailing", (s) => isLowResults(s) && has("basic_failing")(s)],
  ["moderateFailing", (s) => isLowResults(s) && has("moderate_failing")(s)],
  ["stableLow", has("stable_low")],
  ["needsObjectivityCheck", has("needs_objectivity_check")],
  ["accreditation", has("accreditation_suspended")],
  ["both", status("shnor_shnsu")],
  ["adverseContext", status("shnor_shnsu", "shnsu")],
];

const LATER_RULES: [RecommendationKey, (s: SchoolResult) => boolean][] = [
  ["resilient", status("resilient")],
  ["riskZone", has("risk_zone")],
  ["objectivity", (s) => has("objectivity_signs")(s) && !has("needs_objectivity_check")(s)],
  ["rural", (s) => listed(s) && /сел/i.test(s.school.locality)],
  ["small", (s) => listed(s) && redFactor("S7")(s)],
  ["remote", (s) => listed(s) && redFactor("S6")(s)],
  ["basicSchool", (s) => listed(s) && /(^|[^а-яё])(ООШ|НОШ)([^а-яё]|$)|основн|начальн|филиал/i.test(s.school.type)],
  ["advancedSchool", (s) => listed(s) && /гимназ|лице|углубл/i.test(s.school.type)],
];

/** Social factors with their own advice (S6 and S7 are covered by the school types). */
const FACTOR_IDS = S_IDS.filter((id) => id !== "S6" && id !== "S7");

export function recommendationGroups(schools: readonly SchoolResult[]): RecommendationGroup[] {
  const out: RecommendationGroup[] = [];
  const add = (key: string, title: string, items: readonly string[], pick: (s: SchoolResult) => boolean) => {
    const found = schools.filter(pick);
    if (found.length > 0) out.push({ key, title, items, schools: found });
  };
  for (const [key, pick] of RULES) add(key, RECOMMENDATIONS[key].title, RECOMMENDATIONS[key].items, pick);
  for (const id of FACTOR_IDS) add(`factor:${id}`, noteText.factorTitle(id), [FACTOR_RECOMMENDATIONS[id] + "."], (s) => s.classification.adverseContext && redFactor(id)(s));
  for (const [key, pick] of LATER_RULES) add(key, RECOMMENDATIONS[key].title, RECOMMENDATIONS[key].items, pick);
  return out;
}
