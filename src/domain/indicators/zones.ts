import type { ZoneCutoffs } from "../settings/types";

export type Zone = "green" | "yellow" | "red" | "none";
/** ↑: higher is worse; ↓: higher is better. */
export type Direction = "up" | "down";

/** Floating-point noise never decides a comparison (Appendix A). */
export const EPS = 1e-9;

export const atLeast = (v: number, c: number) => v >= c - EPS;
export const below = (v: number, c: number) => v < c - EPS;
export const atMost = (v: number, c: number) => v <= c + EPS;

/** Zone of a value: inclusive on the bad side (`≥` for ↑, `<` for ↓). */
export function zoneOf(value: number, cut: ZoneCutoffs, dir: Direction): Zone {
  const bad = dir === "up" ? atLeast : below;
  if (bad(value, cut.red)) return "red";
  if (cut.yellow !== null && bad(value, cut.yellow)) return "yellow";
  return "green";
}

export const ZONE_POINTS: Record<Exclude<Zone, "none">, number> = { green: 0, yellow: 0.5, red: 1 };

/** Yes/no indicators: да = red, нет = green. */
export const yesNoZone = (v: boolean): Zone => (v ? "red" : "green");
