/**
 * The pane's view of a run: pure functions from the result JSON (workbook.md §7) to what
 * the components show. The lists match the «Кандидаты» report sheet.
 */
import { hasChanges, type Changes } from "../domain/dynamics/changes";
import { FLAG_LABELS, ru, STATUS_LABELS } from "../domain/i18n/ru";
import type { Problem } from "../domain/problems";
import type { TableKind } from "../domain/recognition/table";
import { strings } from "./strings";

/** The part of the result JSON the pane reads (ResultJson satisfies it). */
export interface PaneJson {
  report_year: number;
  report_date: string;
  schools: PaneSchoolJson[];
  roadmap: { status: string }[];
  problems: Problem[];
  status_counts: Record<string, number>;
  tables: { kind: TableKind; sheet: string; header_row: number; rows: number }[];
  /** «Что изменилось» since the previous run recorded in «Журнал». */
  changes?: Changes;
}

export interface PaneSchoolJson {
  school_id: string;
  name: string;
  municipality: string;
  status: string;
  flags: string[];
  reasons: string[];
  inr: number | null;
  isn: number | null;
  extra?: { shnor_t?: boolean };
}

/** What `PaneServices.calculate` resolves with (the orchestrator's RunOutcome satisfies it). */
export interface PaneOutcome {
  json: PaneJson;
  written: string[];
}

export type ListKey = "shnor" | "shnsu" | "resilient" | "risk";

export interface SchoolItem {
  id: string;
  name: string;
  municipality: string;
  status: string;
  statusLabel: string;
  inr: number | null;
  isn: number | null;
  flags: string[];
  reasons: string[];
}

export interface SchoolList {
  key: ListKey;
  title: string;
  schools: SchoolItem[];
}

export interface StatusCount {
  code: string;
  label: string;
  count: number;
}

export interface PaneResult {
  reportYear: number;
  reportDate: string;
  schoolCount: number;
  statusCounts: StatusCount[];
  roadmapTotal: number;
  roadmapOverdue: number;
  lists: SchoolList[];
  problems: Problem[];
  written: string[];
  /** «Что изменилось с прошлого расчёта»: a title and one line. */
  changes: { title: string; text: string } | null;
}

const isShnor = (s: PaneSchoolJson) => s.extra?.shnor_t ?? (s.status === "shnor" || s.status === "shnor_shnsu");
const desc = (key: (s: PaneSchoolJson) => number | null) => (a: PaneSchoolJson, b: PaneSchoolJson) => (key(b) ?? -1) - (key(a) ?? -1);

const LISTS: { key: ListKey; pick: (s: PaneSchoolJson) => boolean; order: (a: PaneSchoolJson, b: PaneSchoolJson) => number }[] = [
  { key: "shnor", pick: isShnor, order: desc((s) => s.inr) },
  { key: "shnsu", pick: (s) => s.status === "shnor_shnsu" || s.status === "shnsu", order: desc((s) => s.isn) },
  { key: "resilient", pick: (s) => s.status === "resilient", order: desc((s) => s.isn) },
  { key: "risk", pick: (s) => s.flags.includes("risk_zone"), order: desc((s) => s.inr) },
];

export function toPaneResult(outcome: PaneOutcome): PaneResult {
  const json = outcome.json;
  return {
    reportYear: json.report_year,
    reportDate: json.report_date,
    schoolCount: json.schools.length,
    statusCounts: Object.entries(STATUS_LABELS).map(([code, label]) => ({ code, label, count: json.status_counts[code] ?? 0 })),
    roadmapTotal: json.roadmap.length,
    roadmapOverdue: json.roadmap.filter((e) => e.status === "overdue").length,
    lists: LISTS.map((l) => ({ key: l.key, title: strings.lists.titles[l.key], schools: json.schools.filter(l.pick).sort(l.order).map(item) })),
    problems: json.problems,
    written: outcome.written,
    changes: json.changes ? changesLine(json.changes) : null,
  };
}

function changesLine(c: Changes): { title: string; text: string } {
  const text = ru.changes;
  if (c.previous_run === null) return { title: text.title(null), text: text.firstRun };
  if (!hasChanges(c)) return { title: text.title(c.previous_run), text: text.none };
  return { title: text.title(c.previous_run), text: text.counts(c.status_changes.length, c.flags_added.length, c.flags_removed.length, c.index_changes.length, c.newly_overdue.length) };
}

function item(s: PaneSchoolJson): SchoolItem {
  return {
    id: s.school_id,
    name: s.name || s.school_id,
    municipality: s.municipality,
    status: s.status,
    statusLabel: STATUS_LABELS[s.status] ?? s.status,
    inr: s.inr,
    isn: s.isn,
    flags: s.flags.map((f) => FLAG_LABELS[f] ?? f),
    reasons: s.reasons,
  };
}
