/** The roadmap («дорожная карта») as the domain sees it (methodology.md §7, Appendix B). */

/**
 * How a deadline recurs. `continuous` has no due date («Постоянно», «По графику»);
 * the JSON result calls it "none" (see json.ts).
 */
export type DeadlineKind = "once" | "annual" | "monthly" | "continuous" | "unparsed";

export interface ParsedDeadline {
  kind: DeadlineKind;
  /** Which form of Appendix B matched (e.g. "month", "range", "annual_month");
   *  "unparsed" when none did. */
  form: string;
  /** ISO due date on the roadmap year (or on the report date for monthly events);
   *  null for continuous and unparsed deadlines. */
  due: string | null;
}

/** Roadmap status codes (workbook.md §7). */
export type RoadmapStatus =
  | "done_on_time"
  | "done_late"
  | "done"
  | "overdue"
  | "due_soon"
  | "in_progress"
  | "continuous"
  | "continuous_done"
  | "unparsed";

export interface RoadmapEvent {
  sheet: string;
  /** 1-based sheet row of the event (its first row when continuation rows follow). */
  row: number;
  /** A1 address of the «Срок» cell, for problems and links. */
  dueCell: string;
  number: string | null;
  section: string | null;
  event: string;
  /** The deadline as written; a date cell is shown as its ISO date. */
  dueText: string;
  dueKind: DeadlineKind;
  dueForm: string;
  due: string | null;
  responsible: string | null;
  expected: string | null;
  actual: string | null;
  /** A fact of execution is recorded (Appendix B «No fact»). */
  fact: boolean;
  doneDate: string | null;
  schoolId: string | null;
  /** The «Показатель» cell as typed. */
  indicator: string | null;
  /** A1 addresses of the «Школа» and «Показатель» cells (null without such a column), for
   *  problems found when the event is linked to the indicators. */
  schoolCell: string | null;
  indicatorCell: string | null;
  /** The indicator as the methodology writes it («Р4» typed → "R4"); null when the cell is
   *  blank or names no known indicator (set by linkIndicators). */
  indicatorId: string | null;
  /** The named indicator's change t−1 → t (linkIndicators); null when there is none to show. */
  effect: IndicatorEffect | null;
  status: RoadmapStatus;
  /** Days past the due date; null unless overdue. */
  daysOverdue: number | null;
  /** «срок не распознан» and similar; null when there is nothing to say. */
  warning: string | null;
  /** The cells that identify the event's first row in the user's sheet (highlight.ts). */
  rowKey: string;
  /** The event has a due date on or before the report date, so it counts in the execution
   *  figures (Appendix A «Execution figures»). Kept on the event because the execution
   *  figures are computed from the events alone. */
  dueSoFar: boolean;
}

/** «Анализ эффективности принятых мер»: the named indicator's single-year change. */
export interface IndicatorEffect {
  indicator: string;
  /** "school": the event's school; "all": pooled over every school of the workbook. */
  scope: "school" | "all";
  /** Single-year values of t−1 and t (percent); null = «нет данных». */
  valueT1: number | null;
  valueT: number | null;
  /** Their denominators (0 without data). */
  nT1: number;
  nT: number;
  /** v(t) − v(t−1) in p.p.; null unless both values are scored. */
  delta: number | null;
  /** methodology.md §6; null when the indicator has no verdict rule or Δ is missing. */
  verdict: "positive" | "negative" | "stable" | null;
  /** Why something is missing, and the scope when it is "all"; null when nothing to say. */
  note: string | null;
}

/** Execution figures of one group (overall, a section, a responsible). */
export interface ExecutionFigures {
  due_so_far: number;
  done: number;
  on_time: number;
  /** 100·done/due_so_far; null when nothing is due yet. */
  share_done: number | null;
  /** 100·on_time/due_so_far; null when nothing is due yet. */
  share: number | null;
}

export interface Execution {
  overall: ExecutionFigures;
  /** Keys in order of first appearance. */
  by_section: Record<string, ExecutionFigures>;
  by_responsible: Record<string, ExecutionFigures>;
}
