/**
 * Years with data and the status of every school per year (the multi-year view of
 * «Динамика»): each earlier year y is classified with its own y−1, by the engine itself.
 */
import type { Status } from "../classification/types";
import { calculateSchools, type SchoolResult } from "../engine/calculate";
import { MeasureStore } from "../engine/measures";
import type { InputData } from "../model/types";
import type { Settings } from "../settings/types";

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
  // two loops, not a spread of both lists (a copy of every row)
  const see = (row: { school: string; year: number }) => {
    if (row.year > t) return;
    all.add(row.year);
    const set = present.get(row.school);
    if (set) set.add(row.year);
    else present.set(row.school, new Set([row.year]));
  };
  for (let i = 0; i < data.results.length; i++) see(data.results[i]);
  for (let i = 0; i < data.social.length; i++) see(data.social[i]);
  return { years: [...all].sort((a, b) => a - b), present };
}

/**
 * Classifies year y (< t) for every school exactly as year t is classified, with the data
 * of y and y−1 and the current settings. Accreditation from the registry applies to the
 * report year only (Appendix A, C), so it is left out here; the passport's per-year value
 * still counts.
 */
export function classifyYear(data: InputData, y: number, settings: Settings, store = new MeasureStore(data, settings)): Map<string, YearStatus> {
  const schools = data.schools.map((s) => {
    const { accreditation_suspended: _registryOnly, ...yesNo } = s.yesNo;
    void _registryOnly;
    return { ...s, yesNo };
  });
  return new Map(calculateSchools({ ...data, schools }, y, settings, store).map((r) => [r.school.id, yearStatus(r)]));
}

const yearStatus = (r: SchoolResult): YearStatus => ({ status: r.classification.status, shnor: r.classification.lowResults, shnsu: r.classification.adverseContext });

/** Years with data, presence and — with more than two years — the status timeline. `store`:
 *  the measures the current year was computed with, shared by the earlier years. */
export function yearHistory(data: InputData, t: number, settings: Settings, current: readonly SchoolResult[], store = new MeasureStore(data, settings)): YearHistory {
  const { years, present } = dataYears(data, t);
  if (current.length === 0 || years.length <= 2) return { years, present, timeline: null };
  const first = Math.max(years[0], t - MAX_HISTORY_YEARS + 1);
  const span: number[] = [];
  for (let y = first; y <= t; y++) span.push(y);
  const byYear = new Map<number, Map<string, YearStatus>>();
  for (const y of span) {
    if (y === t) byYear.set(y, new Map(current.map((r) => [r.school.id, yearStatus(r)])));
    else if (years.includes(y)) byYear.set(y, classifyYear(data, y, settings, store));
  }
  const bySchool = new Map<string, (YearStatus | null)[]>();
  for (const r of current) {
    const id = r.school.id;
    bySchool.set(
      id,
      span.map((y) => byYear.get(y)?.get(id) ?? null),
    );
  }
  return { years, present, timeline: { years: span, bySchool } };
}
