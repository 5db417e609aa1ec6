import type { Settings } from "../settings/types";
import type { Measure } from "./measure";
import { EPS, ZONE_POINTS, type Direction } from "./zones";

/** Relative scoring needs at least this many scored schools in the group (methodology.md §1). */
const MIN_RELATIVE_GROUP = 5;

/** Points p ∈ [0, 1] of one school's indicator; null when it is not scored. `measure`: the
 *  school's measure of `id` when the caller has it at hand (saves the look-up). */
export type Pointer = (school: string, id: string, measure?: Measure) => number | null;

export interface ScoringInput {
  measures: Map<string, Record<string, Measure>>;
  groupOf: (school: string) => string;
  /** Indicators that are ranked in relative mode (yes/no ones are not). */
  ranked: Record<string, Direction>;
  settings: Settings;
}

/**
 * Absolute mode: zone points. Relative mode: p = (rank−1)/(N−1) within the comparison
 * group, rank 1 the best, ties at their average rank; absolute where N < 5.
 */
export function makePointer(input: ScoringInput): Pointer {
  const absolute: Pointer = (school, id, m = input.measures.get(school)?.[id]) => (m && m.scored ? zonePoints(m.zone) : null);
  if (input.settings.scoringMode === "absolute") return absolute;
  const sorted = groupValues(input);
  return (school, id, m = input.measures.get(school)?.[id]) => {
    const dir = input.ranked[id];
    const values = sorted.get(id)?.get(input.groupOf(school));
    if (!m || !m.scored || m.value === null || !dir || !values || values.length < MIN_RELATIVE_GROUP) return absolute(school, id, m);
    return percentile(values, m.value, dir);
  };
}

/** Scored values by indicator, then group, ascending. Keyed in two steps: a key string
 *  `group + id` was made per school × indicator here and again per look-up. */
function groupValues(input: ScoringInput): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  const ids = Object.keys(input.ranked);
  for (const id of ids) out.set(id, new Map());
  input.measures.forEach((measures, school) => {
    const group = input.groupOf(school);
    for (const id of ids) {
      const m = measures[id];
      if (!m || !m.scored || m.value === null) continue;
      const byGroup = out.get(id)!;
      const list = byGroup.get(group);
      if (list) list.push(m.value);
      else byGroup.set(group, [m.value]);
    }
  });
  for (const byGroup of out.values()) for (const list of byGroup.values()) list.sort((a, b) => a - b);
  return out;
}

/** ZONE_POINTS of a zone, null for "none" (a switch: this runs for every school × indicator). */
function zonePoints(zone: Measure["zone"]): number | null {
  switch (zone) {
    case "green":
      return ZONE_POINTS.green;
    case "yellow":
      return ZONE_POINTS.yellow;
    case "red":
      return ZONE_POINTS.red;
    default:
      return null;
  }
}

/** Average rank of `v` among ascending `values`, turned into p; best = lowest for ↑. */
export function percentile(values: number[], v: number, dir: Direction): number {
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
function firstIndex(values: number[], pred: (x: number) => boolean): number {
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

/** I = 100·Σ(wᵢ·pᵢ)/Σwᵢ over the indicators with points; `covered` decides if it counts. */
export function blockIndex(ids: readonly string[], weights: Record<string, number>, points: (id: string) => number | null, covered: (coveredWeight: number, totalWeight: number, count: number) => boolean): BlockIndex {
  let sum = 0;
  let coveredWeight = 0;
  let totalWeight = 0;
  let count = 0;
  for (const id of ids) {
    const w = weights[id] ?? 1;
    totalWeight += w;
    const p = points(id);
    if (p === null) continue;
    sum += w * p;
    coveredWeight += w;
    count++;
  }
  const ok = count > 0 && covered(coveredWeight, totalWeight, count);
  return { value: ok ? (100 * sum) / coveredWeight : null, coveredWeight, totalWeight, covered: ok };
}
