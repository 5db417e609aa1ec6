/**
 * Roadmap rows → events with parsed deadlines and statuses (methodology.md §7).
 */
import { parseDateCell } from "../parse/date";
import type { ProblemLog } from "../problems";
import type { RecognizedTable, TableRow } from "../recognition/table";
import type { Settings } from "../settings/types";
import { cellAddress } from "../sheet/address";
import type { CellRange, CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { type DeadlineContext, deadlineText, parseDeadline } from "./deadline";
import { isFact } from "./fact";
import { rowKey } from "./highlight";
import {
  WARNING_NO_DEADLINE,
  WARNING_UNPARSED,
  badDoneDateProblem,
  missingDeadlineProblem,
  missingEventProblem,
  unparsedDeadlineProblem,
} from "./messages";
import { classifyRow, isColumnNumbering } from "./rows";
import { eventStatus } from "./status";
import type { RoadmapEvent } from "./types";

/** Reads the cells of one row by field id ("" when the table has no such column). */
class RowReader {
  /** The merged area holding this row's event cell, if any: the other columns it covers
   *  repeat the event text and are not values of their own fields. */
  private readonly eventMerge: CellRange | undefined;

  constructor(
    private readonly table: RecognizedTable,
    readonly row: TableRow,
  ) {
    const eventCol = table.columns.event;
    this.eventMerge = table.merges.find((m) => m.top <= row.row && row.row <= m.bottom && m.left <= eventCol && eventCol <= m.right);
  }

  get sheet(): string {
    return this.table.sheet;
  }

  value(field: string): CellValue {
    const col = this.table.columns[field];
    if (col === undefined) return "";
    const m = this.eventMerge;
    if (field !== "event" && m && m.left <= col && col <= m.right) return "";
    return this.row.cells[col] ?? "";
  }

  /** Trimmed text, or null when blank. */
  text(field: string): string | null {
    const text = cellText(this.value(field));
    return text === "" ? null : text;
  }

  address(field: string): string {
    return cellAddress(this.row.row, this.table.columns[field] ?? 0);
  }

  /** The cell's address, or null when the table has no such column. */
  addressOf(field: string): string | null {
    return this.table.columns[field] === undefined ? null : this.address(field);
  }

  get key(): string {
    return rowKey(this.table, this.row);
  }
}

/** «2.1.» → «2.1»: the final dot is punctuation, not part of the number. */
function eventNumber(reader: RowReader): string | null {
  const text = reader.text("number");
  return text === null ? null : text.replace(/\.+$/, "") || null;
}

/** School codes as the tables read them: a number (an ИНН typed as a number) is its digits. */
function schoolCode(value: CellValue): string | null {
  const text = typeof value === "number" ? String(Math.round(value)) : cellText(value);
  return text === "" ? null : text;
}

/** The completion date, or null; text that is not a date (and not a «no value» mark) is
 *  reported and ignored. */
function doneDate(reader: RowReader, problems: ProblemLog): string | null {
  const value = reader.value("done_date");
  if (!isFact(value)) return null;
  const iso = parseDateCell(value);
  if (iso === null) problems.add(reader.sheet, reader.address("done_date"), badDoneDateProblem(cellText(value)));
  return iso;
}

function readEvent(reader: RowReader, section: string | null, ctx: DeadlineContext & { dueSoonDays: number }, problems: ProblemLog): RoadmapEvent {
  const dueValue = reader.value("due");
  const deadline = parseDeadline(dueValue, ctx);
  const dueText = deadlineText(dueValue);
  const dueCell = reader.address("due");
  let warning: string | null = null;
  if (deadline.kind === "unparsed") {
    warning = dueText === "" ? WARNING_NO_DEADLINE : WARNING_UNPARSED;
    problems.add(reader.sheet, dueCell, dueText === "" ? missingDeadlineProblem() : unparsedDeadlineProblem(dueText));
  }
  const actualValue = reader.value("actual");
  const done = doneDate(reader, problems);
  // A completion date with an empty «Фактический результат» still records that the event
  // was done; an explicit «нет» / «не выполнено» wins over the date.
  const fact = isFact(actualValue) || (cellText(actualValue) === "" && done !== null);
  const { status, daysOverdue, dueSoFar } = eventStatus({ dueKind: deadline.kind, due: deadline.due, fact, doneDate: done }, ctx.reportDate, ctx.dueSoonDays);
  return {
    sheet: reader.sheet,
    row: reader.row.row + 1,
    dueCell,
    number: eventNumber(reader),
    // A «Раздел» column value beats the section row above.
    section: reader.text("section") ?? section,
    event: reader.text("event") ?? "",
    dueText,
    dueKind: deadline.kind,
    dueForm: deadline.form,
    due: deadline.due,
    responsible: reader.text("responsible"),
    expected: reader.text("expected"),
    actual: reader.text("actual"),
    fact,
    doneDate: done,
    schoolId: schoolCode(reader.value("school_id")),
    indicator: reader.text("indicator"),
    schoolCell: reader.addressOf("school_id"),
    indicatorCell: reader.addressOf("indicator"),
    indicatorId: null,
    effect: null,
    rowKey: reader.key,
    status,
    daysOverdue,
    warning,
    dueSoFar,
  };
}

/**
 * Reads a recognised roadmap table. The roadmap year is `settings.roadmapYear`, else the
 * report year. Section rows set the section of the events below them; continuation rows
 * extend the event above; a column-numbering row before the first event is skipped; rows
 * without an event are reported and skipped. Indicators are linked later (effect.ts),
 * once the schools are computed.
 */
export function readRoadmap(table: RecognizedTable, settings: Settings, reportYear: number, problems: ProblemLog): RoadmapEvent[] {
  const ctx = { roadmapYear: settings.roadmapYear ?? reportYear, reportDate: settings.reportDate, dueSoonDays: settings.dueSoonDays };
  const events: RoadmapEvent[] = [];
  let section: string | null = null;
  let last: RoadmapEvent | null = null;
  for (const row of table.rows) {
    if (events.length === 0 && section === null && isColumnNumbering(row, table.merges)) continue;
    const kind = classifyRow(row, table, last !== null);
    const reader = new RowReader(table, row);
    switch (kind.kind) {
      case "section":
        section = kind.title;
        last = null;
        break;
      case "continuation":
        last!.event = last!.event === "" ? kind.text : `${last!.event} ${kind.text}`;
        break;
      case "event":
        last = readEvent(reader, section, ctx, problems);
        events.push(last);
        break;
      case "covered":
        break;
      case "skip":
        if (row.cells.some((v) => cellText(v) !== "")) problems.add(table.sheet, reader.address("event"), missingEventProblem());
        last = null;
        break;
    }
  }
  return events;
}
