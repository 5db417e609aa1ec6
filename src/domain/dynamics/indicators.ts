/**
 * Single-year indicator changes t−1 → t as «Динамика» shows them (methodology.md §6), with
 * a small-sample guard: when either year has fewer than `min_n_stable` participants the
 * shown verdict is «малая выборка» instead of a direction.
 *
 * The guard is for display only: the risk-zone rule «negative dynamics on R4 or R3b»
 * (classification) keeps the verdict of methodology.md §6 / Appendix A, which has no
 * such guard, so the classification stays the one the specification defines.
 */
import type { SchoolResult } from "../engine/calculate";
import { dynamicsIds, type Change, type Verdict } from "../indicators/dynamics";
import type { Measure } from "../indicators/measure";
import type { Settings } from "../settings/types";

export type ShownVerdict = Verdict | "small_sample";
export const SHOWN_VERDICTS: readonly ShownVerdict[] = ["negative", "positive", "stable", "small_sample"];

export interface IndicatorChange {
  id: string;
  /** Single-year value of t−1 and of t (null = «нет данных»). */
  prev: number | null;
  now: number | null;
  nPrev: number;
  nNow: number;
  /** Δ = v(t) − v(t−1) in p.p.; null unless both years are scored. */
  delta: number | null;
  /** The verdict of methodology.md §6 (used by the classification); null without Δ. */
  verdict: Verdict | null;
  /** What the report shows: the verdict, or «малая выборка». */
  shown: ShownVerdict | null;
}

/** The verdict to show for a computed change: «малая выборка» when n < min_n_stable in
 *  either year (any direction, «стабильно» included — a few pupils prove nothing). */
export function shownVerdict(change: Change | undefined, nNow: number, nPrev: number, settings: Settings): ShownVerdict | null {
  if (!change) return null;
  if (nNow < settings.minNStable || nPrev < settings.minNStable) return "small_sample";
  return change.verdict;
}

/** The ids that get a verdict, for a set of schools (combos as configured). */
export function changeIds(schools: readonly SchoolResult[]): string[] {
  return schools.length > 0 ? dynamicsIds(schools[0].singleT) : [];
}

/** Every dynamics indicator of one school, with or without data. */
export function indicatorChanges(r: SchoolResult, settings: Settings, ids: readonly string[] = dynamicsIds(r.singleT)): IndicatorChange[] {
  return ids.map((id) => {
    const now: Measure | undefined = r.singleT[id];
    const prev: Measure | undefined = r.singleT1[id];
    const change = r.dynamics[id];
    const nNow = now?.n ?? 0;
    const nPrev = prev?.n ?? 0;
    return {
      id,
      prev: prev?.value ?? null,
      now: now?.value ?? null,
      nPrev,
      nNow,
      delta: change?.delta ?? null,
      verdict: change?.verdict ?? null,
      shown: shownVerdict(change, nNow, nPrev, settings),
    };
  });
}

/** id → shown verdict for the ids with a computed change (JSON `extra.dynamics_shown`). */
export function shownVerdicts(r: SchoolResult, settings: Settings): Record<string, ShownVerdict> {
  const out: Record<string, ShownVerdict> = {};
  for (const c of indicatorChanges(r, settings)) if (c.shown) out[c.id] = c.shown;
  return out;
}
