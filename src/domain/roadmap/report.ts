/**
 * The «Исполнение ДК» report sheet (workbook.md §4): every event with its parsed due date,
 * status and overdue days, then the execution tables per section and per responsible.
 */
import { pct, ruDate } from "../i18n/format";
import { isoToSerial } from "../parse/date";
import type { CellStyle, ReportSheet } from "../report/model";
import type { Settings } from "../settings/types";
import type { CellRange, CellValue } from "../sheet/snapshot";
import { REPORT_TEXT, ROADMAP_REPORT_SHEET, STATUS_LABELS } from "./messages";
import type { Execution, ExecutionFigures, RoadmapEvent, RoadmapStatus } from "./types";

type Cell = CellValue | null;

/** Column order of the event table; widths in characters. */
const COLUMN_WIDTHS = [6, 24, 50, 18, 12, 24, 30, 12, 22, 11, 12, 11, 20];
const COLS = COLUMN_WIDTHS.length;
const DUE_COL = 4;
const DONE_DATE_COL = 7;
const STATUS_COL = 8;
const OVERDUE_COL = 9;
/** The execution tables put their label in A:C (merged) and their figures from D on. */
const EXEC_LABEL_LAST_COL = 2;
const EXEC_FIRST_FIGURE_COL = 3;

const DATE_FORMAT = "dd.mm.yyyy";
const COUNT_FORMAT = "0";
const SHARE_FORMAT = "0.0";

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

const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14 };
const NOTE_STYLE: CellStyle = { italic: true };
const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2", border: true, wrap: true, horizontal: "center", vertical: "middle" };
const BODY_STYLE: CellStyle = { border: true, wrap: true, vertical: "top" };
const SUBTITLE_STYLE: CellStyle = { bold: true, fontSize: 12 };
const TOTAL_STYLE: CellStyle = { bold: true };

/** Accumulates rows and their formatting; every row is padded to the full width. */
class SheetBuilder {
  readonly values: Cell[][] = [];
  readonly numberFormats: ReportSheet["numberFormats"] = [];
  readonly styles: ReportSheet["styles"] = [];
  readonly merges: CellRange[] = [];

  get nextRow(): number {
    return this.values.length;
  }

  push(cells: Cell[]): number {
    const row = cells.slice(0, COLS);
    while (row.length < COLS) row.push(null);
    this.values.push(row);
    return this.values.length - 1;
  }

  style(range: CellRange, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  format(range: CellRange, format: string): void {
    this.numberFormats.push({ range, format });
  }

  /** A line of text across the whole width. */
  banner(text: string, style: CellStyle): number {
    const row = this.push([text]);
    this.merges.push({ top: row, left: 0, bottom: row, right: COLS - 1 });
    this.style({ top: row, left: 0, bottom: row, right: COLS - 1 }, style);
    return row;
  }
}

function eventRow(e: RoadmapEvent): Cell[] {
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
    e.indicator,
    e.warning,
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

function writeEvents(sheet: SheetBuilder, events: readonly RoadmapEvent[]): void {
  const header = sheet.push([...REPORT_TEXT.eventColumns]);
  sheet.style({ top: header, left: 0, bottom: header, right: COLS - 1 }, HEADER_STYLE);
  if (events.length === 0) {
    sheet.push([REPORT_TEXT.noEvents]);
    return;
  }
  const first = sheet.nextRow;
  for (const e of events) sheet.push(eventRow(e));
  const last = sheet.nextRow - 1;
  sheet.style({ top: first, left: 0, bottom: last, right: COLS - 1 }, BODY_STYLE);
  sheet.format({ top: first, left: DUE_COL, bottom: last, right: DUE_COL }, DATE_FORMAT);
  sheet.format({ top: first, left: DONE_DATE_COL, bottom: last, right: DONE_DATE_COL }, DATE_FORMAT);
  sheet.format({ top: first, left: OVERDUE_COL, bottom: last, right: OVERDUE_COL }, COUNT_FORMAT);
  statusFills(sheet, events, first);
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

function summary(execution: Execution, settings: Settings): string {
  const { overall } = execution;
  if (overall.share === null) return REPORT_TEXT.summaryNothingDue(settings.dueSoonDays);
  return REPORT_TEXT.summary(overall.on_time, overall.due_so_far, pct(overall.share), settings.dueSoonDays);
}

export function buildRoadmapReport(events: readonly RoadmapEvent[], execution: Execution, settings: Settings): ReportSheet {
  const sheet = new SheetBuilder();
  sheet.banner(REPORT_TEXT.title(ruDate(settings.reportDate)), TITLE_STYLE);
  sheet.banner(summary(execution, settings), NOTE_STYLE);
  const headerRow = sheet.nextRow;
  writeEvents(sheet, events);
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
