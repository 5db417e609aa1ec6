/**
 * Every Russian string of the task pane, in one module. Words methodists use: ШНОР, ШНСУ,
 * ИНР, ИСН, «зона риска», «дорожная карта». Numbers are formatted by ./format (comma decimal).
 */
import type { TableKind } from "../domain/recognition/table";
import { plural } from "../domain/i18n/format";
import { formatInt } from "./format";

const q = (s: string) => `«${s}»`;
const count = (n: number, one: string, few: string, many: string) => `${formatInt(n)} ${plural(n, one, few, many)}`;

export const strings = {
  appTitle: "Монитор ШНОР",
  appSubtitle: "Школы с низкими образовательными результатами и в неблагоприятных социальных условиях",
  loading: "Загрузка…",

  preview: {
    banner: "Режим просмотра: книга открывается в этом браузере и никуда не отправляется. Результат можно скачать.",
    openFile: "Открыть файл .xlsx",
    openFileHint: "Выберите книгу мониторинга в формате .xlsx",
    fileInputLabel: "Файл книги мониторинга (.xlsx)",
    opening: (name: string) => `Открывается ${q(name)}…`,
    opened: (name: string) => `Открыта книга ${q(name)}`,
    noFile: "Сначала откройте файл .xlsx.",
    notXlsx: (name: string) => `Файл ${q(name)} не похож на книгу .xlsx. Откройте файл Excel в формате .xlsx (не .xls и не .csv).`,
    openFailed: (name: string, detail: string) => `Не удалось открыть ${q(name)}: ${detail}`,
    download: "Скачать результат",
    downloadHint: "Книга с листами отчётов",
    downloaded: (name: string) => `Файл ${q(name)} сохранён в папку загрузок`,
    resultName: (name: string) => `${name.replace(/\.xlsx$/i, "")}.shnor.xlsx`,
    selectSchool: (sheet: string, row: number) => `В просмотре выделить строку в Excel нельзя: школа на листе ${q(sheet)}, строка ${row}.`,
    selectCell: (sheet: string, cell: string) =>
      cell ? `В просмотре выделить ячейку в Excel нельзя: лист ${q(sheet)}, ячейка ${cell}.` : `В просмотре открыть лист в Excel нельзя: лист ${q(sheet)}.`,
    settings: "Параметры расчёта — на листе «Настройки» скачанной книги: измените их в Excel и откройте файл снова.",
  },

  tables: {
    heading: "Таблицы книги",
    refresh: "Обновить",
    refreshLabel: "Заново найти таблицы в книге",
    reading: "Поиск таблиц…",
    empty: "Откройте книгу, чтобы увидеть найденные таблицы.",
    found: (sheet: string, headerRow: number, rows: number) => `лист ${q(sheet)}, заголовок в строке ${formatInt(headerRow)}, ${count(rows, "строка", "строки", "строк")}`,
    missing: "не найдена",
    missingMale: "не найден",
    consequence: {
      registry: "школы будут взяты из других таблиц",
      results: "ИНР не рассчитывается",
      social: "ИСН не рассчитывается",
      scores: "необязательно; признак O3 не проверяется",
      roadmap: "исполнение дорожной карты не рассчитывается",
    } as Record<TableKind, string>,
    notRecognizedHeading: "Не распознаны",
    notRecognized: (sheet: string, message: string) => `${q(sheet)}: ${message}`,
    noSchoolData: "Нет ни результатов, ни социального паспорта — рассчитать статусы школ нельзя.",
  },

  run: {
    sectionLabel: "Расчёт",
    calculate: "Рассчитать",
    calculateHint: "Прочитать таблицы, рассчитать индикаторы и записать листы отчётов",
    cancel: "Отмена",
    cancelLabel: "Отменить расчёт",
    cancelling: "Отмена…",
    progressLabel: "Ход расчёта",
    starting: "Подготовка",
    done: "Расчёт завершён",
    failed: "Расчёт не выполнен",
    cancelledTitle: "Расчёт отменён",
    busyTitle: "Расчёт уже идёт",
    collisionTitle: "Расчёт остановлен",
    written: (names: string[]) => `Записаны листы: ${names.map(q).join(", ")}`,
  },

  summary: {
    heading: "Итоги расчёта",
    period: (year: number, date: string) => `Отчётный год ${year}, дата отчёта ${date}`,
    schools: (n: number) => `Школ: ${formatInt(n)}`,
    statusTable: "Школы по статусам",
    statusColumn: "Статус",
    countColumn: "Школ",
    noSchools: "Данных о школах нет — рассчитана только дорожная карта.",
    roadmap: (events: number, overdue: number) => `Дорожная карта: ${count(events, "мероприятие", "мероприятия", "мероприятий")}, просрочено ${formatInt(overdue)}`,
    noRoadmap: "Дорожная карта не найдена",
    problems: (n: number) => (n > 0 ? `Проблем в данных: ${formatInt(n)}` : "Проблем в данных не найдено"),
  },

  lists: {
    heading: "Списки школ",
    titles: {
      shnor: "Кандидаты в ШНОР",
      shnsu: "Кандидаты в ШНСУ",
      resilient: "Резильентные",
      risk: "Зона риска",
    } as Record<string, string>,
    header: (title: string, n: number) => `${title}: ${formatInt(n)}`,
    empty: "Школ нет",
    schoolLabel: (name: string) => `${name} — выделить строку школы в книге`,
    inr: "ИНР",
    isn: "ИСН",
    noData: "нет данных",
    reasons: "Основания",
    more: (shown: number, total: number) => `Показать ещё (показано ${formatInt(shown)} из ${formatInt(total)})`,
    note: "Списки кандидатов для анализа, а не официальный перечень.",
  },

  problems: {
    heading: "Проблемы в данных",
    none: "Проблем в данных не найдено",
    where: (sheet: string, cell: string) => (cell ? `${sheet}!${cell}` : sheet),
    cellLabel: (sheet: string, cell: string) => (cell ? `Перейти к ячейке ${cell} на листе ${q(sheet)}` : `Перейти на лист ${q(sheet)}`),
    more: (shown: number, total: number) => `Показать ещё (показано ${formatInt(shown)} из ${formatInt(total)})`,
  },

  actions: {
    heading: "Действия",
    removeHighlights: "Снять подсветку",
    removeHighlightsHint: "Убрать цветовую подсветку статусов с листов книги; данные не меняются",
    highlightsRemoved: "Подсветка снята.",
    openSettings: "Открыть настройки",
    openSettingsHint: "Перейти на лист «Настройки» с параметрами расчёта",
    noSettings: "Листа «Настройки» ещё нет: он появится после первого расчёта со значениями по умолчанию.",
  },

  errors: {
    title: "Ошибка",
    generic: (detail: string) => `Не удалось выполнить действие: ${detail}`,
    unknown: "Неизвестная ошибка. Сохраните книгу и повторите; если ошибка повторится, сообщите разработчикам.",
    dismiss: "Закрыть сообщение",
    schoolNotFound: "Строка этой школы не найдена: пересчитайте, чтобы обновить ссылки.",
  },
} as const;
