import type { ResultTable } from "../model/result-table";
import type { Settings, ZoneCutoffs } from "../settings/types";
import { PROCEDURES } from "../parse/subject";
import { comboId, R_DIRECTION } from "./catalog";
import { ColumnLayout, MeasureColumns } from "./columns";
import type { Measure } from "./measure";
import { zoneOf, type Direction } from "./zones";

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
 * One pass over the rows: per year, Σ numerator, Σ participants and «some row had participants»
 * of every school for every pooled share of block R, and the journal sums of R6, in columns
 * like a view's (at slot · schools + school). Every view (pooled t and t−1, single years) is
 * then a sum of a few years' tallies — the shares are ratios of integer sums, so the order of
 * summing does not change a value. (A map of small arrays per school and year, and the rows
 * grouped by school to fill it, were ≈ 3 MB a region run.)
 */
export interface RTally {
  /** The slots of one settings' scope (R1, R2, R3a, R3b, R4, R5, then the combos). */
  scope: RScope;
  schools: number;
  years: Map<number, YearTally>;
}

interface YearTally {
  x: Float64Array;
  n: Float64Array;
  /** A row with participants > 0 contributed (the year counts in `years`). */
  seen: Uint8Array;
  /** By school. */
  lowered: Float64Array;
  raised: Float64Array;
  journal: Float64Array;
  journalSeen: Uint8Array;
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
    const size = tally.scope.slots * tally.schools;
    const bySchool = () => new Float64Array(tally.schools);
    y = { x: new Float64Array(size), n: new Float64Array(size), seen: new Uint8Array(size), lowered: bySchool(), raised: bySchool(), journal: bySchool(), journalSeen: new Uint8Array(tally.schools) };
    tally.years.set(year, y);
  }
  return y;
}

/** Adds a row's numerator x (NaN: not known, the row does not count) and participants at
 *  `at` (slot · schools + school). */
function add(y: YearTally, at: number, x: number, participants: number): void {
  if (Number.isNaN(x)) return;
  y.x[at] += x;
  y.n[at] += participants;
  if (participants > 0) y.seen[at] = 1;
}

const EGE = PROCEDURES.indexOf("ЕГЭ");
const OGE = PROCEDURES.indexOf("ОГЭ");
const VPR = PROCEDURES.indexOf("ВПР");
const RDR = PROCEDURES.indexOf("РДР");

/**
 * The per-year sums of block R of each school: `schoolAt` gives the position of a row's school
 * (rows of other schools are left out); without it every row counts for one school (the
 * workbook's aggregate).
 */
export function tallyR(table: ResultTable, settings: Settings, schoolAt?: ReadonlyMap<string, number>): RTally {
  const schools = schoolAt ? schoolAt.size : 1;
  const tally: RTally = { scope: scopeOf(settings), schools, years: new Map() };
  const combos = tally.scope.combos;
  const { mark2, below_min: belowMin, high_81_100: high, lowered, confirmed, raised } = table.counts;
  // indexed loops in the hot paths: a for-of iterator allocates a result per step until
  // the function is optimised, and most of this code runs once per workbook
  for (let i = 0; i < table.length; i++) {
    const school = schoolAt ? schoolAt.get(table.school[i]) : 0;
    if (school === undefined) continue;
    const y = yearTally(tally, table.year[i]);
    const n = table.participants[i];
    const subject = table.subject[i];
    switch (table.procedureCode[i]) {
      case EGE:
        if (subject === "rus") {
          add(y, R1 * schools + school, high[i], n);
          add(y, R3A * schools + school, belowMin[i], n);
        } else if (subject === "math_prof") {
          add(y, R2 * schools + school, high[i], n);
          add(y, R3A * schools + school, belowMin[i], n);
        } else if (subject === "math_base") {
          // R3a for base mathematics uses «2» when present, else below_min (Appendix A).
          add(y, R3A * schools + school, Number.isNaN(mark2[i]) ? belowMin[i] : mark2[i], n);
        }
        break;
      case OGE:
        if (subject === "rus" || subject === "math") add(y, R3B * schools + school, mark2[i], n);
        break;
      case VPR: {
        const slot = combos.get(subject)?.get(table.grade[i]);
        if (slot !== undefined) {
          add(y, R4 * schools + school, mark2[i], n);
          add(y, slot * schools + school, mark2[i], n);
        }
        const l = lowered[i];
        const c = confirmed[i];
        const up = raised[i];
        if (!Number.isNaN(l) && !Number.isNaN(c) && !Number.isNaN(up)) {
          y.lowered[school] += l;
          y.raised[school] += up;
          y.journal[school] += l + c + up;
          if (l + c + up > 0) y.journalSeen[school] = 1;
        }
        break;
      }
      case RDR:
        add(y, R5 * schools + school, mark2[i], n);
        break;
    }
  }
  return tally;
}

/**
 * Block R of one view for every school of a tally (same values as filtering the rows of the
 * view's years), under the settings the tally was made with (tallyR): its scope holds the zones
 * and min_n_scored. A school without rows in the view's years keeps «нет данных» everywhere.
 */
export function rViewColumns(tally: RTally, view: RView): MeasureColumns {
  const scope = tally.scope;
  const plan = viewPlan(view);
  const out = new MeasureColumns(layoutOf(scope, view.combos !== false), tally.schools, plan.years);
  const combos = view.combos !== false ? scope.comboIds : [];
  const pooled = poolOf(tally, plan);
  const single = tally.years.get(view.singleYear);
  const singlePool: Pool = { tallies: single ? [single] : [], bits: [plan.singleBit] };
  for (let school = 0; school < tally.schools; school++) {
    for (let slot = R1; slot <= R4; slot++) share(out, school, scope, slot, pooled);
    for (let i = 0; i < combos.length; i++) share(out, school, scope, combos[i].slot, pooled);
    share(out, school, scope, R5, singlePool);
    if (single) journalDiscrepancy(out, school, single, 1 << plan.singleBit, scope);
  }
  return out;
}

/** Block R of the first school of a tally and a view, as a record. */
export function rBlockOf(tally: RTally, view: RView): Record<string, Measure> {
  return rViewColumns(tally, view).record(0);
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

/** The year tallies one share sums, with the bit of each year. */
interface Pool {
  tallies: YearTally[];
  bits: number[];
}

/** The pooled years that have rows (of any school: a school without rows in a year adds 0). */
function poolOf(tally: RTally, plan: ViewPlan): Pool {
  const pool: Pool = { tallies: [], bits: [] };
  for (let bit = 0; bit < plan.pooled; bit++) {
    const y = tally.years.get(plan.years[bit]);
    if (y) {
      pool.tallies.push(y);
      pool.bits.push(bit);
    }
  }
  return pool;
}

/** Pooled share 100·Σx/Σn over the years' rows whose numerator is known (no silent zero). */
function share(out: MeasureColumns, school: number, scope: RScope, slot: number, pool: Pool): void {
  const at = slot * out.schools + school;
  let x = 0;
  let n = 0;
  let seen = 0;
  for (let i = 0; i < pool.tallies.length; i++) {
    const y = pool.tallies[i];
    x += y.x[at];
    n += y.n[at];
    if (y.seen[at]) seen |= 1 << pool.bits[i];
  }
  if (n > 0) finish(out, school, slot, scope.rules[slot], (100 * x) / n, n, seen, scope.minNScored);
}

/** R6: R6a = lowered, R6b = raised, each over lowered+confirmed+raised; R6 = the worse. */
function journalDiscrepancy(out: MeasureColumns, school: number, y: YearTally, yearBit: number, scope: RScope): void {
  const n = y.journal[school];
  if (n === 0) return;
  const a = (100 * y.lowered[school]) / n;
  const b = (100 * y.raised[school]) / n;
  const bits = y.journalSeen[school] ? yearBit : 0;
  finish(out, school, R6, scope.rules[R6], Math.max(a, b), n, bits, scope.minNScored);
  finish(out, school, R6A, scope.rules[R6A], a, n, bits, scope.minNScored);
  finish(out, school, R6B, scope.rules[R6B], b, n, bits, scope.minNScored);
}

function finish(out: MeasureColumns, school: number, slot: number, rule: ZoneRule, value: number, n: number, yearBits: number, minNScored: number): void {
  const scored = n >= minNScored;
  out.set(slot, school, value, n, scored ? zoneOf(value, rule.cut, rule.dir) : "none", yearBits);
}
