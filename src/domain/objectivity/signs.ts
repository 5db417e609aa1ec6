import type { ResultTable } from "../model/result-table";
import type { School, ScoreDistribution } from "../model/types";
import { PROCEDURES } from "../parse/subject";
import type { Settings } from "../settings/types";
import { atLeast } from "../indicators/zones";
import { ru } from "../i18n/ru";
import { mean, median, sampleSd, thirdQuartile } from "./stats";

export type SignId = "O1" | "O2" | "O3" | "O4" | "O5" | "O6";

export interface Sign {
  year: number;
  sign: SignId;
  subject: string;
  grade: number;
  text: string;
}

const VPR = PROCEDURES.indexOf("ВПР");
const OGE = PROCEDURES.indexOf("ОГЭ");

const ELITE_TYPE = /гимнази|лице|углубл/i;

/** A group's values and their statistics, each computed once, on first use. */
class GroupStats {
  private cache: { mean?: number; sd?: number; median?: number; q3?: number } = {};
  constructor(readonly values: number[]) {}
  get mean(): number {
    return (this.cache.mean ??= mean(this.values));
  }
  get sd(): number {
    return (this.cache.sd ??= sampleSd(this.values));
  }
  get median(): number {
    return (this.cache.median ??= median(this.values));
  }
  get q3(): number {
    return (this.cache.q3 ??= thirdQuartile(this.values));
  }
}

/** A map keyed by (text, text, number, number) — no key strings built per lookup. */
class KeyMap<V> {
  private readonly root = new Map<string, Map<string, Map<number, Map<number, V>>>>();
  get(a: string, b: string, c: number, d: number): V | undefined {
    return this.root.get(a)?.get(b)?.get(c)?.get(d);
  }
  /** The value under the key, made by `make` when there is none. */
  upsert(a: string, b: string, c: number, d: number, make: () => V): V {
    let l1 = this.root.get(a);
    if (!l1) this.root.set(a, (l1 = new Map()));
    let l2 = l1.get(b);
    if (!l2) l1.set(b, (l2 = new Map()));
    let l3 = l2.get(c);
    if (!l3) l2.set(c, (l3 = new Map()));
    let v = l3.get(d);
    if (v === undefined) l3.set(d, (v = make()));
    return v;
  }
}

/**
 * Signs of non-objective results for every school and year present (methodology.md §4).
 * The ВПР rows with n ≥ min_n_scored are the cells; they are handled as row numbers of the
 * results table (a country has a million of them: no object per cell).
 */
export function findSigns(results: ResultTable, scores: ScoreDistribution[], schools: Map<string, School>, groupOf: (school: string) => string, settings: Settings): Map<string, Sign[]> {
  const out = new Map<string, Sign[]>();
  const add = (school: string, sign: Sign) => {
    const list = out.get(school);
    if (list) list.push(sign);
    else out.set(school, [sign]);
  };
  const { school: schoolOf, subject: subjectOf, grade: gradeOf, year: yearOf } = results;
  // The cells by school, in row order, with each row's quality and comparison group.
  const quality = new Float64Array(results.length).fill(NaN);
  const groupOfRow: string[] = new Array<string>(results.length);
  const bySchool = new Map<string, number[]>();
  // indexed loops: a for-of allocates per step until the function is optimised
  for (let i = 0; i < results.length; i++) {
    if (results.procedureCode[i] !== VPR || results.participants[i] < settings.minNScored) continue;
    let own = bySchool.get(schoolOf[i]);
    if (!own) bySchool.set(schoolOf[i], (own = []));
    groupOfRow[i] = own.length > 0 ? groupOfRow[own[0]] : groupOf(schoolOf[i]);
    quality[i] = qualityOf(results, i);
    own.push(i);
  }
  // Each group's qualities (group × subject × grade × year, in row order) and statistics,
  // computed once.
  const qualities = new KeyMap<number[]>();
  for (let i = 0; i < results.length; i++) {
    if (!Number.isNaN(quality[i])) qualities.upsert(groupOfRow[i], subjectOf[i], gradeOf[i], yearOf[i], () => []).push(quality[i]);
  }
  const stats = new KeyMap<GroupStats>();
  const groupOfCell = (group: string, subject: string, grade: number, year: number) => {
    const values = qualities.get(group, subject, grade, year);
    return values && stats.upsert(group, subject, grade, year, () => new GroupStats(values));
  };
  // (subject, grade, year) as one number, for a school's own cells
  const subjects = new Map<string, number>();
  const cellKey = (subject: string, grade: number, year: number) => {
    let id = subjects.get(subject);
    if (id === undefined) subjects.set(subject, (id = subjects.size));
    return (id * 32 + grade + 1) * 8192 + year;
  };
  // School by school, each school's cells in the order of the rows: a school's signs come
  // in the same order as when all cells are taken in row order. One map, emptied per school.
  const byCell = new Map<number, number>();
  bySchool.forEach((own, id) => {
    byCell.clear();
    for (const i of own) byCell.set(cellKey(subjectOf[i], gradeOf[i], yearOf[i]), i);
    const elite = ELITE_TYPE.test(schools.get(id)?.type ?? "");
    for (const i of own) {
      const where = { year: yearOf[i], subject: subjectOf[i], grade: gradeOf[i] };
      const q = quality[i];
      const group = groupOfCell(groupOfRow[i], where.subject, where.grade, where.year);
      journalSigns(results, i, q, group, settings, (sign, text) => add(id, signAt(where, sign, text)));
      if (!Number.isNaN(q) && group && group.values.length >= settings.o4MinGroup && !elite) {
        const m = group.mean;
        const sd = group.sd;
        if (atLeast(q, m + settings.o4SdFactor * sd)) add(id, signAt(where, "O4", ru.signs.o4(q, m, settings.o4SdFactor, sd, where)));
      }
      const earlier = byCell.get(cellKey(where.subject, where.grade - 1, where.year - 1));
      const before = earlier === undefined ? NaN : quality[earlier];
      if (!Number.isNaN(q) && !Number.isNaN(before) && atLeast(before - q, settings.o5GapMin)) {
        add(id, signAt(where, "O5", ru.signs.o5(before, q, where, settings)));
      }
    }
  });
  ogeSigns(quality, groupOfRow, results, groupOf, groupOfCell, settings, add);
  for (const dist of scores) {
    const text = boundaryPeak(dist, settings);
    if (text) add(dist.school, { year: dist.year, sign: "O3", subject: dist.subject, grade: dist.grade, text });
  }
  return out;
}

/** A sign as a plain literal: `{ ...where, sign, text }` would give every sign its own hidden class. */
function signAt(where: { year: number; subject: string; grade: number }, sign: SignId, text: string): Sign {
  return { year: where.year, subject: where.subject, grade: where.grade, sign, text };
}

/** ВПР quality: the share of «4» and «5»; NaN when not known. */
function qualityOf(results: ResultTable, i: number): number {
  const mark4 = results.counts.mark4[i];
  const mark5 = results.counts.mark5[i];
  const n = results.participants[i];
  return n === 0 ? NaN : (100 * (mark4 + mark5)) / n;
}

/** O1 (many «понизили») and O2 (many «повысили» with quality above the group median). */
function journalSigns(results: ResultTable, row: number, quality: number, group: GroupStats | undefined, settings: Settings, add: (sign: "O1" | "O2", text: string) => void): void {
  const lowered = results.counts.lowered[row];
  const confirmed = results.counts.confirmed[row];
  const raised = results.counts.raised[row];
  if (Number.isNaN(lowered) || Number.isNaN(confirmed) || Number.isNaN(raised)) return;
  const n = lowered + confirmed + raised;
  if (n === 0) return;
  const where = { year: results.year[row], subject: results.subject[row], grade: results.grade[row] };
  const low = (100 * lowered) / n;
  const up = (100 * raised) / n;
  if (atLeast(low, settings.o1LoweredMin)) add("O1", ru.signs.o1(low, settings.o1LoweredMin, where));
  if (atLeast(up, settings.o2RaisedMin) && !Number.isNaN(quality) && group && quality > group.median) add("O2", ru.signs.o2(up, settings.o2RaisedMin, quality, group.median, where));
}

/** O6: grade-8 ВПР quality in the group's top quartile while the ОГЭ «2» share is in the worst. */
function ogeSigns(
  quality: Float64Array,
  groupOfRow: string[],
  results: ResultTable,
  groupOf: (s: string) => string,
  qualities: (group: string, subject: string, grade: number, year: number) => GroupStats | undefined,
  settings: Settings,
  add: (school: string, sign: Sign) => void,
): void {
  type OgeRow = { school: string; group: string; share: number };
  const ogeGroups = new KeyMap<{ rows: OgeRow[]; own: Map<string, OgeRow>; shares?: GroupStats }>();
  const mark2 = results.counts.mark2;
  for (let i = 0; i < results.length; i++) {
    const n = results.participants[i];
    if (results.procedureCode[i] !== OGE || n < settings.minNScored || Number.isNaN(mark2[i])) continue;
    const school = results.school[i];
    const o: OgeRow = { school, group: groupOf(school), share: (100 * mark2[i]) / n };
    const g = ogeGroups.upsert(o.group, results.subject[i], 0, results.year[i], () => ({ rows: [], own: new Map() }));
    g.rows.push(o);
    // a school's own row: the first one of the group, as a search from the start finds it
    if (!g.own.has(school)) g.own.set(school, o);
  }
  // the grade-8 cells in row order
  for (let i = 0; i < results.length; i++) {
    const q = quality[i];
    if (results.grade[i] !== 8 || Number.isNaN(q) || groupOfRow[i] === undefined) continue;
    const school = results.school[i];
    const subject = results.subject[i];
    const year = results.year[i];
    const vprGroup = qualities(groupOfRow[i], subject, 8, year)!;
    const ogeGroup = ogeGroups.get(groupOfRow[i], subject, 0, year);
    const own = ogeGroup?.own.get(school);
    if (!ogeGroup || !own || vprGroup.values.length < settings.o6MinGroup || ogeGroup.rows.length < settings.o6MinGroup) continue;
    const q3v = vprGroup.q3;
    const q3o = (ogeGroup.shares ??= new GroupStats(ogeGroup.rows.map((o) => o.share))).q3;
    if (atLeast(q, q3v) && own.share > 0 && atLeast(own.share, q3o)) {
      add(school, { year, sign: "O6", subject, grade: 8, text: ru.signs.o6(q, q3v, own.share, q3o, { year, subject, grade: 8 }) });
    }
  }
}

/** O3: a peak at a mark boundary of the primary-score distribution. */
function boundaryPeak(dist: ScoreDistribution, settings: Settings): string | null {
  if ([...dist.counts.values()].some((c) => c === null)) return null;
  const counts = dist.counts as Map<number, number>;
  const n = [...counts.values()].reduce((s, c) => s + c, 0);
  if (n < settings.o3MinN || counts.size === 0) return null;
  const avg = n / counts.size;
  const bounds = [dist.boundaries.b3 ?? settings.boundary3, dist.boundaries.b4 ?? settings.boundary4, dist.boundaries.b5 ?? settings.boundary5];
  for (const b of bounds) {
    if (b === null) continue;
    const at = counts.get(b) ?? 0;
    const before = counts.get(b - 1) ?? 0;
    if ((at >= Math.max(2, 1.5 * avg) && at >= avg + 1) || (before === 0 && at >= 3)) return ru.signs.o3(b, at, avg, { year: dist.year, subject: dist.subject, grade: dist.grade });
  }
  return null;
}

/** «Has signs» in year y: ≥ 2 different signs in y, or the same sign in y and y−1. */
export function hasSigns(signs: Sign[], year: number): boolean {
  if (signs.length === 0) return false;
  const now = new Set(signs.filter((s) => s.year === year).map((s) => s.sign));
  if (now.size >= 2) return true;
  return signs.some((s) => s.year === year - 1 && now.has(s.sign));
}
