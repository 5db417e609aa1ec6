import { R_DIRECTION, R_INDEX_IDS, S_DIRECTION, S_IDS, S_SHARE_FIELD } from "../indicators/catalog";
import { MeasureColumns } from "../indicators/columns";
import { R_SLOT, rViewColumns, tallyR, type RTally } from "../indicators/r-block";
import { S_LAYOUT, socialYear, writeSBlock } from "../indicators/s-block";
import { viewIndex, type IndexColumns, type IndexSpec, type SchoolGroups } from "../indicators/scoring";
import { EPS } from "../indicators/zones";
import type { InputData, SocialRecord } from "../model/types";
import { findSigns, type Sign } from "../objectivity/signs";
import type { Settings } from "../settings/types";

/**
 * Measures, indices and signs of every school by year, each computed once and shared by the
 * classification of t and of the earlier years «Динамика» reclassifies (a view of year y is
 * the same whichever year is being classified). Views and indices are columns with the schools
 * in `data.schools` order (`schoolAt` gives a school's position). Block S reads the registry's
 * yes/no factors, never its accreditation, so the earlier years' classification (which drops
 * the registry's accreditation) shares it too.
 */
export class MeasureStore {
  private readonly tally: RTally;
  private readonly passports: SocialRecord[][];
  private readonly pooledViews = new Map<number, MeasureColumns>();
  private readonly singleViews = new Map<number, MeasureColumns>();
  private readonly socialViews = new Map<number, { view: MeasureColumns; accreditation: (boolean | undefined)[] }>();
  private readonly pooledIndices = new Map<number, IndexColumns>();
  private readonly singleIndices = new Map<number, IndexColumns>();
  private readonly socialIndices = new Map<number, IndexColumns>();
  private readonly lowResultsSpec: IndexSpec;
  private readonly socialRiskSpec: IndexSpec;
  private signsBySchool: Map<string, Sign[]> | null = null;
  /** Years with a results row (of any school) and years with a passport row. */
  private readonly resultYears = new Set<number>();
  private readonly passportYears = new Set<number>();
  /** A school's position in the columns, by id. */
  readonly schoolAt: ReadonlyMap<string, number>;
  /** The comparison group of a school (all one group for comparison_group = workbook). */
  readonly groupOf: (school: string) => string;
  private readonly groups: SchoolGroups;

  /** `shownYear`: the year whose pooled view is shown (the report year); the other pooled
   *  views leave out the R4 combos. Null: every pooled view has them. */
  constructor(
    readonly data: InputData,
    readonly settings: Settings,
    private readonly shownYear: number | null = null,
  ) {
    this.schoolAt = new Map(data.schools.map((s, i) => [s.id, i]));
    this.tally = tallyR(data.results, settings, this.schoolAt);
    this.passports = bySchool(data.social, this.schoolAt);
    // a set look-up only where the year changes from the row before (rows come by school and year)
    for (let i = 0; i < data.results.length; i++) if (i === 0 || data.results.year[i] !== data.results.year[i - 1]) this.resultYears.add(data.results.year[i]);
    for (let i = 0; i < data.social.length; i++) this.passportYears.add(data.social[i].year);
    const municipalities = new Map(data.schools.map((s) => [s.id, s.municipality]));
    this.groupOf = settings.comparisonGroup === "workbook" ? () => "" : (id: string) => municipalities.get(id) ?? "";
    this.groups = groupsOf(data.schools.map((s) => this.groupOf(s.id)));
    this.lowResultsSpec = lowResultsSpec(settings);
    this.socialRiskSpec = socialRiskSpec(settings);
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
  pooled(y: number): MeasureColumns {
    return this.rView(this.pooledViews, y, [y, y - 1], this.shownYear === null || y === this.shownYear);
  }

  /** Block R of year y alone. */
  single(y: number): MeasureColumns {
    return this.rView(this.singleViews, y, [y], true);
  }

  private rView(cache: Map<number, MeasureColumns>, y: number, pooledYears: number[], combos: boolean): MeasureColumns {
    let view = cache.get(y);
    if (!view) cache.set(y, (view = rViewColumns(this.tally, { pooledYears, singleYear: y, combos })));
    return view;
  }

  /** Block S of year y. */
  social(y: number): MeasureColumns {
    return this.socialYear(y).view;
  }

  /** Accreditation suspended as the passport gives it in year y (undefined: not given), by
   *  school position. */
  accreditation(y: number): readonly (boolean | undefined)[] {
    return this.socialYear(y).accreditation;
  }

  private socialYear(y: number) {
    let entry = this.socialViews.get(y);
    if (!entry) {
      const schools = this.data.schools;
      entry = { view: new MeasureColumns(S_LAYOUT, schools.length), accreditation: new Array<boolean | undefined>(schools.length) };
      for (let i = 0; i < schools.length; i++) {
        const year = socialYear(this.passports[i], y, this.settings);
        writeSBlock(entry.view, i, schools[i], year, this.settings);
        entry.accreditation[i] = year?.yesNo.accreditation_suspended;
      }
      this.socialViews.set(y, entry);
    }
    return entry;
  }

  /** ИНР of the pooled view of y. */
  pooledIndex(y: number): IndexColumns {
    return this.index(this.pooledIndices, y, () => viewIndex(this.pooled(y), this.lowResultsSpec, this.groups, this.settings));
  }

  /** ИНР₁ of year y. */
  singleIndex(y: number): IndexColumns {
    return this.index(this.singleIndices, y, () => viewIndex(this.single(y), this.lowResultsSpec, this.groups, this.settings));
  }

  /** ИСН of year y. */
  socialIndex(y: number): IndexColumns {
    return this.index(this.socialIndices, y, () => viewIndex(this.social(y), this.socialRiskSpec, this.groups, this.settings));
  }

  private index(cache: Map<number, IndexColumns>, y: number, make: () => IndexColumns): IndexColumns {
    let index = cache.get(y);
    if (!index) cache.set(y, (index = make()));
    return index;
  }

  /** Signs of non-objective results of every school and year (they do not depend on t). */
  signs(): Map<string, Sign[]> {
    return (this.signsBySchool ??= findSigns(this.data.results, this.data.scores, new Map(this.data.schools.map((s) => [s.id, s])), this.groupOf, this.settings));
  }
}

/** The passport rows of each school, by position (rows of a school the registry lacks are
 *  not classified: the registry lists the schools). */
function bySchool(rows: readonly SocialRecord[], schoolAt: ReadonlyMap<string, number>): SocialRecord[][] {
  const out: SocialRecord[][] = Array.from({ length: schoolAt.size }, () => []);
  for (let i = 0; i < rows.length; i++) {
    const at = schoolAt.get(rows[i].school);
    if (at !== undefined) out[at].push(rows[i]);
  }
  return out;
}

/** Groups numbered in order of first appearance. */
function groupsOf(names: readonly string[]): SchoolGroups {
  const numbers = new Map<string, number>();
  const of = new Int32Array(names.length);
  names.forEach((name, i) => {
    let g = numbers.get(name);
    if (g === undefined) numbers.set(name, (g = numbers.size));
    of[i] = g;
  });
  return { of, count: numbers.size };
}

/** ИНР: R1–R6 with their weights, coverage by scored weight (Appendix A). */
function lowResultsSpec(settings: Settings): IndexSpec {
  return {
    slots: R_INDEX_IDS.map((id) => R_SLOT[id]),
    weights: R_INDEX_IDS.map((id) => settings.weights[id] ?? 1),
    ranked: R_INDEX_IDS.map((id) => R_DIRECTION[id]),
    covered: (w, total) => w >= (settings.indexCoverage / 100) * total - EPS,
  };
}

/** ИСН: equal weights, coverage by the number of indicators; the shares are ranked, the
 *  yes/no factors are not. */
function socialRiskSpec(settings: Settings): IndexSpec {
  return {
    slots: S_IDS.map((_, slot) => slot),
    weights: S_IDS.map(() => 1),
    ranked: S_IDS.map((id) => (S_SHARE_FIELD[id] ? S_DIRECTION(id) : undefined)),
    covered: (_w, _total, count) => count >= settings.socialMinIndicators,
  };
}
