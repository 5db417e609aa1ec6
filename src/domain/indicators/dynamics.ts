import type { Settings } from "../settings/types";
import { R_DIRECTION } from "./catalog";
import type { MeasureColumns } from "./columns";
import type { Measure } from "./measure";
import { EPS } from "./zones";

export type Verdict = "negative" | "positive" | "stable";

export interface Change {
  delta: number;
  verdict: Verdict;
}

/** Indicators whose single-year change gets a verdict: R3a, R3b, R4 and its combos, R5. */
export function dynamicsIds(measures: Record<string, Measure>): string[] {
  return ["R3a", "R3b", "R4", ...Object.keys(measures).filter((id) => id.startsWith("R4.")), "R5"];
}

/** Δ = v(t) − v(t−1) in p.p. when both single-year values are scored (methodology.md §6);
 *  ±threshold decides, reversed for ↓ indicators. */
export function indicatorChanges(now: Record<string, Measure>, prev: Record<string, Measure>, settings: Settings): Record<string, Change> {
  const out: Record<string, Change> = {};
  // the ids of dynamicsIds(now), in its order, without building the list (runs per school and year)
  add(out, "R3a", now, prev, settings);
  add(out, "R3b", now, prev, settings);
  add(out, "R4", now, prev, settings);
  for (const id in now) if (id.startsWith("R4.")) add(out, id, now, prev, settings);
  add(out, "R5", now, prev, settings);
  return out;
}

function add(out: Record<string, Change>, id: string, now: Record<string, Measure>, prev: Record<string, Measure>, settings: Settings): void {
  const change = indicatorChange(id, now, prev, settings);
  if (change) out[id] = change;
}

/** The change of one indicator; null unless both single-year values are scored. */
export function indicatorChange(id: string, now: Record<string, Measure>, prev: Record<string, Measure>, settings: Settings): Change | null {
  const delta = changeDelta(id, now, prev);
  return delta === null ? null : { delta, verdict: verdictOf(id, delta, settings) };
}

/** Δ = v(t) − v(t−1) of one indicator; null unless both single-year values are scored. */
export function changeDelta(id: string, now: Record<string, Measure>, prev: Record<string, Measure>): number | null {
  const a = now[id];
  const b = prev[id];
  if (!a?.scored || !b?.scored || a.value === null || b.value === null) return null;
  return a.value - b.value;
}

/** changeDelta of one slot of two views in columns (a school's position `at`). */
export function columnDelta(now: MeasureColumns, prev: MeasureColumns, slot: number, at: number): number | null {
  if (now.zoneAt(slot, at) === 0 || prev.zoneAt(slot, at) === 0) return null;
  const a = now.valueAt(slot, at);
  const b = prev.valueAt(slot, at);
  return a === null || b === null ? null : a - b;
}

/** The verdict on a change Δ of indicator `id`: ±threshold decides, reversed for ↓ indicators. */
export function verdictOf(id: string, delta: number, settings: Settings): Verdict {
  const worse = R_DIRECTION[id.startsWith("R4.") ? "R4" : id] === "up" ? delta : -delta;
  return worse >= settings.dynamicsThreshold - EPS ? "negative" : worse <= -settings.dynamicsThreshold + EPS ? "positive" : "stable";
}
