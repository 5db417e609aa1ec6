import { countOf } from "../domain/i18n/format";
import { STATUS_LABELS } from "../domain/i18n/ru";
import type { ResultJson } from "../domain/engine/json";

/** Russian strings of the run itself (shared by the pane, the ribbon and the command line). */
export const appText = {
  busy: "Расчёт уже идёт — дождитесь его окончания.",
  cancelled: "Расчёт отменён; книга не изменена.",
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
  lines.push(json.problems.length ? `Проблем в данных: ${json.problems.length} (подробно — на листе «Сводка»)` : "Проблем в данных не найдено");
  return lines;
}
