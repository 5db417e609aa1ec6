/**
 * The «Исполнение ДК» report sheet (workbook.md §4): every event with its parsed due date,
 * status and overdue days, then the execution tables per section and per responsible.
 */
import { pct, ruDate } from "../i18n/format";
import { isoToSerial } from "../parse/date";
import { BODY_STYLE, COUNT_FORMAT, HEADER_STYLE, NOTE_STYLE, SHARE_FORMAT, SheetBuilder, SUBTITLE_STYLE, TITLE_STYLE, type Cell } from "../report/builder";
import type { CellStyle, ReportSheet } from "../report/model";
import type { Settings } from "../settings/types";
import { hasSingleYear } from "./effect";
import type { ReportLookup } from "./highlight";
import { EFFECT_TEXT, REPORT_TEXT, ROADMAP_REPORT_SHEET, STATUS_LABELS, VERDICT_LABELS } from "./messages";
import type { Execution, ExecutionFigures, RoadmapEvent, RoadmapStatus } from "./types";


/** Column order of the event table (REPORT_TEXT.eventColumns); widths in characters, narrow
 *  enough for landscape A4 (text wraps; the report gets row heights for it). */
const COLUMN_WIDTHS = [6, 18, 40, 14, 12, 18, 24, 12, 16, 11, 12, 11, 10, 10, 10, 14, 24, 14];
const COLS = COLUMN_WIDTHS.length;
const DUE_COL = 4;
const DONE_DATE_COL = 7;
const STATUS_COL = 8;
const OVERDUE_COL = 9;
const VALUE_T1_COL = 12;
const DELTA_COL = 14;
const VERDICT_COL = 15;
/** The row key of each event, looked up by the highlight rule (highlight.ts). */
const KEY_COL = COLS - 1;
/** Two banners and the column header come first: the event lines start on this row. */
const FIRST_EVENT_ROW = 3;
/** The execution tables put their label in A:C (merged) and their figures from D on. */
const EXEC_LABEL_LAST_COL = 2;
const EXEC_FIRST_FIGURE_COL = 3;

const DATE_FORMAT = "dd.mm.yyyy";
const DELTA_FORMAT = "+0.0;-0.0;0.0";

/** Status fills: green done, amber late or soon, red overdue, blue in work, grey without a
 *  due date, orange for a deadline that needs a person's look. */
export const STATUS_FILLS: Record<RoadmapStatus, string> = {
  done_on_time: "#C6EFCE",
  done: "#C6EFCE",
  continuous_done: "#E2EFDA",
  done_late: "#FCE4D6",
  overdue: "#FFC7CE",
  due_soon: "#FFEB9C",
  in_progress: "#DDEBF7",
  continuous: "#EDEDED",
  unparsed: "#F8CBAD",
};

const VERDICT_FILLS: Record<"positive" | "negative", string> = { positive: "#C6EFCE", negative: "#FFC7CE" };
const KEY_STYLE: CellStyle = { fontColor: "#808080", wrap: false };

const TOTAL_STYLE: CellStyle = { bold: true };

/** The indicator change beside the event: t−1, t, Δ, verdict («нет данных» for a missing value). */
function effectCells(e: RoadmapEvent): Cell[] {
  const x = e.effect;
  if (!x) return [null, null, null, null];
  // Block S and R7 have no single-year values: the note says so, the cells stay blank.
  if (!hasSingleYear(x.indicator)) return [null, null, null, null];
  const value = (v: number | null) => (v === null ? REPORT_TEXT.noData : v);
  return [value(x.valueT1), value(x.valueT), x.delta, x.verdict === null ? null : VERDICT_LABELS[x.verdict]];
}

function eventRow(e: RoadmapEvent): Cell[] {
  const note = [e.warning, e.effect?.note ?? null].filter((x) => x !== null).join("; ");
  return [
    e.number,
    e.section,
    e.event,
    e.dueText === "" ? null : e.dueText,
    e.due === null ? null : isoToSerial(e.due),
    e.responsible,
    e.actual,
    e.doneDate === null ? null : isoToSerial(e.doneDate),
    STATUS_LABELS[e.status],
    e.daysOverdue,
    e.schoolId,
    e.indicatorId ?? e.indicator,
    ...effectCells(e),
    note === "" ? null : note,
    e.rowKey,
  ];
}

/** Fills the status column in blocks of consecutive equal statuses (few blocks, fast). */
function statusFills(sheet: SheetBuilder, events: readonly RoadmapEvent[], firstRow: number): void {
  let start = 0;
  for (let i = 1; i <= events.length; i++) {
    if (i < events.length && events[i].status === events[start].status) continue;
    const range = { top: firstRow + start, left: STATUS_COL, bottom: firstRow + i - 1, right: STATUS_COL };
    sheet.style(range, { fill: STATUS_FILLS[events[start].status] });
    start = i;
  }
}

function verdictFills(sheet: SheetBuilder, events: readonly RoadmapEvent[], firstRow: number): void {
  events.forEach((e, i) => {
    const verdict = e.effect?.verdict;
    if (verdict === "positive" || verdict === "negative") sheet.style({ top: firstRow + i, left: VERDICT_COL, bottom: firstRow + i, right: VERDICT_COL }, { fill: VERDICT_FILLS[verdict] });
  });
}

function writeEvents(sheet: SheetBuilder, events: readonly RoadmapEvent[], reportYear: number): void {
  const header = sheet.push([...REPORT_TEXT.eventColumns(reportYear)]);
  sheet.style({ top: header, left: 0, bottom: header, right: COLS - 1 }, HEADER_STYLE);
  if (events.length === 0) {
    sheet.push([REPORT_TEXT.noEvents]);
    return;
  }
  const first = sheet.nextRow;
  // reportLookup() tells the highlight rule where the event lines are: keep them in step.
  if (first !== FIRST_EVENT_ROW) throw new Error(`«Исполнение ДК»: event lines start on row ${first}, not ${FIRST_EVENT_ROW}`);
  for (const e of events) sheet.push(eventRow(e));
  const last = sheet.nextRow - 1;
  sheet.style({ top: first, left: 0, bottom: last, right: COLS - 1 }, BODY_STYLE);
  sheet.format({ top: first, left: DUE_COL, bottom: last, right: DUE_COL }, DATE_FORMAT);
  sheet.format({ top: first, left: DONE_DATE_COL, bottom: last, right: DONE_DATE_COL }, DATE_FORMAT);
  sheet.format({ top: first, left: OVERDUE_COL, bottom: last, right: OVERDUE_COL }, COUNT_FORMAT);
  sheet.format({ top: first, left: VALUE_T1_COL, bottom: last, right: VALUE_T1_COL + 1 }, SHARE_FORMAT);
  sheet.format({ top: first, left: DELTA_COL, bottom: last, right: DELTA_COL }, DELTA_FORMAT);
  sheet.style({ top: first, left: KEY_COL, bottom: last, right: KEY_COL }, KEY_STYLE);
  statusFills(sheet, events, first);
  verdictFills(sheet, events, first);
}

function figureCells(f: ExecutionFigures): Cell[] {
  return [f.due_so_far, f.done, f.on_time, f.share_done ?? REPORT_TEXT.noData, f.share ?? REPORT_TEXT.noData];
}

/** A label in A:C (merged below) followed by the figures from column D. */
function executionRow(label: string, figures: Cell[]): Cell[] {
  return [label, null, null, ...figures];
}

/** One execution table: a subtitle, a header, a row per group and a «Всего» row. */
function writeExecutionTable(sheet: SheetBuilder, title: string, labelHeader: string, groups: Record<string, ExecutionFigures>, overall: ExecutionFigures): void {
  const entries = Object.entries(groups);
  if (entries.length === 0) return;
  const lastFigureCol = EXEC_FIRST_FIGURE_COL + REPORT_TEXT.executionColumns.length - 1;
  sheet.push([]);
  const titleRow = sheet.push([title]);
  sheet.style({ top: titleRow, left: 0, bottom: titleRow, right: lastFigureCol }, SUBTITLE_STYLE);
  const header = sheet.push(executionRow(labelHeader, [...REPORT_TEXT.executionColumns]));
  const first = sheet.nextRow;
  for (const [name, f] of entries) sheet.push(executionRow(name, figureCells(f)));
  const last = sheet.push(executionRow(REPORT_TEXT.total, figureCells(overall)));
  for (let r = header; r <= last; r++) sheet.merges.push({ top: r, left: 0, bottom: r, right: EXEC_LABEL_LAST_COL });
  sheet.style({ top: header, left: 0, bottom: header, right: lastFigureCol }, HEADER_STYLE);
  sheet.style({ top: first, left: 0, bottom: last, right: lastFigureCol }, BODY_STYLE);
  sheet.style({ top: last, left: 0, bottom: last, right: lastFigureCol }, TOTAL_STYLE);
  sheet.format({ top: first, left: EXEC_FIRST_FIGURE_COL, bottom: last, right: EXEC_FIRST_FIGURE_COL + 2 }, COUNT_FORMAT);
  sheet.format({ top: first, left: EXEC_FIRST_FIGURE_COL + 3, bottom: last, right: lastFigureCol }, SHARE_FORMAT);
}

/** What the report needs beyond the events: the years of the indicator columns and whether
 *  the workbook has school data at all (without it no change can be shown). */
export interface RoadmapReportContext {
  reportYear: number;
  hasSchoolData: boolean;
}

function summary(events: readonly RoadmapEvent[], execution: Execution, settings: Settings, context: RoadmapReportContext): string {
  const { overall } = execution;
  const text = overall.share === null ? REPORT_TEXT.summaryNothingDue(settings.dueSoonDays) : REPORT_TEXT.summary(overall.on_time, overall.due_so_far, pct(overall.share), settings.dueSoonDays);
  const namesIndicators = events.some((e) => e.indicator !== null);
  return namesIndicators && !context.hasSchoolData ? `${text} ${EFFECT_TEXT.noSchoolData}` : text;
}

/** Where the highlight rule finds each event's status and row key in this sheet. */
export function reportLookup(eventCount: number): ReportLookup | null {
  if (eventCount === 0) return null;
  return { sheet: ROADMAP_REPORT_SHEET, firstRow: FIRST_EVENT_ROW, lastRow: FIRST_EVENT_ROW + eventCount - 1, statusCol: STATUS_COL, keyCol: KEY_COL };
}

export function buildRoadmapReport(events: readonly RoadmapEvent[], execution: Execution, settings: Settings, context: RoadmapReportContext): ReportSheet {
  const sheet = new SheetBuilder(COLS);
  sheet.banner(REPORT_TEXT.title(ruDate(settings.reportDate)), TITLE_STYLE);
  sheet.banner(summary(events, execution, settings, context), NOTE_STYLE);
  const headerRow = sheet.nextRow;
  writeEvents(sheet, events, context.reportYear);
  writeExecutionTable(sheet, REPORT_TEXT.bySection, REPORT_TEXT.sectionColumn, execution.by_section, execution.overall);
  writeExecutionTable(sheet, REPORT_TEXT.byResponsible, REPORT_TEXT.responsibleColumn, execution.by_responsible, execution.overall);
  return {
    name: ROADMAP_REPORT_SHEET,
    values: sheet.values,
    columnWidths: [...COLUMN_WIDTHS],
    numberFormats: sheet.numberFormats,
    styles: sheet.styles,
    freezeRows: headerRow + 1,
    merges: sheet.merges,
    // 0-based, like every other row index of the report model: the column header row.
    print: { titleRows: [headerRow, headerRow], landscape: true },
  };
}
