/**
 * Execution of the roadmap = on time / due so far (methodology.md §7, Appendix A).
 *
 * Which events count (checked against both conformance examples, which agree with the
 * Appendix A wording):
 * - «due so far» are the events that have a due date on or before the report date: one-off,
 *   annual (their occurrence in the roadmap year) and monthly (due at the end of the month
 *   before the report date, so a monthly event is always due so far);
 * - continuous events and unrecognised deadlines have no due date and never count, even
 *   with a fact (an unrecognised deadline with a fact is «done» but not «due so far»);
 * - «done» = those with a fact; «on time» = done with a completion date ≤ due, or with no
 *   completion date at all.
 * Events without a section (responsible) are left out of `by_section` (`by_responsible`).
 */
import type { Execution, ExecutionFigures, RoadmapEvent } from "./types";

interface Counts {
  due_so_far: number;
  done: number;
  on_time: number;
}

/** Appendix A: a share is 100·x/n, «нет данных» (null) when n is 0. */
function share(x: number, n: number): number | null {
  return n === 0 ? null : (100 * x) / n;
}

function figures(c: Counts): ExecutionFigures {
  return { ...c, share_done: share(c.done, c.due_so_far), share: share(c.on_time, c.due_so_far) };
}

function add(counts: Counts, event: RoadmapEvent): void {
  if (!event.dueSoFar) return;
  counts.due_so_far += 1;
  if (!event.fact) return;
  counts.done += 1;
  if (event.doneDate === null || (event.due !== null && event.doneDate <= event.due)) counts.on_time += 1;
}

/** Groups by a key in first-appearance order; every group appears, even with nothing due. */
function byKey(events: readonly RoadmapEvent[], key: (e: RoadmapEvent) => string | null): Record<string, ExecutionFigures> {
  const groups = new Map<string, Counts>();
  for (const event of events) {
    const k = key(event);
    if (k === null) continue;
    let counts = groups.get(k);
    if (!counts) groups.set(k, (counts = { due_so_far: 0, done: 0, on_time: 0 }));
    add(counts, event);
  }
  const result: Record<string, ExecutionFigures> = {};
  for (const [k, counts] of groups) result[k] = figures(counts);
  return result;
}

export function computeExecution(events: readonly RoadmapEvent[]): Execution {
  const overall: Counts = { due_so_far: 0, done: 0, on_time: 0 };
  for (const event of events) add(overall, event);
  return {
    overall: figures(overall),
    by_section: byKey(events, (e) => e.section),
    by_responsible: byKey(events, (e) => e.responsible),
  };
}
