import { NO_DATA, NO_YEARS, yearOf, yearPair, yesNoMeasure, type Measure } from "./measure";
import { RecordShape } from "./record";
import type { Zone } from "./zones";

/** Zones as numbers in the columns; 0 ("none") is «not scored», the others are scored. */
const ZONES: readonly Zone[] = ["none", "green", "yellow", "red"];
export const RED = 3;

export function zoneCode(zone: Zone): number {
  switch (zone) {
    case "green":
      return 1;
    case "yellow":
      return 2;
    case "red":
      return 3;
    default:
      return 0;
  }
}

/**
 * Where a block's measures sit in its columns: the record's keys in their order, each with its
 * slot. One layout per settings and block, shared by every view and year.
 */
export class ColumnLayout {
  readonly shape: RecordShape;
  /** The slots of the keys that start with «R4.» (the ВПР combos), in the keys' order. */
  readonly comboSlots: readonly number[];

  /** `yesNo[slot]`: the slot holds a yes/no value (1 = да), not a share. */
  constructor(
    readonly keys: readonly string[],
    readonly slotOfKey: readonly number[],
    readonly slots: number,
    readonly yesNo: readonly boolean[] = [],
  ) {
    this.shape = new RecordShape(keys);
    this.comboSlots = slotOfKey.filter((_, k) => keys[k].startsWith("R4."));
  }
}

/**
 * One view's measures of every school (e.g. «block R pooled over y and y−1»): a typed array per
 * field, at [slot · schools + school], schools in `data.schools` order. A Measure object per
 * school, indicator, view and year (≈ 40 per school-year, with a record per block) was most of
 * what a run kept alive, and every scavenge copied it; records are made only for the views a
 * report shows (`record`). A cell never written holds «нет данных» (NO_DATA).
 */
export class MeasureColumns {
  /** NaN: null («нет данных»). */
  readonly value: Float64Array;
  readonly n: Float64Array;
  /** zoneCode: 0 = "none" (not scored). */
  readonly zone: Uint8Array;
  /** The years whose rows contributed, as bits of `years` (see yearsAt). */
  readonly yearBits: Int32Array;
  private readonly listByMask: number[][] = [];

  /** `years`: the years a bit of yearBits stands for (at most 32). */
  constructor(
    readonly layout: ColumnLayout,
    readonly schools: number,
    readonly years: readonly number[] = NO_YEARS,
  ) {
    const size = layout.slots * schools;
    this.value = new Float64Array(size).fill(NaN);
    this.n = new Float64Array(size);
    this.zone = new Uint8Array(size);
    this.yearBits = new Int32Array(size);
  }

  /** Writes one measure; `yearBits`: bits of `years`. */
  set(slot: number, school: number, value: number, n: number, zone: Zone, yearBits: number): void {
    const at = slot * this.schools + school;
    this.value[at] = value;
    this.n[at] = n;
    this.zone[at] = zoneCode(zone);
    this.yearBits[at] = yearBits;
  }

  zoneAt(slot: number, school: number): number {
    return this.zone[slot * this.schools + school];
  }

  /** The value, null without data. */
  valueAt(slot: number, school: number): number | null {
    const v = this.value[slot * this.schools + school];
    return Number.isNaN(v) ? null : v;
  }

  nAt(slot: number, school: number): number {
    return this.n[slot * this.schools + school];
  }

  /** The years whose rows contributed, ascending, as a shared frozen list. */
  yearsAt(slot: number, school: number): number[] {
    return this.yearsOf(this.yearBits[slot * this.schools + school]);
  }

  /** The list of a mask, remembered per mask (a view has a handful). */
  private yearsOf(mask: number): number[] {
    return (this.listByMask[mask] ??= yearsOfBits(this.years, mask));
  }

  /** The measure of one slot as an object (for a report). */
  measure(slot: number, school: number): Measure {
    const at = slot * this.schools + school;
    const value = this.value[at];
    if (Number.isNaN(value)) return NO_DATA;
    // one of two shared objects (5 of block S's 14 measures a school)
    if (this.layout.yesNo[slot]) return yesNoMeasure(value === 1);
    const zone = this.zone[at];
    return { value, n: this.n[at], scored: zone !== 0, zone: ZONES[zone], years: this.yearsOf(this.yearBits[at]) };
  }

  /** One school's block as a record, keys in the layout's order. */
  record(school: number): Record<string, Measure> {
    const out = this.layout.shape.make<Measure>();
    this.fill(out, school);
    return out;
  }

  /** Sets one school's measures in `out`, under the layout's keys. */
  fill(out: Record<string, Measure>, school: number): void {
    const { keys, slotOfKey } = this.layout;
    for (let k = 0; k < keys.length; k++) out[keys[k]] = this.measure(slotOfKey[k], school);
  }
}

/**
 * The years whose bit is set in `mask`, ascending, as a shared frozen list (one, two, or more
 * years; a list per measure was made before the bits).
 */
export function yearsOfBits(years: readonly number[], mask: number): number[] {
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
  for (let i = 0; i < 32; i++) if (mask & (1 << i)) seen.push(years[i]);
  return Object.freeze(seen.sort((a, b) => a - b)) as unknown as number[];
}
