/**
 * Russian strings of the roadmap domain (to be merged into the project's single strings
 * module). Functions build sentences that carry values.
 */
import { clip } from "../i18n/format";
import type { RoadmapStatus } from "./types";

export const ROADMAP_REPORT_SHEET = "Исполнение ДК";

export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  done_on_time: "выполнено в срок",
  done_late: "выполнено с нарушением срока",
  done: "выполнено",
  overdue: "просрочено",
  due_soon: "срок подходит",
  in_progress: "в работе",
  continuous: "постоянно",
  continuous_done: "выполняется",
  unparsed: "срок не распознан",
};

export const WARNING_UNPARSED = "срок не распознан";
export const WARNING_NO_DEADLINE = "срок не указан";

/** The problem for a deadline that matches no form (wording fixed by the conformance file). */
export function unparsedDeadlineProblem(text: string): string {
  return `«${clip(text)}» — срок не распознан`;
}

export function missingDeadlineProblem(): string {
  return "срок не указан — ожидалась дата или срок вида «май», «до 31 мая», «ежегодно»; мероприятие показано со статусом «срок не распознан»";
}

export function badDoneDateProblem(text: string): string {
  return `«${clip(text)}» в столбце «Дата выполнения» — ожидалась дата; дата выполнения не учтена`;
}

export function missingEventProblem(): string {
  return "в столбце «Мероприятие» пусто — ожидалось название мероприятия; строка пропущена";
}

export function unknownIndicatorProblem(text: string): string {
  return `показатель «${clip(text)}» не найден — ожидался код из методики (R1–R6, R3a, R3b, R4.rus5 и т. п., S1–S14); изменение показателя не показано`;
}

export function unknownSchoolProblem(code: string): string {
  return `школа с кодом «${clip(code)}» не найдена в таблицах книги — ожидался код ОО из реестра; изменение показателя не показано`;
}

/** Verdicts of the indicator change (methodology.md §6). */
export const VERDICT_LABELS: Record<"positive" | "negative" | "stable", string> = {
  positive: "положительная динамика",
  negative: "отрицательная динамика",
  stable: "стабильно",
};

export const EFFECT_TEXT = {
  allSchools: "по всем школам книги (школа не указана)",
  noData: (year: number) => `нет данных за ${year}`,
  smallSample: (year: number, n: number, min: number) => `${year}: малая выборка (${n} < ${min}), изменение не оценивается`,
  noVerdictRule: (id: string) => `для ${id} вывод о динамике методикой не предусмотрен`,
  notResults: (id: string) => `изменение ${id} не показывается: оно считается только для показателей результатов (R1–R6)`,
  noSchoolData: "Изменения показателей не показаны: в книге нет результатов оценочных процедур и социального паспорта.",
} as const;

export const REPORT_TEXT = {
  title: (date: string) => `Исполнение дорожной карты на ${date}`,
  summary: (onTime: number, due: number, share: string, soonDays: number) =>
    `Выполнено в срок ${onTime} из ${due} мероприятий, срок которых наступил (${share}). «Срок подходит» — в ближайшие ${soonDays} дн.`,
  summaryNothingDue: (soonDays: number) =>
    `Срок ни одного мероприятия ещё не наступил. «Срок подходит» — в ближайшие ${soonDays} дн.`,
  noData: "нет данных",
  eventColumns: (t: number) => [
    "№",
    "Раздел",
    "Мероприятие",
    "Срок (как в карте)",
    "Срок",
    "Ответственный",
    "Фактический результат",
    "Дата выполнения",
    "Статус",
    "Просрочено, дней",
    "Школа",
    "Показатель",
    `Значение ${t - 1}, %`,
    `Значение ${t}, %`,
    "Изменение, п.п.",
    "Динамика",
    "Примечание",
    "Ключ строки (для подсветки)",
  ],
  bySection: "Исполнение по разделам",
  byResponsible: "Исполнение по ответственным",
  sectionColumn: "Раздел",
  responsibleColumn: "Ответственный",
  executionColumns: ["Срок наступил", "Выполнено", "Выполнено в срок", "Выполнено, %", "Исполнение в срок, %"],
  total: "Всего",
  noEvents: "Мероприятия дорожной карты не найдены.",
} as const;
