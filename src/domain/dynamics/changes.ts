/**
 * «Что изменилось» since the previous run (methodology.md §6): new and removed statuses and
 * flags, changed ИНР / ИСН, newly overdue roadmap events — from the last «Журнал» row and
 * the current result.
 *
 * Rules:
 * - schools are compared only when both runs had school data (a month with only the roadmap
 *   does not make every school «removed»); a school new in the data goes from null, one no
 *   longer in the data goes to null;
 * - an index changes when its one-decimal value differs by ≥ 0.1, or it appears / is no
 *   longer computed (null on one side); rows of the first log format have no indices;
 * - an overdue event is new when the previous run had a roadmap and did not have that event
 *   (same sheet, text and due date) overdue.
 */
import type { SchoolResult } from "../engine/calculate";
import type { RoadmapEvent } from "../roadmap/types";
import { overdueKey, round1, runRecord, type PreviousRun, type RunRecord } from "./runlog";

export type IndexKey = "inr" | "isn";

export interface Changes {
  /** Time stamp of the previous run; null when this is the first run of the workbook. */
  previous_run: string | null;
  status_changes: { school_id: string; from: string | null; to: string | null }[];
  flags_added: { school_id: string; flag: string }[];
  flags_removed: { school_id: string; flag: string }[];
  /** Values with one decimal, as the log keeps them. */
  index_changes: { school_id: string; index: IndexKey; from: number | null; to: number | null }[];
  newly_overdue: { sheet: string; row: number; event: string }[];
}

/** Smallest change of ИНР / ИСН that is reported. */
export const INDEX_STEP = 0.1;

export function noChanges(previousRun: string | null = null): Changes {
  return { previous_run: previousRun, status_changes: [], flags_added: [], flags_removed: [], index_changes: [], newly_overdue: [] };
}

export function hasChanges(c: Changes): boolean {
  return c.status_changes.length + c.flags_added.length + c.flags_removed.length + c.index_changes.length + c.newly_overdue.length > 0;
}

export function computeChanges(previous: PreviousRun | null, schools: readonly SchoolResult[], roadmap: readonly RoadmapEvent[]): Changes {
  if (!previous) return noChanges();
  const out = noChanges(previous.time);
  compareSchools(previous.record, runRecord(schools, []), out);
  out.newly_overdue = newlyOverdue(previous.record, roadmap);
  return out;
}

function compareSchools(before: RunRecord, now: RunRecord, out: Changes): void {
  if (before.schools.size === 0 || now.schools.size === 0) return;
  const ids = [...now.schools.keys(), ...[...before.schools.keys()].filter((id) => !now.schools.has(id))];
  for (const id of ids) {
    const a = before.schools.get(id);
    const b = now.schools.get(id);
    if ((a?.status ?? null) !== (b?.status ?? null)) out.status_changes.push({ school_id: id, from: a?.status ?? null, to: b?.status ?? null });
    const was = new Set(a?.flags ?? []);
    const is = new Set(b?.flags ?? []);
    for (const flag of is) if (!was.has(flag)) out.flags_added.push({ school_id: id, flag });
    for (const flag of was) if (!is.has(flag)) out.flags_removed.push({ school_id: id, flag });
    if (!a || !b) continue;
    for (const index of ["inr", "isn"] as const) {
      const from = a[index];
      const to = b[index];
      if (from === undefined || to === undefined) continue;
      if (indexChanged(from, to)) out.index_changes.push({ school_id: id, index, from, to });
    }
  }
}

function indexChanged(from: number | null, to: number | null): boolean {
  if (from === null || to === null) return from !== to;
  return Math.abs(round1(to)! - round1(from)!) >= INDEX_STEP - 1e-9;
}

function newlyOverdue(before: RunRecord, roadmap: readonly RoadmapEvent[]): Changes["newly_overdue"] {
  if (!before.roadmap) return [];
  const left = new Map<string, number>();
  for (const o of before.roadmap.overdue) left.set(o.key, (left.get(o.key) ?? 0) + 1);
  const out: Changes["newly_overdue"] = [];
  for (const e of roadmap) {
    if (e.status !== "overdue") continue;
    const key = overdueKey(e);
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push({ sheet: e.sheet, row: e.row, event: e.event });
  }
  return out;
}
