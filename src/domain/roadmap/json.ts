/**
 * Roadmap entries of the machine-readable result (workbook.md §7), with the field names of
 * the conformance examples.
 */
import type { RoadmapEvent, RoadmapStatus } from "./types";

export interface RoadmapJsonEntry {
  sheet: string;
  row: number;
  number: string | null;
  section: string | null;
  event: string;
  due_text: string;
  /** "once" | "annual" | "monthly" | "none" (no due date) | "unparsed". */
  due_kind: string;
  /** null when the deadline was not recognised. */
  due_form: string | null;
  due: string | null;
  responsible: string | null;
  school_id: string | null;
  indicator: string | null;
  fact: boolean;
  done_date: string | null;
  status: RoadmapStatus;
  days_overdue: number | null;
  warning: string | null;
  /** Extra: the named indicator's change t−1 → t («анализ эффективности»); null when none. */
  indicator_change: {
    indicator: string;
    /** "school" or "all" (pooled over every school of the workbook). */
    scope: string;
    value_t1: number | null;
    value_t: number | null;
    n_t1: number;
    n_t: number;
    delta: number | null;
    verdict: string | null;
  } | null;
}

export function roadmapToJson(events: readonly RoadmapEvent[]): RoadmapJsonEntry[] {
  return events.map((e) => ({
    sheet: e.sheet,
    row: e.row,
    number: e.number,
    section: e.section,
    event: e.event,
    due_text: e.dueText,
    // The result format names «no due date» (continuous events) "none".
    due_kind: e.dueKind === "continuous" ? "none" : e.dueKind,
    due_form: e.dueKind === "unparsed" ? null : e.dueForm,
    due: e.due,
    responsible: e.responsible,
    school_id: e.schoolId,
    indicator: e.indicator,
    fact: e.fact,
    done_date: e.doneDate,
    status: e.status,
    days_overdue: e.daysOverdue,
    warning: e.warning,
    indicator_change: e.effect && {
      indicator: e.effect.indicator,
      scope: e.effect.scope,
      value_t1: e.effect.valueT1,
      value_t: e.effect.valueT,
      n_t1: e.effect.nT1,
      n_t: e.effect.nT,
      delta: e.effect.delta,
      verdict: e.effect.verdict,
    },
  }));
}
