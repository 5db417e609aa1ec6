import type { Settings } from "../settings/types";
import type { MeasureColumns } from "./columns";
import { EPS, ZONE_POINTS, type Direction } from "./zones";

/** Relative scoring needs at least this many scored schools in the group (methodology.md §1). */
const MIN_RELATIVE_GROUP = 5;

/** A block's index: its indicators' slots in the view, in the block's order, their weights
 *  and ranking directions (none: yes/no, never ranked), and the rule of coverage. */
export interface IndexSpec {
  slots: readonly number[];
  weights: readonly number[];
  ranked: readonly (Direction | undefined)[];
  covered: (coveredWeight: number, totalWeight: number, count: number) => boolean;
}

/** The comparison group of each school (in `data.schools` order), as a number < count. */
export interface SchoolGroups {
  of: Int32Array;
  count: number;
}

/** Zone points by zoneCode (NaN: "none", no points). */
const POINTS = Float64Array.of(NaN, ZONE_POINTS.green, ZONE_POINTS.yellow, ZONE_POINTS.red);

/**
 * The index of every school in one view. Absolute mode: zone points. Relative mode:
 * p = (rank−1)/(N−1) within the comparison group, rank 1 the best, ties at their average rank;
 * absolute where N < 5.
 */
export function viewIndex(view: MeasureColumns, spec: IndexSpec, groups: SchoolGroups, settings: Settings): IndexColumns {
  const out = new IndexColumns(view.schools, totalOf(spec.weights));
  const sorted = settings.scoringMode === "relative" ? groupValues(view, spec, groups) : null;
  // one closure for the view over the school at hand, not one per school
  let school = 0;
  const points = (k: number): number | null => {
    const at = spec.slots[k] * view.schools + school;
    const zone = view.zone[at];
    if (zone === 0) return null;
    const values = sorted?.[k]?.[groups.of[school]];
    return values && values.length >= MIN_RELATIVE_GROUP ? percentile(values, view.value[at], spec.ranked[k]!) : POINTS[zone];
  };
  for (; school < view.schools; school++) blockIndex(spec, points, out, school);
  return out;
}

/** Scored values by indicator (position in the spec; none for unranked ones), then group,
 *  ascending. */
function groupValues(view: MeasureColumns, spec: IndexSpec, groups: SchoolGroups): (number[][] | undefined)[] {
  return spec.slots.map((slot, k) => {
    if (!spec.ranked[k]) return undefined;
    const byGroup: number[][] = Array.from({ length: groups.count }, () => []);
    for (let school = 0; school < view.schools; school++) {
      const at = slot * view.schools + school;
      if (view.zone[at] !== 0 && !Number.isNaN(view.value[at])) byGroup[groups.of[school]].push(view.value[at]);
    }
    for (const list of byGroup) list.sort((a, b) => a - b);
    return byGroup;
  });
}

/** Average rank of `v` among ascending `values`, turned into p; best = lowest for ↑. */
export function percentile(values: ArrayLike<number>, v: number, dir: Direction): number {
  // `values` ascending (a group may hold 40,000 schools): a binary search finds the few values
  // near v, and only those are compared as the definition says
  const lo = firstIndex(values, (x) => x >= v - 2 * EPS);
  const hi = firstIndex(values, (x) => x > v + 2 * EPS);
  let lessCount = lo;
  let equalCount = 0;
  for (let i = lo; i < hi; i++) {
    const x = values[i];
    if (x < v - EPS) lessCount++;
    if (Math.abs(x - v) <= EPS) equalCount++;
  }
  const greaterCount = values.length - lessCount - equalCount;
  const better = dir === "up" ? lessCount : greaterCount;
  const rank = better + (equalCount + 1) / 2;
  return (rank - 1) / (values.length - 1);
}

/** The first index whose value satisfies `pred` (false…false true…true), or the length. */
function firstIndex(values: ArrayLike<number>, pred: (x: number) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(values[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface BlockIndex {
  /** 0–100, null when coverage is not met. */
  value: number | null;
  coveredWeight: number;
  totalWeight: number;
  covered: boolean;
}

/** Σwᵢ in the block's order (the same sum whatever the school). */
const totalOf = (weights: readonly number[]) => weights.reduce((sum, w) => sum + w, 0);

/**
 * A block index of every school in one view, in columns (a BlockIndex object per school, view
 * and year was kept through a run before): `at` makes the object for a report.
 */
export class IndexColumns {
  /** NaN: null (coverage not met). */
  readonly value: Float64Array;
  readonly coveredWeight: Float64Array;
  readonly covered: Uint8Array;

  constructor(
    readonly schools: number,
    readonly totalWeight: number,
  ) {
    this.value = new Float64Array(schools).fill(NaN);
    this.coveredWeight = new Float64Array(schools);
    this.covered = new Uint8Array(schools);
  }

  isCovered(school: number): boolean {
    return this.covered[school] === 1;
  }

  /** The value; null when coverage is not met. */
  valueAt(school: number): number | null {
    const v = this.value[school];
    return Number.isNaN(v) ? null : v;
  }

  at(school: number): BlockIndex {
    return { value: this.valueAt(school), coveredWeight: this.coveredWeight[school], totalWeight: this.totalWeight, covered: this.isCovered(school) };
  }
}

/** I = 100·Σ(wᵢ·pᵢ)/Σwᵢ over the indicators with points (`points(k)`, k the position in the
 *  spec), written at `school`; `covered` decides if it counts. */
export function blockIndex(spec: Pick<IndexSpec, "weights" | "covered">, points: (k: number) => number | null, out: IndexColumns, school: number): void {
  let sum = 0;
  let coveredWeight = 0;
  let count = 0;
  for (let k = 0; k < spec.weights.length; k++) {
    const p = points(k);
    if (p === null) continue;
    const w = spec.weights[k];
    sum += w * p;
    coveredWeight += w;
    count++;
  }
  const ok = count > 0 && spec.covered(coveredWeight, out.totalWeight, count);
  out.value[school] = ok ? (100 * sum) / coveredWeight : NaN;
  out.coveredWeight[school] = coveredWeight;
  out.covered[school] = ok ? 1 : 0;
}
