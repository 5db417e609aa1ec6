/**
 * The two charts of «Сводка» (workbook.md §4): schools on ИНР × ИСН with the threshold lines
 * in force, and the statuses by year. Each chart is a block of cells to the right of the
 * summary's tables — title, axis titles, tick labels, legend with colour swatches — around
 * the plot; the data the charts refer to are written below the blocks.
 */
import { thresholds } from "../../classification/classify";
import { STATUS_ORDER, type Status } from "../../classification/types";
import type { SchoolResult } from "../../engine/calculate";
import type { EngineResult } from "../../engine/run";
import { chartText } from "../../i18n/charts";
import { STATUS_LABELS } from "../../i18n/ru";
import type { CellRange } from "../../sheet/snapshot";
import type { SheetBuilder } from "../builder";
import type { ChartSeries, ChartSpec } from "../model";
import { LINE_COLORS, STATUS_CHART_COLORS } from "./palette";

/** Column F: the chart blocks start here (A–D hold the summary's tables, E is a gap). */
export const CHART_FIRST_COL = 5;
/** The blocks' columns: one for the y tick labels, eleven for the plot. */
export const CHART_COLUMNS = 12;
/** Width of each chart column, in characters; the plot's cells must be of equal size. */
export const CHART_COLUMN_WIDTH = 8;
/** Height of each plot row, in points. */
export const PLOT_ROW_POINTS = 30;
/** Eleven ticks on the y axis (0 … 10 steps). */
const Y_TICKS = 11;
/** Picture pixels per screen pixel (sharper in print). */
const PICTURE_SCALE = 2;
/** Screen pixels of a column of CHART_COLUMN_WIDTH characters (Calibri 11: 7 px a character + 5). */
const COLUMN_PX = Math.round(CHART_COLUMN_WIDTH * 7 + 5);
const ROW_PX = (PLOT_ROW_POINTS * 96) / 72;

const TITLE = { bold: true, fontSize: 12 } as const;
const AXIS_TITLE = { italic: true } as const;
const TICK_Y = { horizontal: "right", fontColor: "#595959" } as const;
const TICK_X = { horizontal: "center", fontColor: "#595959" } as const;
const NOTE = { italic: true, wrap: true, vertical: "top" } as const;

const C0 = CHART_FIRST_COL;
const PLOT_LEFT = C0 + 1;
const LAST = C0 + CHART_COLUMNS - 1;

const range = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

/** The statuses plotted on ИНР × ИСН (a school needs both indices to be a point). */
const plotted = (s: SchoolResult) => s.lowResultsIndex.value !== null && s.socialRiskIndex.value !== null;

/** Columns per category and the step of the count axis of the statuses-by-year chart. */
function barLayout(years: number, maxCount: number): { perYear: number; step: number } {
  const perYear = Math.max(1, Math.floor((CHART_COLUMNS - 1) / Math.max(1, years)));
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000];
  const step = steps.find((s) => s * (Y_TICKS - 1) >= maxCount) ?? Math.ceil(maxCount / (Y_TICKS - 1));
  return { perYear, step };
}

/** Statuses per year: the multi-year timeline, or the report year alone. */
export function statusesByYear(result: EngineResult): { years: number[]; counts: Record<Status, number>[] } {
  const timeline = result.history.timeline;
  const zero = () => Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
  if (!timeline) {
    const c = zero();
    for (const s of result.schools) c[s.classification.status]++;
    return { years: [result.reportYear], counts: [c] };
  }
  const counts = timeline.years.map(() => zero());
  for (const list of timeline.bySchool.values()) list.forEach((y, i) => void (y && counts[i][y.status]++));
  return { years: timeline.years, counts };
}

/**
 * Writes both chart blocks from row `top` and their data below them; returns the charts and
 * the first row after everything written.
 */
export function addSummaryCharts(sheet: SheetBuilder, result: EngineResult, top: number): { charts: ChartSpec[]; bottom: number } {
  const t = thresholds(result.settings);
  const groups = STATUS_ORDER.map((status) => ({ status, schools: result.schools.filter((s) => s.classification.status === status && plotted(s)) }));
  const hidden = result.schools.filter((s) => !plotted(s)).length;
  const byYear = statusesByYear(result);
  const maxCount = Math.max(0, ...byYear.counts.flatMap((c) => STATUS_ORDER.map((s) => c[s])));
  const bars = barLayout(byYear.years.length, maxCount);
  const visibleGroups = groups.filter((g) => g.schools.length > 0);

  // Row plan: scatter block, gap, bar block, gap, data.
  const scatterTop = top;
  const scatterLegend = scatterTop + 3 + Y_TICKS + 1;
  const scatterBottom = scatterLegend + visibleGroups.length + 3 + 2; // statuses, 3 lines, note, «not shown»
  const barsTop = scatterBottom + 1;
  const barsLegend = barsTop + 3 + Y_TICKS + 1;
  const barsBottom = barsLegend + STATUS_ORDER.length + (byYear.years.length === 1 ? 1 : 0) - 1;
  const dataTop = barsBottom + 3;

  // --- Data (written first: the series refer to these cells) ---
  sheet.set(dataTop, C0, chartText.dataTitle);
  sheet.style(range(dataTop, C0), { bold: true });
  const barsHeader = dataTop + 1;
  sheet.set(barsHeader, C0, chartText.barsHeader);
  STATUS_ORDER.forEach((s, i) => sheet.set(barsHeader, C0 + 1 + i, STATUS_LABELS[s]));
  sheet.style(range(barsHeader, C0, barsHeader, C0 + STATUS_ORDER.length), { bold: true, wrap: true, vertical: "top", border: true, fill: "#D9E1F2" });
  byYear.years.forEach((y, i) => {
    sheet.set(barsHeader + 1 + i, C0, y);
    STATUS_ORDER.forEach((s, k) => sheet.set(barsHeader + 1 + i, C0 + 1 + k, byYear.counts[i][s]));
  });
  const barsFirst = barsHeader + 1;
  const barsLast = barsHeader + byYear.years.length;
  sheet.style(range(barsFirst, C0, barsLast, C0 + STATUS_ORDER.length), { border: true });

  const linesTitle = barsLast + 2;
  sheet.set(linesTitle, C0, chartText.linesTitle);
  sheet.style(range(linesTitle, C0), { bold: true });
  const lines: { key: keyof typeof chartText.lineNames; color: string; dash: boolean; pts: [number, number][] }[] = [
    { key: "lowResults", color: LINE_COLORS.lowResults, dash: false, pts: [[0, t.lowResults], [100, t.lowResults]] },
    { key: "adverse", color: LINE_COLORS.adverseContext, dash: false, pts: [[t.adverseContext, 0], [t.adverseContext, 100]] },
    { key: "resilient", color: LINE_COLORS.resilient, dash: true, pts: [[t.adverseContext, t.resilient], [100, t.resilient]] },
  ];
  let row = linesTitle + 1;
  const lineSeries: ChartSeries[] = [];
  for (const l of lines) {
    const first = row;
    for (const [x, y] of l.pts) {
      sheet.set(row, C0, x);
      sheet.set(row, C0 + 1, y);
      sheet.set(row, C0 + 2, chartText.lineNames[l.key]);
      row++;
    }
    lineSeries.push({ name: chartText.lineNames[l.key], color: l.color, x: range(first, C0, row - 1), y: range(first, C0 + 1, row - 1), line: l.dash ? "dash" : "solid" });
  }

  const scatterHeader = row + 1;
  chartText.scatterHeader.forEach((h, i) => sheet.set(scatterHeader, C0 + i, h));
  sheet.style(range(scatterHeader, C0, scatterHeader, C0 + 2), { bold: true });
  row = scatterHeader + 1;
  const pointSeries: ChartSeries[] = [];
  for (const g of visibleGroups) {
    sheet.set(row, C0, chartText.groupTitle(STATUS_LABELS[g.status], g.schools.length));
    sheet.style(range(row, C0), { bold: true });
    row++;
    const first = row;
    for (const s of g.schools) {
      sheet.set(row, C0, s.socialRiskIndex.value);
      sheet.set(row, C0 + 1, s.lowResultsIndex.value);
      sheet.set(row, C0 + 2, `${s.school.id} — ${s.school.name}`);
      row++;
    }
    sheet.format(range(first, C0, row - 1, C0 + 1), "0.0");
    pointSeries.push({ name: STATUS_LABELS[g.status], color: STATUS_CHART_COLORS[g.status], x: range(first, C0, row - 1), y: range(first, C0 + 1, row - 1) });
  }
  const bottom = row;

  // --- Scatter block ---
  const scatterPlot = range(scatterTop + 2, PLOT_LEFT, scatterTop + 1 + Y_TICKS, LAST);
  blockTitles(sheet, scatterTop, chartText.scatterTitle(result.reportYear), chartText.scatterY);
  for (let j = 0; j < Y_TICKS; j++) {
    const r = scatterPlot.bottom - j;
    sheet.set(r, C0, j * 10);
    sheet.style(range(r, C0), TICK_Y);
  }
  for (let i = 0; i < Y_TICKS; i++) sheet.set(scatterPlot.bottom + 1, PLOT_LEFT + i, i * 10);
  sheet.style(range(scatterPlot.bottom + 1, PLOT_LEFT, scatterPlot.bottom + 1, LAST), TICK_X);
  axisTitle(sheet, scatterPlot.bottom + 2, chartText.scatterX);
  fixPlotRows(sheet, scatterPlot);
  let legend = scatterLegend;
  for (const g of visibleGroups) legendItem(sheet, legend++, STATUS_CHART_COLORS[g.status], chartText.legendStatus(STATUS_LABELS[g.status], g.schools.length));
  legendItem(sheet, legend++, LINE_COLORS.lowResults, chartText.lineLowResults(t.lowResults));
  legendItem(sheet, legend++, LINE_COLORS.adverseContext, chartText.lineAdverse(t.adverseContext));
  legendItem(sheet, legend++, LINE_COLORS.resilient, chartText.lineResilient(t.resilient));
  note(sheet, legend++, chartText.quadrants);
  note(sheet, legend++, chartText.notShown(hidden));
  const scatter: ChartSpec = {
    name: "ШНОР_ИНР_ИСН",
    kind: "scatter",
    title: chartText.scatterTitle(result.reportYear),
    frame: range(scatterTop, C0, legend - 1, LAST),
    plot: scatterPlot,
    pixels: pixels(scatterPlot),
    x: { title: chartText.scatterX, min: 0, max: 100, step: 10 },
    y: { title: chartText.scatterY, min: 0, max: 100, step: 10 },
    series: [...lineSeries, ...pointSeries],
  };

  // --- Statuses by year ---
  const barsCols = byYear.years.length * bars.perYear;
  const barsPlot = range(barsTop + 2, PLOT_LEFT, barsTop + 1 + Y_TICKS, PLOT_LEFT + barsCols - 1);
  blockTitles(sheet, barsTop, chartText.barsTitle, chartText.barsY);
  for (let j = 0; j < Y_TICKS; j++) {
    const r = barsPlot.bottom - j;
    sheet.set(r, C0, j * bars.step);
    sheet.style(range(r, C0), TICK_Y);
  }
  const labelsRow = barsPlot.bottom + 1;
  byYear.years.forEach((y, i) => {
    const left = PLOT_LEFT + i * bars.perYear;
    sheet.set(labelsRow, left, y);
    if (bars.perYear > 1) sheet.merges.push(range(labelsRow, left, labelsRow, left + bars.perYear - 1));
  });
  sheet.style(range(labelsRow, PLOT_LEFT, labelsRow, PLOT_LEFT + barsCols - 1), TICK_X);
  axisTitle(sheet, labelsRow + 1, chartText.barsX);
  fixPlotRows(sheet, barsPlot);
  legend = barsLegend;
  for (const s of STATUS_ORDER) legendItem(sheet, legend++, STATUS_CHART_COLORS[s], STATUS_LABELS[s]);
  if (byYear.years.length === 1) note(sheet, legend++, chartText.barsOneYear);
  const barsSpec: ChartSpec = {
    name: "ШНОР_статусы_по_годам",
    kind: "column",
    title: chartText.barsTitle,
    frame: range(barsTop, C0, legend - 1, LAST),
    plot: barsPlot,
    pixels: pixels(barsPlot),
    x: { title: chartText.barsX, min: 0, max: byYear.years.length - 1, step: 1 },
    y: { title: chartText.barsY, min: 0, max: bars.step * (Y_TICKS - 1), step: bars.step },
    categories: range(barsFirst, C0, barsLast),
    series: STATUS_ORDER.map((s, k) => ({ name: STATUS_LABELS[s], color: STATUS_CHART_COLORS[s], y: range(barsFirst, C0 + 1 + k, barsLast) })),
  };
  return { charts: [scatter, barsSpec], bottom };
}

function pixels(plot: CellRange): { width: number; height: number } {
  return {
    width: Math.round((plot.right - plot.left + 1) * COLUMN_PX * PICTURE_SCALE),
    height: Math.round((plot.bottom - plot.top + 1) * ROW_PX * PICTURE_SCALE),
  };
}

function blockTitles(sheet: SheetBuilder, top: number, title: string, yTitle: string): void {
  sheet.set(top, C0, title);
  sheet.merges.push(range(top, C0, top, LAST));
  sheet.style(range(top, C0, top, LAST), TITLE);
  sheet.set(top + 1, C0, yTitle);
  sheet.merges.push(range(top + 1, C0, top + 1, LAST));
  sheet.style(range(top + 1, C0, top + 1, LAST), AXIS_TITLE);
}

function axisTitle(sheet: SheetBuilder, row: number, text: string): void {
  sheet.set(row, PLOT_LEFT, text);
  sheet.merges.push(range(row, PLOT_LEFT, row, LAST));
  sheet.style(range(row, PLOT_LEFT, row, LAST), { ...AXIS_TITLE, horizontal: "center" });
}

function fixPlotRows(sheet: SheetBuilder, plot: CellRange): void {
  for (let r = plot.top; r <= plot.bottom; r++) sheet.fixedHeights.set(r, PLOT_ROW_POINTS);
}

function legendItem(sheet: SheetBuilder, row: number, color: string, text: string): void {
  sheet.style(range(row, PLOT_LEFT), { fill: color, border: true });
  sheet.set(row, PLOT_LEFT + 1, text);
  sheet.merges.push(range(row, PLOT_LEFT + 1, row, LAST));
  sheet.style(range(row, PLOT_LEFT + 1, row, LAST), { wrap: true, vertical: "top" });
}

function note(sheet: SheetBuilder, row: number, text: string): void {
  sheet.set(row, PLOT_LEFT, text);
  sheet.merges.push(range(row, PLOT_LEFT, row, LAST));
  sheet.style(range(row, PLOT_LEFT, row, LAST), NOTE);
}
