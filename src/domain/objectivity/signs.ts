import { orderByKey } from "../model/key-order";
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
 *  Q3 from one sorted copy. Each in a field of its own, all made in the constructor: a cache
 *  object filled in the order they were asked for has one shape per order, and mean and SD,
 *  read per cell, were read through all of them (findSigns 13.4 → 12.5 ms a region run, A/B
 *  medians of CPU time). */
class GroupStats {
  private meanValue: number | undefined = undefined;
  private sdValue: number | undefined = undefined;
  private medianValue: number | undefined = undefined;
  private q3Value: number | undefined = undefined;
  private sortedValues: ArrayLike<number> | undefined = undefined;
  /** `place`: a copy of the values (with no NaN) to sort where it is, a view into one copy of
   *  all groups' values; without it the group sorts a copy of its own. */
  constructor(
    readonly values: ArrayLike<number>,
    private readonly place?: Float64Array,
  ) {}
  private get sorted(): ArrayLike<number> {
    return (this.sortedValues ??= this.place ? this.place.sort() : ascending(this.values));
  }
  get mean(): number {
    return (this.meanValue ??= mean(this.values));
  }
  get sd(): number {
    return (this.sdValue ??= sampleSd(this.values));
  }
  get median(): number {
    return (this.medianValue ??= medianOfSorted(this.sorted));
  }
  get q3(): number {
    return (this.q3Value ??= thirdQuartileOfSorted(this.sorted));
  }
}

/**
 * Groups numbered in the order they are first met, by (comparison group, subject, grade,
 * year); grade and year as one number, year · 512 + grade (a grade is below 256), so the
 * group a grade and a year earlier is the one 513 below. A cell's group takes two lookups,
 * its comparison group's being looked up once per run of a school's rows, where a map keyed
 * by (text, text, number, number) took four (findSigns 13.8 → 13.2 ms a region run, A/B
 * medians of CPU time).
 */
class GroupIndex {
  private readonly root = new Map<string, Map<string, Map<number, number>>>();
  /** How many groups there are (the next one's number). */
  count = 0;
  /** The groups of comparison group `a`: by subject, then by grade and year. */
  subjectsOf(a: string): Map<string, Map<number, number>> {
    let subjects = this.root.get(a);
    if (!subjects) this.root.set(a, (subjects = new Map()));
    return subjects;
  }
  /** The number of the group under (subject, grade, year) of a comparison group's `subjects`; a new one when there is none. */
  groupIn(subjects: Map<string, Map<number, number>>, subject: string, grade: number, year: number): number {
    let byTime = subjects.get(subject);
    if (!byTime) subjects.set(subject, (byTime = new Map()));
    const key = timeKey(grade, year);
    let g = byTime.get(key);
    if (g === undefined) byTime.set(key, (g = this.count++));
    return g;
  }
  /** The group's number, −1 when there is none. */
  find(a: string, subject: string, grade: number, year: number): number {
    return this.root.get(a)?.get(subject)?.get(timeKey(grade, year)) ?? -1;
  }
  /** Per group: the group of the same comparison group and subject a grade and a year earlier (−1: none). */
  earlier(): Int32Array {
    const out = new Int32Array(this.count);
    for (const subjects of this.root.values()) for (const byTime of subjects.values()) for (const [key, g] of byTime) out[g] = byTime.get(key - 513) ?? -1;
    return out;
  }
}

const timeKey = (grade: number, year: number) => year * 512 + grade;

/**
 * Signs of non-objective results for every school and year present (methodology.md §4).
 * The ВПР rows with n ≥ min_n_scored are the cells; they are handled as numbers (a country
 * has a million of them: no object per cell).
 */
export function findSigns(results: ResultTable, scores: ScoreDistribution[], schools: Map<string, School>, groupOf: (school: string) => string, settings: Settings): Map<string, Sign[]> {
  const out = new Map<string, Sign[]>();
  const add = (school: string, sign: Sign) => {
    const list = out.get(school);
    if (list) list.push(sign);
    else out.set(school, [sign]);
  };
  const cells = vprCells(results, groupOf, settings);
  const { quality, group: groupOfCell, earlierGroup, bySchool, schoolStart } = cells;
  // School by school, each school's cells in the order of the rows: a school's signs come
  // in the same order as when all cells are taken in row order. A school's cells are
  // (subject, grade, year) of its own comparison group, so its cell in a group is found by
  // the group's number: per group, the cell last put there and by which school (the s-th),
  // filled anew for each school with no clearing. (A map keyed by (subject, grade, year):
  // findSigns 16.5 → 14.1 ms a region run, A/B medians of 50.)
  const cellIn = new Int32Array(cells.groups.length);
  const schoolIn = new Int32Array(cells.groups.length).fill(-1);
  for (let s = 0; s < cells.schoolIds.length; s++) {
    const id = cells.schoolIds[s];
    const from = schoolStart[s];
    const to = schoolStart[s + 1];
    for (let j = from; j < to; j++) {
      cellIn[groupOfCell[bySchool[j]]] = bySchool[j];
      schoolIn[groupOfCell[bySchool[j]]] = s;
    }
    const elite = ELITE_TYPE.test(schools.get(id)?.type ?? "");
    for (let j = from; j < to; j++) {
      const k = bySchool[j];
      const q = quality[k];
      const group = cells.groups[groupOfCell[k]];
      journalSigns(results, cells, k, settings, id, add);
      if (!Number.isNaN(q) && group.values.length >= settings.o4MinGroup && !elite) {
        const m = group.mean;
        const sd = group.sd;
        if (atLeast(q, m + settings.o4SdFactor * sd)) {
          const where = cellOf(results, cells.row[k]);
          add(id, signAt(where, "O4", ru.signs.o4(q, m, settings.o4SdFactor, sd, where)));
        }
      }
      const earlier = earlierGroup[groupOfCell[k]];
      const before = earlier < 0 || schoolIn[earlier] !== s ? NaN : quality[cellIn[earlier]];
      if (!Number.isNaN(q) && !Number.isNaN(before) && atLeast(before - q, settings.o5GapMin)) {
        const where = cellOf(results, cells.row[k]);
        add(id, signAt(where, "O5", ru.signs.o5(before, q, where, settings)));
      }
    }
  }
  ogeSigns(cells, results, groupOf, settings, add);
  for (const dist of scores) {
    const text = boundaryPeak(dist, settings);
    if (text) add(dist.school, { year: dist.year, sign: "O3", subject: dist.subject, grade: dist.grade, text });
  }
  return out;
}

/** The ВПР cells, numbered in row order: their rows, qualities and comparison groups, and
 *  the same cells school by school. */
interface VprCells {
  /** Per cell: its results row. */
  row: Int32Array;
  /** Per cell: its quality (NaN: not known). */
  quality: Float64Array;
  /** Per cell: its group's index in `groups`. */
  group: Int32Array;
  /** Each group's known qualities (group × subject × grade × year, in row order) and statistics. */
  groups: GroupStats[];
  /** Per group: the row of its first cell (which names the group's comparison group, subject and year). */
  firstRow: number[];
  /** Per group: the group of the same subject a grade and a year earlier (−1: none). */
  earlierGroup: Int32Array;
  /** The schools in the order of their first cell. */
  schoolIds: string[];
  /** The cells school by school, each school's in row order: school s has those from
   *  schoolStart[s] up to schoolStart[s + 1]. */
  bySchool: Int32Array;
  schoolStart: Int32Array;
}

/**
 * Each cell's group is looked up once, here, and kept as a number: looked up by its four
 * keys again for O1–O5 and for O6, findSigns took 25 ms a region run, now 22 (A/B medians).
 * The cells are counted first and kept in arrays of their own length, not of the results'
 * (a region has 27,000 cells in 42,500 rows); the schools' cells and the groups' values are
 * placed by counting, not pushed onto a list per school and per group.
 */
function vprCells(results: ResultTable, groupOf: (school: string) => string, settings: Settings): VprCells {
  const count = countCells(results, settings);
  const row = new Int32Array(count);
  const quality = new Float64Array(count);
  const group = new Int32Array(count);
  const schoolOf = new Int32Array(count);
  const index = new GroupIndex();
  const schoolNumber = new Map<string, number>();
  const schoolIds: string[] = [];
  const firstRow: number[] = [];
  let school: string | undefined;
  let s = -1;
  let subjects = index.subjectsOf("");
  let k = 0;
  // indexed loops: a for-of allocates per step until the function is optimised
  for (let i = 0; i < results.length; i++) {
    if (!isCell(results, i, settings)) continue;
    // a school's rows usually come together: its number and group looked up once per run of them
    if (results.school[i] !== school) {
      school = results.school[i];
      let known = schoolNumber.get(school);
      if (known === undefined) schoolNumber.set(school, (known = schoolIds.push(school) - 1));
      s = known;
      subjects = index.subjectsOf(groupOf(school));
    }
    const g = index.groupIn(subjects, results.subject[i], results.grade[i], results.year[i]);
    if (g === firstRow.length) firstRow.push(i);
    row[k] = i;
    quality[k] = qualityOf(results, i);
    group[k] = g;
    schoolOf[k] = s;
    k++;
  }
  const earlierGroup = index.earlier();
  const { order: bySchool, start: schoolStart } = orderByKey(schoolOf, schoolIds.length);
  return { row, quality, group, groups: groupValues(quality, group, firstRow.length), firstRow, earlierGroup, schoolIds, bySchool, schoolStart };
}

function isCell(results: ResultTable, i: number, settings: Settings): boolean {
  return results.procedureCode[i] === VPR && results.participants[i] >= settings.minNScored;
}

function countCells(results: ResultTable, settings: Settings): number {
  let n = 0;
  for (let i = 0; i < results.length; i++) if (isCell(results, i, settings)) n++;
  return n;
}

/** Each group's known qualities in cell order, as views into one array; each group sorts its
 *  part of one copy of that array. (A sorted copy per group: a typed array of its own each,
 *  made off the heap: findSigns 13.7 → 13.4 ms a region run, A/B medians of CPU time.) */
function groupValues(quality: Float64Array, group: Int32Array, groupCount: number): GroupStats[] {
  const start = new Int32Array(groupCount + 1);
  for (let k = 0; k < quality.length; k++) if (!Number.isNaN(quality[k])) start[group[k] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const next = start.slice(0, groupCount);
  const values = new Float64Array(start[groupCount]);
  for (let k = 0; k < quality.length; k++) if (!Number.isNaN(quality[k])) values[next[group[k]]++] = quality[k];
  const copy = values.slice();
  const out: GroupStats[] = [];
  for (let g = 0; g < groupCount; g++) out.push(new GroupStats(values.subarray(start[g], start[g + 1]), copy.subarray(start[g], start[g + 1])));
  return out;
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

/** O1 (many «понизили») and O2 (many «повысили» with quality above the group median) of cell k. */
function journalSigns(results: ResultTable, cells: VprCells, k: number, settings: Settings, school: string, add: (school: string, sign: Sign) => void): void {
  const row = cells.row[k];
  const lowered = results.counts.lowered[row];
  const confirmed = results.counts.confirmed[row];
  const raised = results.counts.raised[row];
  if (Number.isNaN(lowered) || Number.isNaN(confirmed) || Number.isNaN(raised)) return;
  const n = lowered + confirmed + raised;
  if (n === 0) return;
  const low = (100 * lowered) / n;
  const up = (100 * raised) / n;
  const quality = cells.quality[k];
  const group = cells.groups[cells.group[k]];
  const o1 = atLeast(low, settings.o1LoweredMin);
  const o2 = atLeast(up, settings.o2RaisedMin) && !Number.isNaN(quality) && quality > group.median;
  if (!o1 && !o2) return;
  const where = cellOf(results, row);
  if (o1) add(school, signAt(where, "O1", ru.signs.o1(low, settings.o1LoweredMin, where)));
  if (o2) add(school, signAt(where, "O2", ru.signs.o2(up, settings.o2RaisedMin, quality, group.median, where)));
}

/** The ОГЭ groups (comparison group × subject × year): each one's «2» shares in row order,
 *  and each school's first share in it. */
interface OgeGroups {
  index: GroupIndex;
  shares: number[][];
  own: Map<string, number>[];
  stats: (GroupStats | undefined)[];
}

function ogeGroups(results: ResultTable, groupOf: (s: string) => string, settings: Settings): OgeGroups {
  const out: OgeGroups = { index: new GroupIndex(), shares: [], own: [], stats: [] };
  const mark2 = results.counts.mark2;
  const groupOfSchool = lastOne(groupOf);
  for (let i = 0; i < results.length; i++) {
    const n = results.participants[i];
    if (results.procedureCode[i] !== OGE || n < settings.minNScored || Number.isNaN(mark2[i])) continue;
    const school = results.school[i];
    const share = (100 * mark2[i]) / n;
    const g = out.index.groupIn(out.index.subjectsOf(groupOfSchool(school)), results.subject[i], 0, results.year[i]);
    if (g === out.shares.length) {
      out.shares.push([]);
      out.own.push(new Map());
      out.stats.push(undefined);
    }
    out.shares[g].push(share);
    // a school's own row: the first one of the group, as a search from the start finds it
    if (!out.own[g].has(school)) out.own[g].set(school, share);
  }
  return out;
}

/** O6: grade-8 ВПР quality in the group's top quartile while the ОГЭ «2» share is in the worst.
 *  A grade-8 group's ОГЭ group is looked up once per group, by its first row, not per cell. */
function ogeSigns(cells: VprCells, results: ResultTable, groupOf: (s: string) => string, settings: Settings, add: (school: string, sign: Sign) => void): void {
  const oge = ogeGroups(results, groupOf, settings);
  const NOT_YET = -2;
  const ogeOf = new Int32Array(cells.groups.length).fill(NOT_YET);
  // the grade-8 cells in row order
  for (let k = 0; k < cells.row.length; k++) {
    const i = cells.row[k];
    const q = cells.quality[k];
    if (results.grade[i] !== 8 || Number.isNaN(q)) continue;
    const g = cells.group[k];
    if (ogeOf[g] === NOT_YET) ogeOf[g] = ogeGroupOf(results, cells.firstRow[g], oge, groupOf);
    const og = ogeOf[g];
    if (og < 0) continue;
    const school = results.school[i];
    const own = oge.own[og].get(school);
    const vprGroup = cells.groups[g];
    if (own === undefined || vprGroup.values.length < settings.o6MinGroup || oge.shares[og].length < settings.o6MinGroup) continue;
    const q3v = vprGroup.q3;
    const q3o = (oge.stats[og] ??= new GroupStats(oge.shares[og])).q3;
    if (atLeast(q, q3v) && own > 0 && atLeast(own, q3o)) {
      const subject = results.subject[i];
      const year = results.year[i];
      add(school, { year, sign: "O6", subject, grade: 8, text: ru.signs.o6(q, q3v, own, q3o, { year, subject, grade: 8 }) });
    }
  }
}

/** The ОГЭ group of the ВПР group whose first row is `row` (same comparison group, subject and year); −1: none. */
function ogeGroupOf(results: ResultTable, row: number, oge: OgeGroups, groupOf: (s: string) => string): number {
  return oge.index.find(groupOf(results.school[row]), results.subject[row], 0, results.year[row]);
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
