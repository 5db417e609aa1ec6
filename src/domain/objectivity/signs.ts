import type { ResultRecord, School, ScoreDistribution } from "../model/types";
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

/** ВПР quality of one school × subject × grade × year (rows with n ≥ min_n_scored). */
interface Cell {
  school: string;
  group: string;
  record: ResultRecord;
  quality: number | null;
}

const ELITE_TYPE = /гимнази|лице|углубл/i;

/** Signs of non-objective results for every school and year present (methodology.md §4). */
export function findSigns(results: ResultRecord[], scores: ScoreDistribution[], schools: Map<string, School>, groupOf: (school: string) => string, settings: Settings): Map<string, Sign[]> {
  const out = new Map<string, Sign[]>();
  const add = (school: string, sign: Sign) => {
    const list = out.get(school);
    if (list) list.push(sign);
    else out.set(school, [sign]);
  };
  const cells = results
    .filter((r) => r.procedure === "ВПР" && r.participants >= settings.minNScored)
    .map((r): Cell => ({ school: r.school, group: groupOf(r.school), record: r, quality: quality(r) }));
  const groups = groupBy(cells.filter((c) => c.quality !== null), (c) => `${c.group}|${c.record.subject}|${c.record.grade}|${c.record.year}`);
  const qualities = new Map([...groups].map(([k, list]) => [k, list.map((c) => c.quality!)]));
  const keyOf = (c: Cell) => `${c.group}|${c.record.subject}|${c.record.grade}|${c.record.year}`;
  const byCell = new Map(cells.map((c) => [`${c.school}|${c.record.subject}|${c.record.grade}|${c.record.year}`, c]));
  for (const c of cells) {
    const r = c.record;
    const where = { year: r.year, subject: r.subject, grade: r.grade };
    journalSigns(c, qualities.get(keyOf(c)), settings, (sign, text) => add(c.school, { ...where, sign, text }));
    const group = qualities.get(keyOf(c));
    const school = schools.get(c.school);
    const elite = ELITE_TYPE.test(school?.type ?? "");
    if (c.quality !== null && group && group.length >= settings.o4MinGroup && !elite) {
      const m = mean(group);
      const sd = sampleSd(group);
      if (atLeast(c.quality, m + settings.o4SdFactor * sd)) add(c.school, { ...where, sign: "O4", text: ru.signs.o4(c.quality, m, settings.o4SdFactor, sd, where) });
    }
    const earlier = byCell.get(`${c.school}|${r.subject}|${r.grade - 1}|${r.year - 1}`);
    if (c.quality !== null && earlier?.quality != null && atLeast(earlier.quality - c.quality, settings.o5GapMin)) {
      add(c.school, { ...where, sign: "O5", text: ru.signs.o5(earlier.quality, c.quality, r, settings) });
    }
  }
  ogeSigns(cells, results, groupOf, qualities, settings, add);
  for (const dist of scores) {
    const text = boundaryPeak(dist, settings);
    if (text) add(dist.school, { year: dist.year, sign: "O3", subject: dist.subject, grade: dist.grade, text });
  }
  return out;
}

function quality(r: ResultRecord): number | null {
  const { mark4, mark5 } = r.counts;
  return mark4 === null || mark5 === null || r.participants === 0 ? null : (100 * (mark4 + mark5)) / r.participants;
}

/** O1 (many «понизили») and O2 (many «повысили» with quality above the group median). */
function journalSigns(c: Cell, group: number[] | undefined, settings: Settings, add: (sign: "O1" | "O2", text: string) => void): void {
  const { lowered, confirmed, raised } = c.record.counts;
  if (lowered === null || confirmed === null || raised === null) return;
  const n = lowered + confirmed + raised;
  if (n === 0) return;
  const where = { year: c.record.year, subject: c.record.subject, grade: c.record.grade };
  const low = (100 * lowered) / n;
  const up = (100 * raised) / n;
  if (atLeast(low, settings.o1LoweredMin)) add("O1", ru.signs.o1(low, settings.o1LoweredMin, where));
  if (atLeast(up, settings.o2RaisedMin) && c.quality !== null && group && c.quality > median(group)) add("O2", ru.signs.o2(up, settings.o2RaisedMin, c.quality, median(group), where));
}

/** O6: grade-8 ВПР quality in the group's top quartile while the ОГЭ «2» share is in the worst. */
function ogeSigns(cells: Cell[], results: ResultRecord[], groupOf: (s: string) => string, qualities: Map<string, number[]>, settings: Settings, add: (school: string, sign: Sign) => void): void {
  const oge = results
    .filter((r) => r.procedure === "ОГЭ" && r.participants >= settings.minNScored && r.counts.mark2 !== null)
    .map((r) => ({ r, group: groupOf(r.school), share: (100 * r.counts.mark2!) / r.participants }));
  const ogeGroups = groupBy(oge, (o) => `${o.group}|${o.r.subject}|${o.r.year}`);
  for (const c of cells) {
    const r = c.record;
    if (r.grade !== 8 || c.quality === null) continue;
    const vprGroup = qualities.get(`${c.group}|${r.subject}|8|${r.year}`)!;
    const ogeGroup = ogeGroups.get(`${c.group}|${r.subject}|${r.year}`);
    const own = ogeGroup?.find((o) => o.r.school === c.school);
    if (!ogeGroup || !own || vprGroup.length < settings.o6MinGroup || ogeGroup.length < settings.o6MinGroup) continue;
    const q3v = thirdQuartile(vprGroup);
    const q3o = thirdQuartile(ogeGroup.map((o) => o.share));
    if (atLeast(c.quality, q3v) && own.share > 0 && atLeast(own.share, q3o)) {
      add(c.school, { year: r.year, sign: "O6", subject: r.subject, grade: 8, text: ru.signs.o6(c.quality, q3v, own.share, q3o, { year: r.year, subject: r.subject, grade: 8 }) });
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

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** «Has signs» in year y: ≥ 2 different signs in y, or the same sign in y and y−1. */
export function hasSigns(signs: Sign[], year: number): boolean {
  const now = new Set(signs.filter((s) => s.year === year).map((s) => s.sign));
  if (now.size >= 2) return true;
  return signs.some((s) => s.year === year - 1 && now.has(s.sign));
}
