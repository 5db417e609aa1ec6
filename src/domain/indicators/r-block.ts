import type { ResultRecord } from "../model/types";
import type { Settings } from "../settings/types";
import { comboId, R_DIRECTION } from "./catalog";
import { NO_DATA, type Measure } from "./measure";
import { zoneOf } from "./zones";

/** Which years feed the R indicators: pooled (t, t−1) or one year; R5 and R6 always one year. */
export interface RView {
  pooledYears: number[];
  singleYear: number;
}

type Numerator = (r: ResultRecord) => number | null;

const isEge = (subjects: string[]) => (r: ResultRecord) => r.procedure === "ЕГЭ" && subjects.includes(r.subject);

/** R3a for base mathematics uses «2» when present, else below_min (Appendix A). */
const belowMin: Numerator = (r) => (r.subject === "math_base" ? r.counts.mark2 ?? r.counts.below_min : r.counts.below_min);

/**
 * Block R for one school: `records` are that school's results of every year.
 * Returns R1–R6, R6a, R6b and the R4 combos of the configured ВПР scope.
 */
export function computeRBlock(records: ResultRecord[], view: RView, settings: Settings): Record<string, Measure> {
  const pooled = records.filter((r) => view.pooledYears.includes(r.year));
  const single = records.filter((r) => r.year === view.singleYear);
  const vpr = (r: ResultRecord) => r.procedure === "ВПР" && settings.vprSubjects.includes(r.subject) && settings.vprGrades.includes(r.grade);
  const out: Record<string, Measure> = {
    R1: share("R1", pooled, isEge(["rus"]), (r) => r.counts.high_81_100, settings),
    R2: share("R2", pooled, isEge(["math_prof"]), (r) => r.counts.high_81_100, settings),
    R3a: share("R3a", pooled, isEge(["rus", "math_prof", "math_base"]), belowMin, settings),
    R3b: share("R3b", pooled, (r) => r.procedure === "ОГЭ" && (r.subject === "rus" || r.subject === "math"), (r) => r.counts.mark2, settings),
    R4: share("R4", pooled, vpr, (r) => r.counts.mark2, settings),
  };
  for (const subject of settings.vprSubjects) {
    for (const grade of settings.vprGrades) {
      const match = (r: ResultRecord) => r.procedure === "ВПР" && r.subject === subject && r.grade === grade;
      out[comboId(subject, grade)] = share("R4", pooled, match, (r) => r.counts.mark2, settings);
    }
  }
  out.R5 = share("R5", single, (r) => r.procedure === "РДР", (r) => r.counts.mark2, settings);
  Object.assign(out, journalDiscrepancy(single, settings));
  return out;
}

/** Pooled share 100·Σx/Σn over rows whose numerator is known (no silent zero). */
function share(id: string, records: ResultRecord[], match: (r: ResultRecord) => boolean, numerator: Numerator, settings: Settings): Measure {
  let x = 0;
  let n = 0;
  const years = new Set<number>();
  for (const r of records) {
    if (!match(r)) continue;
    const num = numerator(r);
    if (num === null) continue;
    x += num;
    n += r.participants;
    if (r.participants > 0) years.add(r.year);
  }
  return finish(id, n > 0 ? (100 * x) / n : null, n, [...years].sort(), settings);
}

/** R6: R6a = lowered, R6b = raised, each over lowered+confirmed+raised; R6 = the worse. */
function journalDiscrepancy(records: ResultRecord[], settings: Settings): Record<string, Measure> {
  let lowered = 0;
  let raised = 0;
  let n = 0;
  const years = new Set<number>();
  for (const r of records) {
    const { lowered: l, confirmed: c, raised: up } = r.counts;
    if (r.procedure !== "ВПР" || l === null || c === null || up === null) continue;
    lowered += l;
    raised += up;
    n += l + c + up;
    if (l + c + up > 0) years.add(r.year);
  }
  if (n === 0) return { R6: NO_DATA, R6a: NO_DATA, R6b: NO_DATA };
  const a = (100 * lowered) / n;
  const b = (100 * raised) / n;
  const ys = [...years];
  return { R6: finish("R6", Math.max(a, b), n, ys, settings), R6a: finish("R6", a, n, ys, settings), R6b: finish("R6", b, n, ys, settings) };
}

function finish(id: string, value: number | null, n: number, years: number[], settings: Settings): Measure {
  if (value === null) return NO_DATA;
  const scored = n >= settings.minNScored;
  return { value, n, scored, zone: scored ? zoneOf(value, settings.zones[id], R_DIRECTION[id]) : "none", years };
}
