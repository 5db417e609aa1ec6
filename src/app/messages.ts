import { countOf } from "../domain/i18n/format";
import { ru, STATUS_LABELS } from "../domain/i18n/ru";
import { hasChanges, type Changes } from "../domain/dynamics/changes";
import { changesBySchool } from "../domain/report/changes";
import type { ResultJson } from "../domain/engine/json";

/** Russian strings of the run itself (shared by the pane, the ribbon and the command line). */
export const appText = {
  busy: "Расчёт уже идёт — дождитесь его окончания.",
  cancelled: "Расчёт отменён; книга не изменена.",
  workerFailed: "Фоновый расчёт остановился с ошибкой; книга не изменена. Повторите расчёт.",
  collision: (names: string[]) =>
    `В книге уже есть лист${names.length > 1 ? "ы" : ""} ${names.map((n) => `«${n}»`).join(", ")}, созданны${names.length > 1 ? "е" : "й"} не надстройкой. ` +
    `Чтобы не испортить ваши данные, расчёт остановлен до записи. Переименуйте ${names.length > 1 ? "эти листы" : "этот лист"} и запустите расчёт снова.`,
  stages: { reading: "Чтение листов книги", computing: "Расчёт индикаторов", writing: "Запись отчётов", done: "Готово" } as Record<string, string>,
};

/** A short Russian summary of a run (stdout of the command line, the pane's header). */
export function summaryLines(json: ResultJson): string[] {
  const lines = [`Монитор ШНОР: отчётный год ${json.report_year}, дата отчёта ${json.report_date}`];
  if (json.schools.length > 0) {
    lines.push(`Школ: ${json.schools.length}`);
    for (const [code, label] of Object.entries(STATUS_LABELS)) {
      const n = json.status_counts[code] ?? 0;
      if (n > 0) lines.push(`  ${label}: ${n}`);
    }
  } else lines.push("Данных о школах нет — рассчитана только дорожная карта.");
  if (json.roadmap.length > 0) {
    const overdue = json.roadmap.filter((e) => e.status === "overdue").length;
    lines.push(`Дорожная карта: ${countOf(json.roadmap.length, "мероприятие", "мероприятия", "мероприятий")}, просрочено ${overdue}`);
  }
  lines.push(...changeLines(json.changes));
  lines.push(json.problems.length ? `Проблем в данных: ${json.problems.length} (подробно — на листе «Сводка»)` : "Проблем в данных не найдено");
  return lines;
}

/** At most this many changes are listed on the command line; the rest are on «Сводка». */
export const MAX_CHANGE_LINES = 10;

/** «Что изменилось» since the previous run, in a few lines. */
export function changeLines(changes: Changes): string[] {
  const text = ru.changes;
  if (changes.previous_run === null) return [text.cliFirstRun];
  if (!hasChanges(changes)) return [text.cliNone(changes.previous_run)];
  const items = [
    ...[...changesBySchool(changes)].map(([id, parts]) => `${id}: ${parts.join("; ")}`),
    ...changes.newly_overdue.map((e) => text.cliOverdue(e.sheet, e.row, e.event)),
  ];
  const shown = items.slice(0, MAX_CHANGE_LINES).map((line) => `  ${line}`);
  if (items.length > MAX_CHANGE_LINES) shown.push(`  ${text.cliMore(items.length - MAX_CHANGE_LINES)}`);
  return [
    text.cliTitle(changes.previous_run),
    `  ${text.counts(changes.status_changes.length, changes.flags_added.length, changes.flags_removed.length, changes.index_changes.length, changes.newly_overdue.length)}`,
    ...shown,
  ];
}
