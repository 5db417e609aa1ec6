import type { ResultTable } from "../model/result-table";
import type { Settings, ZoneCutoffs } from "../settings/types";
import { PROCEDURES } from "../parse/subject";
import { comboId, R_DIRECTION } from "./catalog";
import { ColumnLayout, MeasureColumns } from "./columns";
import type { Measure } from "./measure";
import { zoneOf, type Direction } from "./zones";

/** The keys of block R for these settings, in its order (with the R4 combos or without). */
export const rBlockKeys = (settings: Settings, combos: boolean): readonly string[] => layoutOf(scopeOf(settings), combos).keys;

/** Which years feed the R indicators: pooled (t, t−1) or one year; R5 and R6 always one year. */
export interface RView {
  /** At most 31 distinct years (a share marks the years it saw in the bits of an int). */
  pooledYears: readonly number[];
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

/** Slot numbers of block R in a tally and in the view's columns; the combos follow from
 *  COMBO0 (R6, R6a, R6b have no tally slot: they come from the journal sums). */
export const R_SLOT = { R1: 0, R2: 1, R3a: 2, R3b: 3, R4: 4, R5: 5, R6: 6, R6a: 7, R6b: 8 } as const;
const { R1, R2, R3a: R3A, R3b: R3B, R4, R5, R6, R6a: R6A, R6b: R6B } = R_SLOT;
const COMBO0 = 9;

interface RScope {
  /** subject → grade → slot of the R4 combo (the configured ВПР scope). */
  combos: Map<string, Map<number, number>>;
  /** Combo ids in the order the block lists them, with their slot. */
  comboIds: { id: string; slot: number }[];
  slots: number;
  /** The keys and slots of a block with the combos and without them. */
  withCombos: ColumnLayout;
  withoutCombos: ColumnLayout;
  /** The zone cut-offs and direction of each slot (a combo's are R4's, R6a's and R6b's are
   *  R6's): looked up once per settings, not by the indicator's name per measure (the R views
   *  of a region took ≈ 9 → 7 ms, measured). */
  rules: ZoneRule[];
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
    const layout = (combos: RScope["comboIds"]) =>
      new ColumnLayout(["R1", "R2", "R3a", "R3b", "R4", ...combos.map((c) => c.id), "R5", "R6", "R6a", "R6b"], [R1, R2, R3A, R3B, R4, ...combos.map((c) => c.slot), R5, R6, R6A, R6B], combos.length > 0 ? next : COMBO0);
    const rule = (id: string): ZoneRule => ({ cut: settings.zones[id], dir: R_DIRECTION[id] });
    const rules = ["R1", "R2", "R3a", "R3b", "R4", "R5"].map(rule);
    rules[R6] = rules[R6A] = rules[R6B] = rule("R6");
    for (const { slot } of comboIds) rules[slot] = rules[R4];
    scope = { combos, comboIds, slots: next, withCombos: layout(comboIds), withoutCombos: layout([]), rules, minNScored: settings.minNScored };
    scopes.set(settings, scope);
  }
  return scope;
}

const layoutOf = (scope: RScope, combos: boolean) => (combos ? scope.withCombos : scope.withoutCombos);

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
 * Block R of one view for every school, from the schools' tallies (same values as filtering
 * the rows of the view's years), under the settings the tallies were made with (tallyR): the
 * scope holds the zones and min_n_scored. A school without rows in the view's years keeps
 * «нет данных» everywhere.
 */
export function rViewColumns(tallies: readonly RTally[], settings: Settings, view: RView): MeasureColumns {
  return viewColumns(scopeOf(settings), tallies, view);
}

/** Block R of one school and view as a record (the view of a single tally). */
export function rBlockOf(tally: RTally, view: RView): Record<string, Measure> {
  return viewColumns(tally.scope, [tally], view).record(0);
}

function viewColumns(scope: RScope, tallies: readonly RTally[], view: RView): MeasureColumns {
  const plan = viewPlan(view);
  const out = new MeasureColumns(layoutOf(scope, view.combos !== false), tallies.length, plan.years);
  const combos = view.combos !== false ? scope.comboIds : [];
  for (let school = 0; school < tallies.length; school++) {
    const pool = poolOf(tallies[school], plan);
    if (pool.count > 0) {
      for (let slot = R1; slot <= R4; slot++) share(out, school, scope, slot, pool);
      for (let i = 0; i < combos.length; i++) share(out, school, scope, combos[i].slot, pool);
    }
    const single = tallies[school].years.get(view.singleYear);
    if (single) {
      share(out, school, scope, R5, singlePool(single, plan.singleBit));
      journalDiscrepancy(out, school, single, 1 << plan.singleBit, scope);
    }
  }
  return out;
}

/** A view's years, each once (the pooled ones in the view's order, then the single year), and
 *  the bit of the single year among them. */
interface ViewPlan {
  years: number[];
  /** How many of `years` are pooled (the first ones). */
  pooled: number;
  singleBit: number;
}

function viewPlan(view: RView): ViewPlan {
  const years: number[] = [];
  for (const year of view.pooledYears) if (!years.includes(year)) years.push(year);
  if (years.length > 31) throw new RangeError("a view pools at most 31 years");
  const pooled = years.length;
  let singleBit = years.indexOf(view.singleYear);
  if (singleBit < 0) singleBit = years.push(view.singleYear) - 1;
  return { years, pooled, singleBit };
}

/**
 * The year tallies one share sums, with the bit of each year, reused by every school: two
 * fresh lists per school and view were ≈ 3 of the 82 MB a region run allocated.
 */
interface Pool {
  tallies: YearTally[];
  bits: number[];
  count: number;
}

const pooledScratch: Pool = { tallies: [], bits: [], count: 0 };
const singleScratch: Pool = { tallies: [], bits: [], count: 1 };

function poolOf(tally: RTally, plan: ViewPlan): Pool {
  const pool = pooledScratch;
  pool.count = 0;
  for (let bit = 0; bit < plan.pooled; bit++) {
    const y = tally.years.get(plan.years[bit]);
    if (y) {
      pool.tallies[pool.count] = y;
      pool.bits[pool.count++] = bit;
    }
  }
  return pool;
}

function singlePool(y: YearTally, bit: number): Pool {
  singleScratch.tallies[0] = y;
  singleScratch.bits[0] = bit;
  return singleScratch;
}

/** Pooled share 100·Σx/Σn over the years' rows whose numerator is known (no silent zero). */
function share(out: MeasureColumns, school: number, scope: RScope, slot: number, pool: Pool): void {
  let x = 0;
  let n = 0;
  let seen = 0;
  for (let i = 0; i < pool.count; i++) {
    const y = pool.tallies[i];
    x += y.x[slot];
    n += y.n[slot];
    if (y.seen[slot]) seen |= 1 << pool.bits[i];
  }
  if (n > 0) finish(out, school, slot, scope.rules[slot], (100 * x) / n, n, seen, scope.minNScored);
}

/** R6: R6a = lowered, R6b = raised, each over lowered+confirmed+raised; R6 = the worse. */
function journalDiscrepancy(out: MeasureColumns, school: number, y: YearTally, yearBit: number, scope: RScope): void {
  if (y.journal === 0) return;
  const n = y.journal;
  const a = (100 * y.lowered) / n;
  const b = (100 * y.raised) / n;
  const bits = y.journalSeen ? yearBit : 0;
  finish(out, school, R6, scope.rules[R6], Math.max(a, b), n, bits, scope.minNScored);
  finish(out, school, R6A, scope.rules[R6A], a, n, bits, scope.minNScored);
  finish(out, school, R6B, scope.rules[R6B], b, n, bits, scope.minNScored);
}

function finish(out: MeasureColumns, school: number, slot: number, rule: ZoneRule, value: number, n: number, yearBits: number, minNScored: number): void {
  const scored = n >= minNScored;
  out.set(slot, school, value, n, scored ? zoneOf(value, rule.cut, rule.dir) : "none", yearBits);
}
