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
  }));
}
