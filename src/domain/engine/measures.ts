import { R_DIRECTION, R_INDEX_IDS, S_DIRECTION, S_IDS, S_SHARE_FIELD, type SId } from "../indicators/catalog";
import type { Measure } from "../indicators/measure";
import { rBlockOf, tallyR, type RTally, type RView } from "../indicators/r-block";
import { computeSBlock, socialYear } from "../indicators/s-block";
import { blockIndex, makePointer, type BlockIndex, type Pointer } from "../indicators/scoring";
import { EPS, type Direction } from "../indicators/zones";
import type { InputData, SocialRecord } from "../model/types";
import { rowsBySchool } from "../model/result-table";
import { findSigns, type Sign } from "../objectivity/signs";
import type { Settings } from "../settings/types";

/** One family of measures for every school (e.g. «R pooled over t and t−1»). */
export type ViewMeasures = Map<string, Record<string, Measure>>;

/**
 * Measures, indices and signs of every school by year, each computed once and shared by the
 * classification of t and of the earlier years «Динамика» reclassifies (a view of year y is
 * the same whichever year is being classified). Views hold the schools in `data.schools`
 * order. Block S reads the registry's yes/no factors, never its accreditation, so the
 * earlier years' classification (which drops the registry's accreditation) shares it too.
 */
export class MeasureStore {
  private readonly tallies = new Map<string, RTally>();
  private readonly passports: Map<string, SocialRecord[]>;
  private readonly pooledViews = new Map<number, ViewMeasures>();
  private readonly singleViews = new Map<number, ViewMeasures>();
  private readonly socialViews = new Map<number, { view: ViewMeasures; accreditation: Map<string, boolean | undefined> }>();
  // by year, one map per kind: a key string `${kind} ${y}` per look-up was made 4× per school-year
  private readonly pooledIndices = new Map<number, Map<string, BlockIndex>>();
  private readonly singleIndices = new Map<number, Map<string, BlockIndex>>();
  private readonly socialIndices = new Map<number, Map<string, BlockIndex>>();
  private signsBySchool: Map<string, Sign[]> | null = null;
  /** Years with a results row (of any school) and years with a passport row. */
  private readonly resultYears = new Set<number>();
  private readonly passportYears = new Set<number>();
  /** The comparison group of a school (all one group for comparison_group = workbook). */
  readonly groupOf: (school: string) => string;

  /** `shownYear`: the year whose pooled view is shown (the report year); the other pooled
   *  views leave out the R4 combos. Null: every pooled view has them. */
  constructor(
    readonly data: InputData,
    readonly settings: Settings,
    private readonly shownYear: number | null = null,
  ) {
    const results = rowsBySchool(data.results);
    for (const school of data.schools) this.tallies.set(school.id, tallyR(data.results, results.get(school.id) ?? [], settings));
    this.passports = groupBySchool(data.social);
    for (let i = 0; i < data.results.length; i++) this.resultYears.add(data.results.year[i]);
    for (let i = 0; i < data.social.length; i++) this.passportYears.add(data.social[i].year);
    const municipalities = new Map(data.schools.map((s) => [s.id, s.municipality]));
    this.groupOf = settings.comparisonGroup === "workbook" ? () => "" : (id: string) => municipalities.get(id) ?? "";
  }

  /** The workbook has a results row of year y (any school, even one the registry lacks). */
  hasResults(y: number): boolean {
    return this.resultYears.has(y);
  }

  /** The workbook has a passport row of year y. */
  hasPassports(y: number): boolean {
    return this.passportYears.has(y);
  }

  /** Block R pooled over y and y−1 (R5, R6 of y). */
  pooled(y: number): ViewMeasures {
    return this.rView(this.pooledViews, y, [y, y - 1], this.shownYear === null || y === this.shownYear);
  }

  /** Block R of year y alone. */
  single(y: number): ViewMeasures {
    return this.rView(this.singleViews, y, [y], true);
  }

  private rView(cache: Map<number, ViewMeasures>, y: number, pooledYears: number[], combos: boolean): ViewMeasures {
    let view = cache.get(y);
    if (!view) {
      view = new Map();
      const spec: RView = { pooledYears, singleYear: y, combos };
      for (const school of this.data.schools) view.set(school.id, rBlockOf(this.tallies.get(school.id)!, spec));
      cache.set(y, view);
    }
    return view;
  }

  /** Block S of year y. */
  social(y: number): ViewMeasures {
    return this.socialYear(y).view;
  }

  /** Accreditation suspended as the passport gives it in year y (undefined: not given). */
  accreditation(y: number): Map<string, boolean | undefined> {
    return this.socialYear(y).accreditation;
  }

  private socialYear(y: number) {
    let entry = this.socialViews.get(y);
    if (!entry) {
      entry = { view: new Map(), accreditation: new Map() };
      for (const school of this.data.schools) {
        const year = socialYear(this.passports.get(school.id) ?? [], y, this.settings);
        entry.view.set(school.id, computeSBlock(school, year, this.settings));
        entry.accreditation.set(school.id, year?.yesNo.accreditation_suspended);
      }
      this.socialViews.set(y, entry);
    }
    return entry;
  }

  /** ИНР of the pooled view of y. */
  pooledIndex(y: number): Map<string, BlockIndex> {
    return this.index(this.pooledIndices, y, () => lowResultsIndex(this.pooled(y), this.groupOf, this.settings));
  }

  /** ИНР₁ of year y. */
  singleIndex(y: number): Map<string, BlockIndex> {
    return this.index(this.singleIndices, y, () => lowResultsIndex(this.single(y), this.groupOf, this.settings));
  }

  /** ИСН of year y. */
  socialIndex(y: number): Map<string, BlockIndex> {
    return this.index(this.socialIndices, y, () => socialRiskIndex(this.social(y), this.groupOf, this.settings));
  }

  private index(cache: Map<number, Map<string, BlockIndex>>, y: number, make: () => Map<string, BlockIndex>): Map<string, BlockIndex> {
    let index = cache.get(y);
    if (!index) cache.set(y, (index = make()));
    return index;
  }

  /** Signs of non-objective results of every school and year (they do not depend on t). */
  signs(): Map<string, Sign[]> {
    return (this.signsBySchool ??= findSigns(this.data.results, this.data.scores, new Map(this.data.schools.map((s) => [s.id, s])), this.groupOf, this.settings));
  }
}

function groupBySchool<T extends SocialRecord>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const list = out.get(row.school);
    if (list) list.push(row);
    else out.set(row.school, [row]);
  }
  return out;
}

const R_RANKED: Record<string, Direction> = Object.fromEntries(R_INDEX_IDS.map((id) => [id, R_DIRECTION[id]]));
const S_RANKED: Record<string, Direction> = Object.fromEntries(S_IDS.filter((id) => S_SHARE_FIELD[id]).map((id) => [id, S_DIRECTION(id as SId)]));

/** ИНР of every school in one view: coverage by scored weight (Appendix A). */
export function lowResultsIndex(view: ViewMeasures, groupOf: (s: string) => string, settings: Settings): Map<string, BlockIndex> {
  const points = makePointer({ measures: view, groupOf, ranked: R_RANKED, settings });
  return viewIndex(view, R_INDEX_IDS, settings.weights, points, (w, total) => w >= (settings.indexCoverage / 100) * total - EPS);
}

/** ИСН of every school in one view: equal weights, coverage by the number of indicators. */
export function socialRiskIndex(view: ViewMeasures, groupOf: (s: string) => string, settings: Settings): Map<string, BlockIndex> {
  const points = makePointer({ measures: view, groupOf, ranked: S_RANKED, settings });
  return viewIndex(view, S_IDS, {}, points, (_w, _t, count) => count >= settings.socialMinIndicators);
}

/**
 * The index of every school in a view. A shared (frozen) block holds no data or only the
 * registry's yes/no values, which score the same in any group: its index is made once for
 * all the schools that have it.
 */
function viewIndex(view: ViewMeasures, ids: readonly string[], weights: Record<string, number>, points: Pointer, covered: Parameters<typeof blockIndex>[3]): Map<string, BlockIndex> {
  const out = new Map<string, BlockIndex>();
  const shared = new Map<Record<string, Measure>, BlockIndex>();
  // one closure for the view over the school at hand, not one per school
  let school = "";
  let measures: Record<string, Measure> = {};
  const pointsOf = (id: string) => points(school, id, measures[id]);
  // forEach, not for-of over entries (an [key, value] array per school)
  view.forEach((m, s) => {
    school = s;
    measures = m;
    const frozen = Object.isFrozen(measures);
    let index = frozen ? shared.get(measures) : undefined;
    if (!index) {
      index = blockIndex(ids, weights, pointsOf, covered);
      if (frozen) shared.set(measures, index);
    }
    out.set(school, index);
  });
  return out;
}
