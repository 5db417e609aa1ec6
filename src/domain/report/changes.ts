import { hasChanges, type Changes } from "../dynamics/changes";
import type { EngineResult } from "../engine/run";
import { ru } from "../i18n/ru";
import type { SheetBuilder } from "./builder";

const text = ru.changes;

/** One sentence per school: its status, flag and index changes, in the order of the result. */
export function changesBySchool(changes: Changes): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, line: string) => {
    const list = out.get(id);
    if (list) list.push(line);
    else out.set(id, [line]);
  };
  for (const c of changes.status_changes) add(c.school_id, text.status(c.from, c.to));
  for (const c of changes.flags_added) add(c.school_id, text.flagAdded(c.flag));
  for (const c of changes.flags_removed) add(c.school_id, text.flagRemoved(c.flag));
  for (const c of changes.index_changes) add(c.school_id, text.index(c.index, c.from, c.to));
  return out;
}

/** «Что изменилось с прошлого расчёта» on «Сводка»: a school table and the newly overdue events. */
export function changesSection(sheet: SheetBuilder, result: EngineResult, section: (title: string) => void): void {
  const changes = result.changes;
  // No time stamp here: running twice on unchanged input must give the same «Сводка»
  // (workbook.md §4); the time of the previous run is in «Журнал» and in the JSON.
  section(text.title(null));
  if (changes.previous_run === null) {
    sheet.push([text.firstRun]);
    return;
  }
  if (!hasChanges(changes)) {
    sheet.push([text.none]);
    return;
  }
  sheet.push([text.counts(changes.status_changes.length, changes.flags_added.length, changes.flags_removed.length, changes.index_changes.length, changes.newly_overdue.length)]);
  const names = new Map(result.schools.map((s) => [s.school.id, s.school.name]));
  const bySchool = changesBySchool(changes);
  const order = [...result.schools.map((s) => s.school.id).filter((id) => bySchool.has(id)), ...[...bySchool.keys()].filter((id) => !names.has(id))];
  if (order.length > 0) sheet.table([...text.schoolsHeader], order.map((id) => [names.get(id) ?? id, id, bySchool.get(id)!.join("; ")]));
  if (changes.newly_overdue.length > 0) {
    sheet.push([text.overdueTitle]);
    sheet.table([...text.overdueHeader], changes.newly_overdue.map((e) => [e.sheet, e.row, e.event]));
  }
}
