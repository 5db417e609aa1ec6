import { PROCEDURES, type Procedure } from "../parse/subject";
import { RESULT_COUNT_FIELDS, type ResultCountField } from "./types";

/**
 * Results rows (one per school × year × procedure × subject × grade after summing), column by
 * column. A country has 1.7 million of them: as two objects per row (a record and its counts)
 * they took about 270 bytes a row on the heap; as columns about 100, and no objects for the
 * collector to trace. An unknown count or mean is NaN here (null through `count`).
 */
export class ResultTable {
  length = 0;
  /** The string columns have room for `capacity` rows until `fit`: read them up to `length`. */
  school: string[];
  subject: string[];
  year: Uint16Array;
  /** Index into PROCEDURES. */
  procedureCode: Uint8Array;
  grade: Uint8Array;
  participants: Float64Array;
  counts: Record<ResultCountField, Float64Array>;
  /** The same columns in RESULT_COUNT_FIELDS order (indexed access in the row loops). */
  countColumns: Float64Array[];
  meanScore: Float64Array;

  constructor(capacity = 16) {
    const n = Math.max(1, capacity);
    // room for every row at once: grown row by row, the string columns were copied over and
    // over (readResults on a region, A/B medians in one process: 18.4 → 16.5 ms; 1.9 of the
    // 2.6 MB a region's results allocated per read)
    this.school = new Array<string>(n);
    this.subject = new Array<string>(n);
    this.year = new Uint16Array(n);
    this.procedureCode = new Uint8Array(n);
    this.grade = new Uint8Array(n);
    this.participants = new Float64Array(n);
    this.countColumns = RESULT_COUNT_FIELDS.map(() => new Float64Array(n));
    this.counts = byField(this.countColumns);
    this.meanScore = new Float64Array(n);
  }

  count(field: ResultCountField, i: number): number | null {
    const v = this.counts[field][i];
    return Number.isNaN(v) ? null : v;
  }

  /** Appends a row whose counts and mean the caller sets; returns its index. */
  add(school: string, year: number, procedure: Procedure, subject: string, grade: number, participants: number): number {
    if (this.length === this.year.length) this.grow();
    const i = this.length++;
    this.school[i] = school;
    this.subject[i] = subject;
    this.year[i] = year;
    this.procedureCode[i] = PROCEDURE_CODE[procedure];
    this.grade[i] = grade;
    this.participants[i] = participants;
    return i;
  }

  /** The string columns cut to the rows added (their room is made for `capacity`). */
  fit(): void {
    this.school.length = this.length;
    this.subject.length = this.length;
  }

  /** Keeps the rows whose `keep` is 1, in order, and drops the others. */
  keepRows(keep: Uint8Array): void {
    let j = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep[i]) continue;
      if (j !== i) this.moveRow(i, j);
      j++;
    }
    this.length = j;
    this.school.length = j;
    this.subject.length = j;
  }

  private moveRow(from: number, to: number): void {
    this.school[to] = this.school[from];
    this.subject[to] = this.subject[from];
    this.year[to] = this.year[from];
    this.procedureCode[to] = this.procedureCode[from];
    this.grade[to] = this.grade[from];
    this.participants[to] = this.participants[from];
    for (const column of this.countColumns) column[to] = column[from];
    this.meanScore[to] = this.meanScore[from];
  }

  private grow(): void {
    const n = this.year.length * 2;
    const widen = <T extends Uint8Array | Uint16Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.year = widen(this.year, (k) => new Uint16Array(k));
    this.procedureCode = widen(this.procedureCode, (k) => new Uint8Array(k));
    this.grade = widen(this.grade, (k) => new Uint8Array(k));
    this.participants = widen(this.participants, (k) => new Float64Array(k));
    this.countColumns = this.countColumns.map((c) => widen(c, (k) => new Float64Array(k)));
    this.counts = byField(this.countColumns);
    this.meanScore = widen(this.meanScore, (k) => new Float64Array(k));
  }
}

const PROCEDURE_CODE = Object.fromEntries(PROCEDURES.map((p, i) => [p, i])) as Record<Procedure, number>;

function byField(columns: Float64Array[]): Record<ResultCountField, Float64Array> {
  return Object.fromEntries(RESULT_COUNT_FIELDS.map((f, i) => [f, columns[i]])) as Record<ResultCountField, Float64Array>;
}
