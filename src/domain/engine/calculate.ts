import { classify } from "../classification/classify";
import type { Classification, YearView } from "../classification/types";
import { S_IDS } from "../indicators/catalog";
import { indicatorChanges, type Change } from "../indicators/dynamics";
import { yesNoMeasure } from "../indicators/s-block";
import type { Measure } from "../indicators/measure";
import type { BlockIndex } from "../indicators/scoring";
import type { InputData, School } from "../model/types";
import { findSigns, hasSigns, type Sign } from "../objectivity/signs";
import type { Settings } from "../settings/types";
import { ru } from "../i18n/ru";
import { computeMeasures, lowResultsIndex, socialRiskIndex, type AllMeasures } from "./measures";

/** Everything computed for one school. */
export interface SchoolResult {
  school: School;
  /** Pooled R of t, R7, S of t. */
  indicators: Record<string, Measure>;
  singleT: Record<string, Measure>;
  singleT1: Record<string, Measure>;
  lowResultsIndex: BlockIndex;
  lowResultsIndexT: BlockIndex;
  lowResultsIndexT1: BlockIndex;
  socialRiskIndex: BlockIndex;
  factors: string[];
  signs: Sign[];
  hasSignsT: boolean;
  hasSignsT1: boolean;
  dynamics: Record<string, Change>;
  classification: Classification;
  /** ШНОР / ШНСУ membership in t−1 (for transitions). */
  prev: { lowResults: boolean; adverseContext: boolean; lowResultsIndex: BlockIndex; socialRiskIndex: BlockIndex };
}

export function calculateSchools(data: InputData, t: number, settings: Settings): SchoolResult[] {
  const municipalities = new Map(data.schools.map((s) => [s.id, s.municipality]));
  const groupOf = settings.comparisonGroup === "workbook" ? () => "" : (id: string) => municipalities.get(id) ?? "";
  const m = computeMeasures(data, t, settings);
  const idx = indices(m, groupOf, settings);
  const signs = findSigns(data.results, data.scores, new Map(data.schools.map((s) => [s.id, s])), groupOf, settings);
  return data.schools.map((school) => {
    const own = signs.get(school.id) ?? [];
    const view = (y: number, wasLowResults: boolean): YearView => yearView(school, y, t, m, idx, own, wasLowResults, settings);
    const prevClass = classify(view(t - 1, false), settings);
    const current = view(t, prevClass.lowResults);
    const classification = classify(current, settings);
    addRedIndicators(classification, current.pooled);
    return {
      school,
      indicators: { ...current.pooled, R7: yesNoMeasure(accreditation(school, t, t, m)), ...current.social },
      singleT: current.single,
      singleT1: current.singlePrev,
      lowResultsIndex: current.lowResultsIndex,
      lowResultsIndexT: current.lowResultsIndexT,
      lowResultsIndexT1: current.lowResultsIndexPrev,
      socialRiskIndex: current.socialRiskIndex,
      factors: current.redFactors,
      signs: own,
      hasSignsT: current.hasSigns,
      hasSignsT1: current.hasSignsPrev,
      dynamics: indicatorChanges(current.single, current.singlePrev, settings),
      classification,
      prev: { lowResults: prevClass.lowResults, adverseContext: prevClass.adverseContext, lowResultsIndex: idx.pooled.get(t - 1)!.get(school.id)!, socialRiskIndex: idx.social.get(t - 1)!.get(school.id)! },
    };
  });
}

interface Indices {
  pooled: Map<number, Map<string, BlockIndex>>;
  single: Map<number, Map<string, BlockIndex>>;
  social: Map<number, Map<string, BlockIndex>>;
}

function indices(m: AllMeasures, groupOf: (s: string) => string, settings: Settings): Indices {
  const r = (views: Map<number, Map<string, Record<string, Measure>>>) => new Map([...views].map(([y, v]) => [y, lowResultsIndex(v, groupOf, settings)]));
  return { pooled: r(m.pooled), single: r(m.single), social: new Map([...m.social].map(([y, v]) => [y, socialRiskIndex(v, groupOf, settings)])) };
}

function yearView(school: School, y: number, t: number, m: AllMeasures, idx: Indices, signs: Sign[], wasLowResults: boolean, settings: Settings): YearView {
  const id = school.id;
  const social = m.social.get(y)!.get(id)!;
  const single = m.single.get(y)!.get(id)!;
  const singlePrev = m.single.get(y - 1)!.get(id)!;
  const changes = indicatorChanges(single, singlePrev, settings);
  return {
    year: y,
    pooled: m.pooled.get(y)!.get(id)!,
    single,
    singlePrev,
    social,
    lowResultsIndex: idx.pooled.get(y)!.get(id)!,
    lowResultsIndexT: idx.single.get(y)!.get(id)!,
    lowResultsIndexPrev: idx.single.get(y - 1)!.get(id)!,
    socialRiskIndex: idx.social.get(y)!.get(id)!,
    redFactors: S_IDS.filter((s) => social[s].zone === "red"),
    accreditationSuspended: accreditation(school, y, t, m) === true,
    hasSigns: hasSigns(signs, y),
    hasSignsPrev: hasSigns(signs, y - 1),
    signIds: { now: signIdsOf(signs, y), prev: signIdsOf(signs, y - 1) },
    wasLowResults,
    negativeDynamics: ["R4", "R3b"].filter((k) => changes[k]?.verdict === "negative").map((id) => ({ id, delta: changes[id].delta })),
  };
}

const signIdsOf = (signs: Sign[], y: number) => [...new Set(signs.filter((s) => s.year === y).map((s) => s.sign))].sort();

/** R7: the passport's value for year y, else the registry's — for year t only (Appendix A, C);
 *  null when neither gives it («нет данных», never a silent «нет»). */
function accreditation(school: School, y: number, t: number, m: AllMeasures): boolean | null {
  const fromPassport = m.accreditation.get(y)?.get(school.id);
  if (fromPassport !== undefined) return fromPassport;
  return y === t ? school.yesNo.accreditation_suspended ?? null : null;
}

function addRedIndicators(c: Classification, pooled: Record<string, Measure>): void {
  for (const id of ["R1", "R2", "R3a", "R3b", "R4", "R5", "R6"]) {
    const x = pooled[id];
    if (x.zone === "red" && x.value !== null) c.reasons.push(ru.reasons.redIndicator(id, x.value, x.n));
  }
}
