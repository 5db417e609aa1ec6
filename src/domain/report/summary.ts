import { STATUS_ORDER } from "../classification/types";
import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS, STATUS_LABELS, tableName } from "../i18n/ru";
import { ruDate } from "../i18n/format";
import { STATUS_LABELS as ROADMAP_LABELS } from "../roadmap/messages";
import { changesSection } from "./changes";
import { addSummaryCharts, CHART_COLUMN_WIDTH, CHART_COLUMNS, CHART_FIRST_COL } from "./charts/summary-charts";
import { NOTE_STYLE, SHARE_FORMAT, SheetBuilder, SUBTITLE_STYLE, TITLE_STYLE, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { printSetup } from "./print";

/** The summary's tables take A–D; with school data the charts take F onwards (charts/). */
export const SUMMARY_COLUMNS = 4;
const WIDTHS = [34, 14, 90, 14];

/** «Сводка»: the run at a glance — statuses, roadmap, tables used, data problems, charts. */
export function buildSummarySheet(result: EngineResult): ReportSheet {
  const withCharts = result.schools.length > 0;
  const width = withCharts ? CHART_FIRST_COL + CHART_COLUMNS : SUMMARY_COLUMNS;
  const sheet = new SheetBuilder(width);
  sheet.banner(`Монитор ШНОР — сводка расчёта за ${result.reportYear} год`, TITLE_STYLE);
  sheet.banner(`Дата отчёта ${ruDate(result.settings.reportDate)}. Списки — кандидаты для анализа, а не официальный перечень.`, NOTE_STYLE);
  if (result.schools.length > 0) {
    section(sheet, "Статусы школ");
    sheet.table(["Статус", "Школ"], STATUS_ORDER.map((st) => [STATUS_LABELS[st], result.schools.filter((s) => s.classification.status === st).length]));
    sheet.push(["Всего школ", result.schools.length]);
  }
  if (result.execution) {
    section(sheet, "Дорожная карта");
    const counts = new Map<string, number>();
    for (const e of result.roadmap) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
    sheet.table(["Статус мероприятия", "Мероприятий"], [...counts].map(([st, n]) => [ROADMAP_LABELS[st as keyof typeof ROADMAP_LABELS], n]));
    const o = result.execution.overall;
    const row = sheet.push(["Исполнено в срок, % от наступивших сроков", o.share ?? "нет данных"]);
    sheet.format({ top: row, left: 1, bottom: row, right: 1 }, SHARE_FORMAT);
    sheet.style({ top: row, left: 0, bottom: row, right: 0 }, { wrap: true, vertical: "top" });
  }
  changesSection(sheet, result, (title) => section(sheet, title));
  section(sheet, "Использованные таблицы");
  sheet.table(["Лист", "Таблица", "Строка заголовка", "Строк данных"], result.tables.map((t): Cell[] => [t.sheet, tableName(t.kind), t.header_row, t.rows]));
  section(sheet, `Проблемы в данных: ${result.problems.length}`);
  if (result.problems.length > 0) sheet.table(["Лист", "Ячейка", "Что найдено и что сделано"], result.problems.map((p) => [p.sheet, p.cell, p.message]));
  else sheet.push(["Проблем не найдено"]);
  for (const note of result.notes) sheet.push([note]);
  // Beside the tables, from the row under the banners.
  const charts = withCharts ? addSummaryCharts(sheet, result, 2).charts : [];
  const widths = withCharts ? [...WIDTHS, 2, ...Array<number>(CHART_COLUMNS).fill(CHART_COLUMN_WIDTH)] : WIDTHS;
  return sheet.build(REPORT_SHEETS.summary, widths, {
    print: printSetup(result, { titleRows: [0, 0], landscape: true }),
    ...(charts.length > 0 ? { charts } : {}),
  });
}

function section(sheet: SheetBuilder, title: string): void {
  sheet.push([]);
  const row = sheet.push([title]);
  sheet.style({ top: row, left: 0, bottom: row, right: SUMMARY_COLUMNS - 1 }, SUBTITLE_STYLE);
}
