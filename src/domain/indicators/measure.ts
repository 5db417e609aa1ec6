import type { Zone } from "./zones";

/** One indicator's value for one school in one view (pooled or single-year). */
export interface Measure {
  /** Percent, 1/0 for yes/no, null = «нет данных». */
  value: number | null;
  /** Denominator (participants, or Σ(lowered+confirmed+raised) for R6); 0 without data. */
  n: number;
  /** Counts in the index: has data and n ≥ min_n_scored (yes/no: has data). */
  scored: boolean;
  zone: Zone;
  /** Years whose rows contributed (for «1 год данных»). */
  years: number[];
}

export const NO_DATA: Measure = { value: null, n: 0, scored: false, zone: "none", years: [] };
