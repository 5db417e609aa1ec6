import { R_DIRECTION, R_INDEX_IDS, S_DIRECTION, S_IDS, S_SHARE_FIELD, type SId } from "../indicators/catalog";
import type { Measure } from "../indicators/measure";
import { computeRBlock } from "../indicators/r-block";
import { computeSBlock, socialYear } from "../indicators/s-block";
import { blockIndex, makePointer, type BlockIndex } from "../indicators/scoring";
import { EPS, type Direction } from "../indicators/zones";
import type { InputData, ResultRecord, SocialRecord } from "../model/types";
import type { Settings } from "../settings/types";

/** One family of measures for every school (e.g. «R pooled over t and t−1»). */
export type ViewMeasures = Map<string, Record<string, Measure>>;

/** Measures of every view the classification of t and t−1 needs, for all schools. */
export interface AllMeasures {
  pooled: Map<number, ViewMeasures>;
  single: Map<number, ViewMeasures>;
  social: Map<number, ViewMeasures>;
  /** Accreditation suspended as the passport gives it per year (undefined: not given). */
  accreditation: Map<number, Map<string, boolean | undefined>>;
}

export function computeMeasures(data: InputData, t: number, settings: Settings): AllMeasures {
  const results = groupBySchool(data.results);
  const social = groupBySchool(data.social);
  const all: AllMeasures = { pooled: new Map(), single: new Map(), social: new Map(), accreditation: new Map() };
  for (const y of [t, t - 1]) all.pooled.set(y, new Map());
  for (const y of [t, t - 1, t - 2]) all.single.set(y, new Map());
  for (const y of [t, t - 1]) {
    all.social.set(y, new Map());
    all.accreditation.set(y, new Map());
  }
  for (const school of data.schools) {
    const rows = results.get(school.id) ?? [];
    for (const [y, view] of all.pooled) view.set(school.id, computeRBlock(rows, { pooledYears: [y, y - 1], singleYear: y }, settings));
    for (const [y, view] of all.single) view.set(school.id, computeRBlock(rows, { pooledYears: [y], singleYear: y }, settings));
    const passport = social.get(school.id) ?? [];
    for (const [y, view] of all.social) {
      const year = socialYear(passport, y, settings);
      view.set(school.id, computeSBlock(school, year, settings));
      all.accreditation.get(y)!.set(school.id, year?.yesNo.accreditation_suspended);
    }
  }
  return all;
}

function groupBySchool<T extends ResultRecord | SocialRecord>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
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
  const out = new Map<string, BlockIndex>();
  for (const school of view.keys()) {
    out.set(school, blockIndex(R_INDEX_IDS, settings.weights, (id) => points(school, id), (w, total) => w >= (settings.indexCoverage / 100) * total - EPS));
  }
  return out;
}

/** ИСН of every school in one view: equal weights, coverage by the number of indicators. */
export function socialRiskIndex(view: ViewMeasures, groupOf: (s: string) => string, settings: Settings): Map<string, BlockIndex> {
  const points = makePointer({ measures: view, groupOf, ranked: S_RANKED, settings });
  const out = new Map<string, BlockIndex>();
  for (const school of view.keys()) {
    out.set(school, blockIndex(S_IDS, {}, (id) => points(school, id), (_w, _t, count) => count >= settings.socialMinIndicators));
  }
  return out;
}
