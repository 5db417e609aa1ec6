import { yesNoZone, type Zone } from "./zones";

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

/** Year lists are shared between measures (tens of thousands of them in a big workbook) and
 *  frozen, so that sharing is safe: `years` is read, never changed. */
export const NO_YEARS: number[] = Object.freeze([]) as unknown as number[];

const yearLists = new Map<number, number[]>();

/** The frozen list of two ascending years. */
export function yearPair(first: number, second: number): number[] {
  return yearLists.get(first * 100_000 + second) ?? cached(first * 100_000 + second, [first, second]);
}

/** The frozen list of one year (no argument list to allocate: it is asked per measure). */
export function yearOf(year: number): number[] {
  return yearLists.get(year) ?? cached(year, [year]);
}

function cached(key: number, years: readonly number[]): number[] {
  let list = yearLists.get(key);
  if (!list) {
    if (yearLists.size >= 10_000) yearLists.clear();
    yearLists.set(key, (list = Object.freeze([...years]) as unknown as number[]));
  }
  return list;
}

export const NO_DATA: Measure = { value: null, n: 0, scored: false, zone: "none", years: NO_YEARS };

/** The two yes/no measures, shared (measures are never changed). */
const YES: Measure = Object.freeze({ value: 1, n: 0, scored: true, zone: yesNoZone(true), years: NO_YEARS });
const NO: Measure = Object.freeze({ value: 0, n: 0, scored: true, zone: yesNoZone(false), years: NO_YEARS });

export function yesNoMeasure(value: boolean | null): Measure {
  return value === null ? NO_DATA : value ? YES : NO;
}
