/**
 * Status of an event on the report date (methodology.md §7, Appendix A «Roadmap»).
 */
import { daysBetween } from "../parse/date";
import type { DeadlineKind, RoadmapStatus } from "./types";

export interface StatusInput {
  dueKind: DeadlineKind;
  due: string | null;
  fact: boolean;
  doneDate: string | null;
}

export interface StatusResult {
  status: RoadmapStatus;
  /** Days past due; null unless overdue. */
  daysOverdue: number | null;
  /** Due on or before the report date: counts in the execution figures. */
  dueSoFar: boolean;
}

export function eventStatus(input: StatusInput, reportDate: string, dueSoonDays: number): StatusResult {
  const { due, fact, doneDate } = input;
  if (due === null) {
    // No due date: continuous events, or a deadline that was not recognised. A fact still
    // tells the event was done (Appendix A), but it never counts as due.
    if (input.dueKind === "continuous") return { status: fact ? "continuous_done" : "continuous", daysOverdue: null, dueSoFar: false };
    return { status: fact ? "done" : "unparsed", daysOverdue: null, dueSoFar: false };
  }
  const daysLeft = daysBetween(reportDate, due);
  const dueSoFar = daysLeft <= 0;
  if (fact) {
    if (doneDate === null) return { status: "done", daysOverdue: null, dueSoFar };
    return { status: doneDate <= due ? "done_on_time" : "done_late", daysOverdue: null, dueSoFar };
  }
  // An event due on the report date is not overdue yet (Appendix A).
  if (daysLeft < 0) return { status: "overdue", daysOverdue: -daysLeft, dueSoFar };
  if (daysLeft <= dueSoonDays) return { status: "due_soon", daysOverdue: null, dueSoFar };
  return { status: "in_progress", daysOverdue: null, dueSoFar };
}
