import type { ResultTable } from "../model/result-table";
import type { School, ScoreDistribution } from "../model/types";
import { PROCEDURES } from "../parse/subject";
import type { Settings } from "../settings/types";
import { atLeast } from "../indicators/zones";
import { ru } from "../i18n/ru";
import { ascending, mean, medianOfSorted, sampleSd, thirdQuartileOfSorted } from "./stats";

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

/** A group's values and their statistics, each computed once, on first use; the median and
 *  Q3 from one sorted copy. */
class GroupStats {
  private cache: { mean?: number; sd?: number; median?: number; q3?: number; sorted?: ArrayLike<number> } = {};
  constructor(readonly values: number[]) {}
  private get sorted(): ArrayLike<number> {
    return (this.cache.sorted ??= ascending(this.values));
  }
  get mean(): number {
    return (this.cache.mean ??= mean(this.values));
  }
  get sd(): number {
    return (this.cache.sd ??= sampleSd(this.values));
  }
  get median(): number {
    return (this.cache.median ??= medianOfSorted(this.sorted));
  }
  get q3(): number {
    return (this.cache.q3 ??= thirdQuartileOfSorted(this.sorted));
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
  /** Each value with the one under (a, b, c − 1, d − 1), undefined when there is none. */
  forEachWithPrevious(f: (v: V, previous: V | undefined) => void): void {
    for (const l1 of this.root.values()) for (const l2 of l1.values()) for (const [c, l3] of l2) for (const [d, v] of l3) f(v, l2.get(c - 1)?.get(d - 1));
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
  const cells = vprCells(results, groupOf, settings);
  const { quality, group: groupOfCell, earlierGroup } = cells;
  // School by school, each school's cells in the order of the rows: a school's signs come
  // in the same order as when all cells are taken in row order. A school's cells are
  // (subject, grade, year) of its own comparison group, so its cell in a group is found by
  // the group's number: per group, the row last put there and by which school (the n-th),
  // filled anew for each school with no clearing. (A map keyed by (subject, grade, year):
  // findSigns 16.5 → 14.1 ms a region run, A/B medians of 50.)
  const rowIn = new Int32Array(cells.groups.length);
  const schoolIn = new Int32Array(cells.groups.length).fill(-1);
  let n = 0;
  cells.bySchool.forEach((own, id) => {
    for (const i of own) {
      rowIn[groupOfCell[i]] = i;
      schoolIn[groupOfCell[i]] = n;
    }
    const elite = ELITE_TYPE.test(schools.get(id)?.type ?? "");
    for (const i of own) {
      const q = quality[i];
      const group = cells.groups[cells.group[i]];
      journalSigns(results, i, q, group, settings, id, add);
      if (!Number.isNaN(q) && group.values.length >= settings.o4MinGroup && !elite) {
        const m = group.mean;
        const sd = group.sd;
        if (atLeast(q, m + settings.o4SdFactor * sd)) {
          const where = cellOf(results, i);
          add(id, signAt(where, "O4", ru.signs.o4(q, m, settings.o4SdFactor, sd, where)));
        }
      }
      const earlier = earlierGroup[groupOfCell[i]];
      const before = earlier < 0 || schoolIn[earlier] !== n ? NaN : quality[rowIn[earlier]];
      if (!Number.isNaN(q) && !Number.isNaN(before) && atLeast(before - q, settings.o5GapMin)) {
        const where = cellOf(results, i);
        add(id, signAt(where, "O5", ru.signs.o5(before, q, where, settings)));
      }
    }
    n++;
  });
  ogeSigns(cells, results, groupOf, settings, add);
  for (const dist of scores) {
    const text = boundaryPeak(dist, settings);
    if (text) add(dist.school, { year: dist.year, sign: "O3", subject: dist.subject, grade: dist.grade, text });
  }
  return out;
}

/** The ВПР cells: their qualities and comparison groups, by school. */
interface VprCells {
  /** Per results row: its quality (NaN: not a cell, or not known). */
  quality: Float64Array;
  /** Per results row: its group's index in `groups` (−1: not a cell). */
  group: Int32Array;
  /** Each group's qualities (group × subject × grade × year, in row order) and statistics. */
  groups: GroupStats[];
  /** Per group: the group of the same subject a grade and a year earlier (−1: none). */
  earlierGroup: Int32Array;
  /** Each school's cells in row order; schools in the order of their first cell. */
  bySchool: Map<string, number[]>;
}

/**
 * Each cell's group is looked up once, here, and kept as a number: looked up by its four
 * keys again for O1–O5 and for O6, findSigns took 25 ms a region run, now 22 (A/B medians).
 */
function vprCells(results: ResultTable, groupOf: (school: string) => string, settings: Settings): VprCells {
  const quality = new Float64Array(results.length).fill(NaN);
  const group = new Int32Array(results.length).fill(-1);
  const index = new KeyMap<number>();
  const values: number[][] = [];
  const bySchool = new Map<string, number[]>();
  let school: string | undefined;
  let own: number[] = [];
  let schoolGroup = "";
  const newGroup = () => values.push([]) - 1;
  // indexed loops: a for-of allocates per step until the function is optimised
  for (let i = 0; i < results.length; i++) {
    if (results.procedureCode[i] !== VPR || results.participants[i] < settings.minNScored) continue;
    // a school's rows usually come together: its list and group looked up once per run of them
    if (results.school[i] !== school) {
      school = results.school[i];
      let known = bySchool.get(school);
      if (!known) bySchool.set(school, (known = []));
      own = known;
      schoolGroup = groupOf(school);
    }
    own.push(i);
    const g = index.upsert(schoolGroup, results.subject[i], results.grade[i], results.year[i], newGroup);
    group[i] = g;
    quality[i] = qualityOf(results, i);
    if (!Number.isNaN(quality[i])) values[g].push(quality[i]);
  }
  const earlierGroup = new Int32Array(values.length);
  index.forEachWithPrevious((g, previous) => (earlierGroup[g] = previous ?? -1));
  return { quality, group, groups: values.map((v) => new GroupStats(v)), earlierGroup, bySchool };
}

type Cell = { year: number; subject: string; grade: number };

/** Row i's cell, made only for a sign found (its text names the cell). No closures in the
 *  loops over cells: a closure over a cell's numbers put them in an object made per cell
 *  (signs allocated 17.5 MB a region run, 9.7 without; 21 → 15 ms, A/B medians). */
function cellOf(results: ResultTable, i: number): Cell {
  return { year: results.year[i], subject: results.subject[i], grade: results.grade[i] };
}

/** A sign as a plain literal: `{ ...where, sign, text }` would give every sign its own hidden class. */
function signAt(where: Cell, sign: SignId, text: string): Sign {
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
function journalSigns(results: ResultTable, row: number, quality: number, group: GroupStats, settings: Settings, school: string, add: (school: string, sign: Sign) => void): void {
  const lowered = results.counts.lowered[row];
  const confirmed = results.counts.confirmed[row];
  const raised = results.counts.raised[row];
  if (Number.isNaN(lowered) || Number.isNaN(confirmed) || Number.isNaN(raised)) return;
  const n = lowered + confirmed + raised;
  if (n === 0) return;
  const low = (100 * lowered) / n;
  const up = (100 * raised) / n;
  const o1 = atLeast(low, settings.o1LoweredMin);
  const o2 = atLeast(up, settings.o2RaisedMin) && !Number.isNaN(quality) && quality > group.median;
  if (!o1 && !o2) return;
  const where = cellOf(results, row);
  if (o1) add(school, signAt(where, "O1", ru.signs.o1(low, settings.o1LoweredMin, where)));
  if (o2) add(school, signAt(where, "O2", ru.signs.o2(up, settings.o2RaisedMin, quality, group.median, where)));
}

/** O6: grade-8 ВПР quality in the group's top quartile while the ОГЭ «2» share is in the worst. */
function ogeSigns(cells: VprCells, results: ResultTable, groupOf: (s: string) => string, settings: Settings, add: (school: string, sign: Sign) => void): void {
  // each group's «2» shares in row order, and each school's first share in the group
  const ogeGroups = new KeyMap<{ shares: number[]; own: Map<string, number>; stats?: GroupStats }>();
  const mark2 = results.counts.mark2;
  const groupOfSchool = lastOne(groupOf);
  const newGroup = () => ({ shares: [], own: new Map() });
  for (let i = 0; i < results.length; i++) {
    const n = results.participants[i];
    if (results.procedureCode[i] !== OGE || n < settings.minNScored || Number.isNaN(mark2[i])) continue;
    const school = results.school[i];
    const share = (100 * mark2[i]) / n;
    const g = ogeGroups.upsert(groupOfSchool(school), results.subject[i], 0, results.year[i], newGroup);
    g.shares.push(share);
    // a school's own row: the first one of the group, as a search from the start finds it
    if (!g.own.has(school)) g.own.set(school, share);
  }
  // the grade-8 cells in row order
  for (let i = 0; i < results.length; i++) {
    const q = cells.quality[i];
    if (results.grade[i] !== 8 || Number.isNaN(q)) continue;
    const school = results.school[i];
    const subject = results.subject[i];
    const year = results.year[i];
    const vprGroup = cells.groups[cells.group[i]];
    const ogeGroup = ogeGroups.get(groupOfSchool(school), subject, 0, year);
    const own = ogeGroup?.own.get(school);
    if (!ogeGroup || own === undefined || vprGroup.values.length < settings.o6MinGroup || ogeGroup.shares.length < settings.o6MinGroup) continue;
    const q3v = vprGroup.q3;
    const q3o = (ogeGroup.stats ??= new GroupStats(ogeGroup.shares)).q3;
    if (atLeast(q, q3v) && own > 0 && atLeast(own, q3o)) {
      add(school, { year, sign: "O6", subject, grade: 8, text: ru.signs.o6(q, q3v, own, q3o, { year, subject, grade: 8 }) });
    }
  }
}

/** `f` remembering its last answer: the rows of a school usually come together. */
function lastOne<T>(f: (key: string) => T): (key: string) => T {
  let lastKey: string | undefined;
  let last: T;
  return (key) => {
    if (key !== lastKey) {
      last = f(key);
      lastKey = key;
    }
    return last;
  };
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
  // the signs of a year as bits of one number: no arrays and Set per school and year
  let now = 0;
  let before = 0;
  for (const s of signs) {
    if (s.year === year) now |= SIGN_BIT[s.sign];
    else if (s.year === year - 1) before |= SIGN_BIT[s.sign];
  }
  return (now & (now - 1)) !== 0 || (now & before) !== 0;
}

const SIGN_BIT: Record<SignId, number> = { O1: 1, O2: 2, O3: 4, O4: 8, O5: 16, O6: 32 };
