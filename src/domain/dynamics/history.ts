/**
 * Years with data and the status of every school per year (the multi-year view of
 * «Динамика»): each earlier year y is classified with its own y−1, by the engine itself.
 */
import type { Classification, Status } from "../classification/types";
import type { SchoolResult } from "../engine/calculate";
import type { InputData } from "../model/types";

/** At most this many years are classified for the multi-year view (each is a full run). */
export const MAX_HISTORY_YEARS = 10;

export interface YearStatus {
  status: Status;
  shnor: boolean;
  shnsu: boolean;
}

export interface StatusTimeline {
  /** Consecutive years ending with t (a year without any data stays as a gap). */
  years: number[];
  /** Per school, one entry per year as the engine classifies it; null in a year without
   *  any data in the workbook. Whether the school itself has data that year is in
   *  `YearHistory.present` (a school without rows of y can still be classified from y−1). */
  bySchool: Map<string, (YearStatus | null)[]>;
}

export interface YearHistory {
  /** Years with school data (results or passport rows), ascending, up to t. */
  years: number[];
  /** The years each school has data in. */
  present: Map<string, Set<number>>;
  /** Status per year when more than two years have data; null otherwise. */
  timeline: StatusTimeline | null;
}

export const EMPTY_HISTORY: YearHistory = { years: [], present: new Map(), timeline: null };

/** Which years have results or passport rows, overall and per school (years after t ignored). */
export function dataYears(data: InputData, t: number): Pick<YearHistory, "years" | "present"> {
  const present = new Map<string, Set<number>>();
  const all = new Set<number>();
  // a school's rows of a year mostly come together: a run of them is seen once (three
  // look-ups per row were ≈ 75 ms of a country run)
  let lastSchool: string | undefined;
  let lastYear = NaN;
  // two loops, not a spread of both lists (a copy of every row)
  const see = (school: string, year: number) => {
    if (year > t || (school === lastSchool && year === lastYear)) return;
    lastSchool = school;
    lastYear = year;
    all.add(year);
    const set = present.get(school);
    if (set) set.add(year);
    else present.set(school, new Set([year]));
  };
  const results = data.results;
  for (let i = 0; i < results.length; i++) see(results.school[i], results.year[i]);
  for (let i = 0; i < data.social.length; i++) see(data.social[i].school, data.social[i].year);
  return { years: [...all].sort((a, b) => a - b), present };
}

const yearStatus = (c: Classification): YearStatus => ({ status: c.status, shnor: c.lowResults, shnsu: c.adverseContext });

/** The years of the status timeline: consecutive, ending with t, at most MAX_HISTORY_YEARS;
 *  null with two years of data or fewer. */
export function timelineYears(years: readonly number[], t: number): number[] | null {
  if (years.length <= 2) return null;
  const span: number[] = [];
  for (let y = Math.max(years[0], t - MAX_HISTORY_YEARS + 1); y <= t; y++) span.push(y);
  return span;
}

/**
 * Years with data, presence and — with more than two years — the status timeline. `span`:
 * timelineYears; `earlier`: the classifications of its years before t (classifyEarlierYears).
 * A year without any data stays a gap.
 */
export function yearHistory(presence: Pick<YearHistory, "years" | "present">, span: readonly number[] | null, current: readonly SchoolResult[], earlier: ReadonlyMap<number, ReadonlyMap<string, Classification>>): YearHistory {
  const { years, present } = presence;
  if (current.length === 0 || !span) return { years, present, timeline: null };
  const t = span[span.length - 1];
  const bySchool = new Map<string, (YearStatus | null)[]>();
  for (const r of current) {
    const id = r.school.id;
    bySchool.set(
      id,
      span.map((y) => {
        const c = y === t ? r.classification : years.includes(y) ? earlier.get(y)?.get(id) : undefined;
        return c ? yearStatus(c) : null;
      }),
    );
  }
  return { years, present, timeline: { years: [...span], bySchool } };
}
