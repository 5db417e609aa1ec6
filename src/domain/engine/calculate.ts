import { classify, redFactors } from "../classification/classify";
import type { Classification, YearColumns, YearView } from "../classification/types";
import { R_INDEX_IDS } from "../indicators/catalog";
import { RED, type ColumnLayout, type MeasureColumns } from "../indicators/columns";
import { indicatorChanges, type Change } from "../indicators/dynamics";
import { R_SLOT } from "../indicators/r-block";
import { RecordShape } from "../indicators/record";
import { yesNoMeasure, type Measure } from "../indicators/measure";
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
  const now = yearColumns(store, t);
  const before = yearColumns(store, t - 1);
  return data.schools.map((school, at) => {
    const own = signs.get(school.id) ?? [];
    // t−1 only decides «was ШНОР» and the transitions: its reasons are never shown
    const prevClass = prev?.get(school.id) ?? classify(yearView(before, at, school, t, store, own, false), settings, false);
    const classification = classify(yearView(now, at, school, t, store, own, prevClass.lowResults), settings);
    addRedIndicators(classification, now.pooled, at);
    const singleT = now.single.record(at);
    const singleT1 = now.singlePrev.record(at);
    return {
      school,
      indicators: indicatorsOf(now.pooled, yesNoMeasure(accreditation(school, at, t, t, store)), now.social, at),
      singleT,
      singleT1,
      lowResultsIndex: now.lowResultsIndex.at(at),
      lowResultsIndexT: now.lowResultsIndexT.at(at),
      lowResultsIndexT1: now.lowResultsIndexPrev.at(at),
      socialRiskIndex: now.socialRiskIndex.at(at),
      factors: redFactors(now.social, at),
      signs: own,
      hasSignsT: hasSigns(own, t),
      hasSignsT1: hasSigns(own, t - 1),
      dynamics: indicatorChanges(singleT, singleT1, settings),
      classification,
      prev: { lowResults: prevClass.lowResults, adverseContext: prevClass.adverseContext, lowResultsIndex: before.lowResultsIndex.at(at), socialRiskIndex: before.socialRiskIndex.at(at) },
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
  const first = seedCanBeLowResults ? seed : years[0];
  const columns: YearColumns[] = [];
  for (let y = first; y <= years[years.length - 1]; y++) columns.push(yearColumns(store, y));
  data.schools.forEach((school, at) => {
    const own = signs.get(school.id) ?? [];
    let wasLowResults = false;
    for (const c of columns) {
      const verdict = classify(yearView(c, at, school, t, store, own, wasLowResults), settings, false);
      out.get(c.year)?.set(school.id, verdict);
      wasLowResults = verdict.lowResults;
    }
  });
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

/** The views and indices of year y (each computed once, by the store). */
function yearColumns(m: MeasureStore, y: number): YearColumns {
  return {
    year: y,
    pooled: m.pooled(y),
    single: m.single(y),
    singlePrev: m.single(y - 1),
    social: m.social(y),
    lowResultsIndex: m.pooledIndex(y),
    lowResultsIndexT: m.singleIndex(y),
    lowResultsIndexPrev: m.singleIndex(y - 1),
    socialRiskIndex: m.socialIndex(y),
  };
}

/** The view of year y of the school at position `at`. The registry's accreditation counts in
 *  the report year t only. */
function yearView(of: YearColumns, at: number, school: School, t: number, m: MeasureStore, signs: Sign[], wasLowResults: boolean): YearView {
  return {
    of,
    at,
    accreditationSuspended: accreditation(school, at, of.year, t, m) === true,
    hasSigns: hasSigns(signs, of.year),
    hasSignsPrev: hasSigns(signs, of.year - 1),
    signs,
    wasLowResults,
  };
}

const indicatorShapes = new WeakMap<ColumnLayout, RecordShape>();

/** Pooled R, R7, S of t in one record, of one shape for all the schools (RecordShape: Object.assign
 *  made a dictionary of 2 KB a school; `{ ...a, R7, ...b }` a hidden class per school). */
function indicatorsOf(pooled: MeasureColumns, r7: Measure, social: MeasureColumns, at: number): Record<string, Measure> {
  let shape = indicatorShapes.get(pooled.layout);
  if (!shape) indicatorShapes.set(pooled.layout, (shape = new RecordShape([...pooled.layout.keys, "R7", ...social.layout.keys])));
  const out = shape.make<Measure>();
  pooled.fill(out, at);
  out.R7 = r7;
  social.fill(out, at);
  return out;
}

/** R7: the passport's value for year y, else the registry's — for year t only (Appendix A, C);
 *  null when neither gives it («нет данных», never a silent «нет»). */
function accreditation(school: School, at: number, y: number, t: number, m: MeasureStore): boolean | null {
  const fromPassport = m.accreditation(y)[at];
  if (fromPassport !== undefined) return fromPassport;
  return y === t ? school.yesNo.accreditation_suspended ?? null : null;
}

function addRedIndicators(c: Classification, pooled: MeasureColumns, at: number): void {
  for (const id of R_INDEX_IDS) {
    const slot = R_SLOT[id];
    const value = pooled.valueAt(slot, at);
    if (pooled.zoneAt(slot, at) === RED && value !== null) c.reasons.push(ru.reasons.redIndicator(id, value, pooled.nAt(slot, at)));
  }
}
