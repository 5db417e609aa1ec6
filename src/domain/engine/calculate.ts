import { classify } from "../classification/classify";
import type { Classification, YearView } from "../classification/types";
import { R_INDEX_IDS, S_IDS } from "../indicators/catalog";
import { changeDelta, indicatorChanges, verdictOf, type Change } from "../indicators/dynamics";
import { yesNoMeasure } from "../indicators/s-block";
import { rBlockKeys } from "../indicators/r-block";
import { RecordShape } from "../indicators/record";
import type { Measure } from "../indicators/measure";
import type { BlockIndex } from "../indicators/scoring";
import type { InputData, School } from "../model/types";
import { hasSigns, type Sign } from "../objectivity/signs";
import type { Settings } from "../settings/types";
import { ru } from "../i18n/ru";
import { MeasureStore } from "./measures";

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

/**
 * Every school's result for report year t. `store` holds the measures of each year; pass the
 * same store to classify several years of one workbook (its data and settings must be the
 * ones given here). `prev`: the schools' classification of t−1 when already made
 * (classifyEarlierYears); else it is made here, without looking at t−2 — «was ШНОР in t−2»
 * changes only the risk zone of t−1, and of t−1 only ШНОР and ШНСУ are used.
 */
export function calculateSchools(data: InputData, t: number, settings: Settings, store = new MeasureStore(data, settings), prev?: ReadonlyMap<string, Classification>): SchoolResult[] {
  const signs = store.signs();
  return data.schools.map((school) => {
    const own = signs.get(school.id) ?? [];
    // t−1 only decides «was ШНОР» and the transitions: its reasons are never shown
    const prevClass = prev?.get(school.id) ?? classify(yearView(school, t - 1, t, store, own, false, settings), settings, false);
    const current = yearView(school, t, t, store, own, prevClass.lowResults, settings);
    const dynamics = indicatorChanges(current.single, current.singlePrev, settings);
    const classification = classify(current, settings);
    addRedIndicators(classification, current.pooled);
    return {
      school,
      indicators: indicatorsOf(current.pooled, yesNoMeasure(accreditation(school, t, t, store)), current.social, settings),
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
      dynamics,
      classification,
      prev: { lowResults: prevClass.lowResults, adverseContext: prevClass.adverseContext, lowResultsIndex: store.pooledIndex(t - 1).get(school.id)!, socialRiskIndex: store.socialIndex(t - 1).get(school.id)! },
    };
  });
}

/**
 * The classification of every school in each of `years` (ascending, each < t: the timeline of
 * «Динамика» before t), each year classified with its own y−1 exactly as t is, without
 * reasons. A school's years are walked in order: «was ШНОР in y−1» is the verdict of the year
 * before, which does not depend on its own y−2 (only the risk zone looks back).
 */
export function classifyEarlierYears(data: InputData, years: readonly number[], t: number, settings: Settings, store: MeasureStore): Map<number, Map<string, Classification>> {
  const out = new Map(years.map((y) => [y, new Map<string, Classification>()]));
  if (years.length === 0) return out;
  const signs = store.signs();
  const seed = years[0] - 1;
  const seedCanBeLowResults = canBeLowResults(store, seed);
  for (const school of data.schools) {
    const own = signs.get(school.id) ?? [];
    const classifyIn = (y: number, wasLowResults: boolean) => classify(yearView(school, y, t, store, own, wasLowResults, settings), settings, false);
    let wasLowResults = seedCanBeLowResults && classifyIn(seed, false).lowResults;
    for (let y = years[0]; y <= years[years.length - 1]; y++) {
      const c = classifyIn(y, wasLowResults);
      out.get(y)?.set(school.id, c);
      wasLowResults = c.lowResults;
    }
  }
  return out;
}

/**
 * Whether any school can be ШНОР in year y. It cannot without results rows of y and y−1 and
 * without passport rows of y: then ИНР of y (pooled over y and y−1, R5 and R6 of y) has no
 * scored indicator and is not covered, no single-year R3a, R3b or combo of y is red (no data
 * is zone «none»), and no passport suspends the accreditation (the registry's counts in t
 * only, and y < t here) — none of the ШНОР rules holds. The seed year before a timeline that
 * starts at the first data year is such a year: skipping its views, indices and verdicts
 * saved ≈ 3 % of a region run (A/B, within the noise). A timeline cut at MAX_HISTORY_YEARS
 * has data there, and the seed is classified.
 */
function canBeLowResults(store: MeasureStore, y: number): boolean {
  return store.hasResults(y) || store.hasResults(y - 1) || store.hasPassports(y);
}

/** The view of year y of one school. The registry's accreditation counts in the report
 *  year t only. */
function yearView(school: School, y: number, t: number, m: MeasureStore, signs: Sign[], wasLowResults: boolean, settings: Settings): YearView {
  const id = school.id;
  const social = m.social(y).get(id)!;
  const single = m.single(y).get(id)!;
  const singlePrev = m.single(y - 1).get(id)!;
  return {
    year: y,
    pooled: m.pooled(y).get(id)!,
    single,
    singlePrev,
    social,
    lowResultsIndex: m.pooledIndex(y).get(id)!,
    lowResultsIndexT: m.singleIndex(y).get(id)!,
    lowResultsIndexPrev: m.singleIndex(y - 1).get(id)!,
    socialRiskIndex: m.socialIndex(y).get(id)!,
    redFactors: redFactors(social),
    accreditationSuspended: accreditation(school, y, t, m) === true,
    hasSigns: hasSigns(signs, y),
    hasSignsPrev: hasSigns(signs, y - 1),
    signs,
    wasLowResults,
    negativeDynamics: negativeDynamics(single, singlePrev, settings),
  };
}

/** S indicators in the red zone, in S_IDS order (a loop: S_IDS.filter made a closure and an array per school-year). */
function redFactors(social: Record<string, Measure>): string[] {
  const out: string[] = [];
  for (const id of S_IDS) if (social[id].zone === "red") out.push(id);
  return out;
}

const NEGATIVE_DYNAMICS_IDS = ["R4", "R3b"] as const;

/** Aggregate R4 and R3b with a negative verdict y−1 → y (the risk-zone rule). The verdict of
 *  Δ without a Change object: two per school-year were made and dropped. */
function negativeDynamics(single: Record<string, Measure>, singlePrev: Record<string, Measure>, settings: Settings): YearView["negativeDynamics"] {
  const out: YearView["negativeDynamics"] = [];
  for (const id of NEGATIVE_DYNAMICS_IDS) {
    const delta = changeDelta(id, single, singlePrev);
    if (delta !== null && verdictOf(id, delta, settings) === "negative") out.push({ id, delta });
  }
  return out;
}

const indicatorShapes = new WeakMap<Settings, { withCombos: RecordShape; withoutCombos: RecordShape; firstCombo: string | undefined }>();

/** Pooled R, R7, S of t in one record, of one shape for all the schools (RecordShape: Object.assign
 *  made a dictionary of 2 KB a school; `{ ...a, R7, ...b }` a hidden class per school). A
 *  block has all the R4 combos or none (a pooled view that is only classified). */
function indicatorsOf(pooled: Record<string, Measure>, r7: Measure, social: Record<string, Measure>, settings: Settings): Record<string, Measure> {
  let shapes = indicatorShapes.get(settings);
  if (!shapes) {
    const shape = (combos: boolean) => new RecordShape([...rBlockKeys(settings, combos), "R7", ...S_IDS]);
    const firstCombo = rBlockKeys(settings, true).find((id) => id.startsWith("R4."));
    indicatorShapes.set(settings, (shapes = { withCombos: shape(true), withoutCombos: shape(false), firstCombo }));
  }
  const out = (shapes.firstCombo === undefined || shapes.firstCombo in pooled ? shapes.withCombos : shapes.withoutCombos).make<Measure>();
  for (const id in pooled) out[id] = pooled[id];
  out.R7 = r7;
  for (const id in social) out[id] = social[id];
  return out;
}

/** R7: the passport's value for year y, else the registry's — for year t only (Appendix A, C);
 *  null when neither gives it («нет данных», never a silent «нет»). */
function accreditation(school: School, y: number, t: number, m: MeasureStore): boolean | null {
  const fromPassport = m.accreditation(y).get(school.id);
  if (fromPassport !== undefined) return fromPassport;
  return y === t ? school.yesNo.accreditation_suspended ?? null : null;
}

function addRedIndicators(c: Classification, pooled: Record<string, Measure>): void {
  for (const id of R_INDEX_IDS) {
    const x = pooled[id];
    if (x.zone === "red" && x.value !== null) c.reasons.push(ru.reasons.redIndicator(id, x.value, x.n));
  }
}
