import type { ResultTable } from "../model/result-table";
import type { Settings, ZoneCutoffs } from "../settings/types";
import { PROCEDURES } from "../parse/subject";
import { comboId, R_DIRECTION } from "./catalog";
import { NO_DATA, NO_YEARS, yearList, yearOf, yearPair, type Measure } from "./measure";
import { RecordShape } from "./record";
import { zoneOf, type Direction } from "./zones";

/** The keys of block R for these settings, in its order (with the R4 combos or without). */
export const rBlockKeys = (settings: Settings, combos: boolean): readonly string[] => (combos ? scopeOf(settings).withCombos : scopeOf(settings).withoutCombos).keys;

/** Which years feed the R indicators: pooled (t, t−1) or one year; R5 and R6 always one year. */
export interface RView {
  /** At most 31 distinct years (a share marks the years it saw in the bits of an int). */
  pooledYears: number[];
  singleYear: number;
  /** false: without the R4 combos — a pooled view that is only classified (the rules read the
   *  combos of single years; pooled ones are shown for t only). */
  combos?: boolean;
}

/**
 * One pass over a school's rows: per year, Σ numerator, Σ participants and «some row had
 * participants» for every pooled share of block R, and the journal sums of R6. Every view
 * (pooled t and t−1, single years) is then a sum of a few years' tallies — the shares are
 * ratios of integer sums, so the order of summing does not change a value.
 */
export interface RTally {
  /** The slots of one settings' scope (R1, R2, R3a, R3b, R4, R5, then the combos). */
  scope: RScope;
  years: Map<number, YearTally>;
}

interface YearTally {
  x: number[];
  n: number[];
  /** A row with participants > 0 contributed (the year counts in `years`). */
  seen: boolean[];
  lowered: number;
  raised: number;
  journal: number;
  journalSeen: boolean;
}

/** Slot numbers of the pooled shares; combos follow from COMBO0. */
const R1 = 0;
const R2 = 1;
const R3A = 2;
const R3B = 3;
const R4 = 4;
const R5 = 5;
const COMBO0 = 6;

interface RScope {
  /** subject → grade → slot of the R4 combo (the configured ВПР scope). */
  combos: Map<string, Map<number, number>>;
  /** Combo ids in the order the block lists them, with their slot. */
  comboIds: { id: string; slot: number }[];
  slots: number;
  /** The keys of a block with the combos and without them. */
  withCombos: RecordShape;
  withoutCombos: RecordShape;
  /** The zone cut-offs and direction of each slot (a combo's are R4's), and of R6: looked up
   *  once per settings, not by the indicator's name per measure (the R views of a region
   *  took ≈ 9 → 7 ms, measured). */
  rules: ZoneRule[];
  r6: ZoneRule;
  minNScored: number;
}

interface ZoneRule {
  cut: ZoneCutoffs;
  dir: Direction;
}

const scopes = new WeakMap<Settings, RScope>();

function scopeOf(settings: Settings): RScope {
  let scope = scopes.get(settings);
  if (!scope) {
    const combos = new Map<string, Map<number, number>>();
    const comboIds: RScope["comboIds"] = [];
    const slotOf = new Map<string, number>();
    let next = COMBO0;
    for (const subject of settings.vprSubjects) {
      for (const grade of settings.vprGrades) {
        const id = comboId(subject, grade);
        let slot = slotOf.get(id);
        if (slot === undefined) {
          slot = next++;
          slotOf.set(id, slot);
          comboIds.push({ id, slot });
        }
        let bySubject = combos.get(subject);
        if (!bySubject) combos.set(subject, (bySubject = new Map()));
        bySubject.set(grade, slot);
      }
    }
    const ids = comboIds.map((c) => c.id);
    const shape = (combos: string[]) => new RecordShape(["R1", "R2", "R3a", "R3b", "R4", ...combos, "R5", "R6", "R6a", "R6b"]);
    const rule = (id: string): ZoneRule => ({ cut: settings.zones[id], dir: R_DIRECTION[id] });
    const rules = ["R1", "R2", "R3a", "R3b", "R4", "R5"].map(rule);
    for (const { slot } of comboIds) rules[slot] = rules[R4];
    scope = { combos, comboIds, slots: next, withCombos: shape(ids), withoutCombos: shape([]), rules, r6: rule("R6"), minNScored: settings.minNScored };
    scopes.set(settings, scope);
  }
  return scope;
}

function yearTally(tally: RTally, year: number): YearTally {
  let y = tally.years.get(year);
  if (!y) {
    const k = tally.scope.slots;
    y = { x: new Array<number>(k).fill(0), n: new Array<number>(k).fill(0), seen: new Array<boolean>(k).fill(false), lowered: 0, raised: 0, journal: 0, journalSeen: false };
    tally.years.set(year, y);
  }
  return y;
}

/** Adds a row's numerator x (NaN: not known, the row does not count) and participants. */
function add(y: YearTally, slot: number, x: number, participants: number): void {
  if (Number.isNaN(x)) return;
  y.x[slot] += x;
  y.n[slot] += participants;
  if (participants > 0) y.seen[slot] = true;
}

const EGE = PROCEDURES.indexOf("ЕГЭ");
const OGE = PROCEDURES.indexOf("ОГЭ");
const VPR = PROCEDURES.indexOf("ВПР");
const RDR = PROCEDURES.indexOf("РДР");

/** The per-year sums of block R over rows `rows` of `table` (null: every row). */
export function tallyR(table: ResultTable, rows: ArrayLike<number> | null, settings: Settings): RTally {
  const tally: RTally = { scope: scopeOf(settings), years: new Map() };
  const combos = tally.scope.combos;
  const { mark2, below_min: belowMin, high_81_100: high, lowered, confirmed, raised } = table.counts;
  // indexed loops in the hot paths: a for-of iterator allocates a result per step until
  // the function is optimised, and most of this code runs once per workbook
  const count = rows ? rows.length : table.length;
  for (let k = 0; k < count; k++) {
    const i = rows ? rows[k] : k;
    const y = yearTally(tally, table.year[i]);
    const n = table.participants[i];
    const subject = table.subject[i];
    switch (table.procedureCode[i]) {
      case EGE:
        if (subject === "rus") {
          add(y, R1, high[i], n);
          add(y, R3A, belowMin[i], n);
        } else if (subject === "math_prof") {
          add(y, R2, high[i], n);
          add(y, R3A, belowMin[i], n);
        } else if (subject === "math_base") {
          // R3a for base mathematics uses «2» when present, else below_min (Appendix A).
          add(y, R3A, Number.isNaN(mark2[i]) ? belowMin[i] : mark2[i], n);
        }
        break;
      case OGE:
        if (subject === "rus" || subject === "math") add(y, R3B, mark2[i], n);
        break;
      case VPR: {
        const slot = combos.get(subject)?.get(table.grade[i]);
        if (slot !== undefined) {
          add(y, R4, mark2[i], n);
          add(y, slot, mark2[i], n);
        }
        const l = lowered[i];
        const c = confirmed[i];
        const up = raised[i];
        if (!Number.isNaN(l) && !Number.isNaN(c) && !Number.isNaN(up)) {
          y.lowered += l;
          y.raised += up;
          y.journal += l + c + up;
          if (l + c + up > 0) y.journalSeen = true;
        }
        break;
      }
      case RDR:
        add(y, R5, mark2[i], n);
        break;
    }
  }
  return tally;
}

/**
 * The tallies and years one block pools (the first `count` entries), reused by every block:
 * rBlockOf runs to its end without being re-entered, and two fresh lists per school and view
 * (two more for R5) were ≈ 3 of the 82 MB a region run allocated.
 */
interface Pool {
  tallies: YearTally[];
  years: number[];
  count: number;
}

const pooledScratch: Pool = { tallies: [], years: [], count: 0 };
const singleScratch: Pool = { tallies: [], years: [], count: 1 };

function holds(pool: Pool, year: number): boolean {
  for (let i = 0; i < pool.count; i++) if (pool.years[i] === year) return true;
  return false;
}

/** Block R of one view from a tally (same values as filtering the rows of the view's years),
 *  under the settings the tally was made with (tallyR): its scope holds the zones and min_n_scored. */
export function rBlockOf(tally: RTally, view: RView): Record<string, Measure> {
  const pooled = pooledScratch;
  pooled.count = 0;
  for (const year of view.pooledYears) {
    const y = tally.years.get(year);
    if (y && !holds(pooled, year)) {
      if (pooled.count === 31) throw new RangeError("a view pools at most 31 years");
      pooled.tallies[pooled.count] = y;
      pooled.years[pooled.count++] = year;
    }
  }
  const single = tally.years.get(view.singleYear);
  // no row in any year of the view (a year before the school's data): one shared block
  if (pooled.count === 0 && !single) return emptyBlock(tally.scope);
  const withCombos = view.combos !== false;
  const out = (withCombos ? tally.scope.withCombos : tally.scope.withoutCombos).make<Measure>();
  const scope = tally.scope;
  out.R1 = share(scope, R1, pooled);
  out.R2 = share(scope, R2, pooled);
  out.R3a = share(scope, R3A, pooled);
  out.R3b = share(scope, R3B, pooled);
  out.R4 = share(scope, R4, pooled);
  const combos = scope.comboIds;
  if (withCombos) for (let i = 0; i < combos.length; i++) out[combos[i].id] = share(scope, combos[i].slot, pooled);
  if (single) {
    singleScratch.tallies[0] = single;
    singleScratch.years[0] = view.singleYear;
  }
  out.R5 = single ? share(scope, R5, singleScratch) : NO_DATA;
  journalDiscrepancy(out, single, view.singleYear, scope);
  return out;
}

/** Pooled share 100·Σx/Σn over the years' rows whose numerator is known (no silent zero). */
function share(scope: RScope, slot: number, pool: Pool): Measure {
  const from = pool.tallies;
  let x = 0;
  let n = 0;
  let seen = 0;
  for (let i = 0; i < pool.count; i++) {
    const y = from[i];
    x += y.x[slot];
    n += y.n[slot];
    if (y.seen[slot]) seen |= 1 << i;
  }
  if (n <= 0) return NO_DATA;
  return finish(scope.rules[slot], (100 * x) / n, n, seenYears(pool.years, seen), scope.minNScored);
}

/**
 * The years whose bit is set in `mask`, ascending, as a shared frozen list. A bit mask, not a
 * list per share: ≈ 15 shares per school and view each made an array (≈ 2.5 of 92 MB a
 * region run allocates).
 */
function seenYears(years: number[], mask: number): number[] {
  if (mask === 0) return NO_YEARS;
  const top = 31 - Math.clz32(mask);
  const rest = mask ^ (1 << top);
  if (rest === 0) return yearOf(years[top]);
  if ((rest & (rest - 1)) === 0) {
    const a = years[top];
    const b = years[31 - Math.clz32(rest)];
    return a < b ? yearPair(a, b) : yearPair(b, a);
  }
  const seen: number[] = [];
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) seen.push(years[i]);
  return yearList(seen.sort((a, b) => a - b));
}

const emptyBlocks = new WeakMap<RScope, Record<string, Measure>>();

/** Block R without any data, frozen and shared (every school's view of a year without rows). */
function emptyBlock(scope: RScope): Record<string, Measure> {
  let block = emptyBlocks.get(scope);
  if (!block) {
    // the keys of a full block, in its order (one definition: the scope's shape)
    const out = scope.withCombos.make<Measure>();
    for (const key of scope.withCombos.keys) out[key] = NO_DATA;
    emptyBlocks.set(scope, (block = Object.freeze(out)));
  }
  return block;
}

/** R6: R6a = lowered, R6b = raised, each over lowered+confirmed+raised; R6 = the worse.
 *  Written into the block (a record of three and Object.assign per school and view before). */
function journalDiscrepancy(out: Record<string, Measure>, y: YearTally | undefined, year: number, scope: RScope): void {
  if (!y || y.journal === 0) {
    out.R6 = NO_DATA;
    out.R6a = NO_DATA;
    out.R6b = NO_DATA;
    return;
  }
  const n = y.journal;
  const a = (100 * y.lowered) / n;
  const b = (100 * y.raised) / n;
  const ys = y.journalSeen ? yearOf(year) : NO_YEARS;
  out.R6 = finish(scope.r6, Math.max(a, b), n, ys, scope.minNScored);
  out.R6a = finish(scope.r6, a, n, ys, scope.minNScored);
  out.R6b = finish(scope.r6, b, n, ys, scope.minNScored);
}

function finish(rule: ZoneRule, value: number, n: number, years: number[], minNScored: number): Measure {
  const scored = n >= minNScored;
  return { value, n, scored, zone: scored ? zoneOf(value, rule.cut, rule.dir) : "none", years };
}
