/** The roadmap («дорожная карта») domain: deadlines, statuses, execution, report. */
export { parseDeadline, deadlineText, type DeadlineContext } from "./deadline";
export { readRoadmap } from "./read";
export { computeExecution } from "./execution";
export { buildRoadmapReport, reportLookup, STATUS_FILLS, type RoadmapReportContext } from "./report";
export { linkIndicators, canonicalIndicator, type EffectContext, type SchoolChanges } from "./effect";
export { overdueRuleFormula, rowKey, rowKeyFormula, type ReportLookup } from "./highlight";
export { roadmapToJson, type RoadmapJsonEntry } from "./json";
export { isFact } from "./fact";
export { eventStatus } from "./status";
export { normalizeDeadline } from "./normalize";
export { STATUS_LABELS, ROADMAP_REPORT_SHEET } from "./messages";
export type * from "./types";
