/**
 * The removable highlight of overdue events in the user's roadmap sheet (workbook.md §5).
 *
 * Conditional formatting cannot see the statuses the run computed, so the rule looks them
 * up in the owned «Исполнение ДК» sheet. How a user row finds its line there:
 *
 * - Not by row number (ROW() against a «Строка» column): the first sorted column or
 *   inserted event would shift every highlight onto the wrong rows until the next run.
 * - By a **row key** made of the row's own cells: «№», «Мероприятие», «Срок», «Фактический
 *   результат», «Дата выполнения» (those the table has), exactly as typed. The report keeps
 *   each event's key in its last column, and the rule is true when some report line with
 *   this key has the status «просрочено». A key travels with its row when the user sorts,
 *   inserts or deletes rows; when the user edits the row (types a fact, moves the deadline)
 *   the key no longer matches and the highlight goes away — the status of an edited row is
 *   unknown until the next run, and a stale «просрочено» would be wrong.
 * - The key holds every cell the status depends on (deadline, fact, completion date; the
 *   report date and roadmap year are the same for the whole run), so two rows with the same
 *   key always have the same status: a duplicate key can never light up a wrong row.
 *
 * The comparison is SUMPRODUCT over the report's event lines with `=`: exact, no wildcards
 * and no 255-character limit (MATCH and COUNTIF have both). Each cell enters the key through
 * `part()` below, in Excel and in the domain alike: TRUE/FALSE → "1"/"0" (their text is
 * localised), a number → its text with «.» for the decimal separator (Excel writes «2,1» in a
 * Russian locale), commas in text → «.» too, so both sides agree in every locale.
 * Only the first row of an event is highlighted; its continuation rows carry no deadline.
 */
import { cellAddress, columnLetter } from "../sheet/address";
import type { CellRange, CellValue } from "../sheet/snapshot";
import type { RecognizedTable, TableRow } from "../recognition/table";

/** The cells of a row that make its key, in this order (absent columns are left out). */
export const ROW_KEY_FIELDS = ["number", "event", "due", "actual", "done_date"] as const;

const SEPARATOR = "|";

/** The value a cell shows to a formula: "" for the cells a merge covers (only its top-left
 *  cell holds the value), unlike recognition's filled rows. */
function ownValue(row: TableRow, col: number, merges: readonly CellRange[]): CellValue {
  const covered = merges.some((m) => m.top <= row.row && row.row <= m.bottom && m.left <= col && col <= m.right && (m.top !== row.row || m.left !== col));
  return covered ? "" : row.cells[col] ?? "";
}

/** One cell's part of the key, the way `partFormula` computes it in Excel. */
export function keyPart(value: CellValue): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  // Excel turns a number into text with up to 15 significant digits.
  const text = typeof value === "number" ? String(Number(value.toPrecision(15))) : value;
  return text.replace(/,/g, ".");
}

function partFormula(ref: string): string {
  return `IF(ISLOGICAL(${ref}),IF(${ref},"1","0"),SUBSTITUTE(${ref}&"",",","."))`;
}

function keyColumns(columns: Record<string, number>): number[] {
  return ROW_KEY_FIELDS.filter((f) => columns[f] !== undefined).map((f) => columns[f]);
}

/** The key of a table row, from its cells as the user's sheet holds them. */
export function rowKey(table: Pick<RecognizedTable, "columns" | "merges">, row: TableRow): string {
  return keyColumns(table.columns)
    .map((col) => keyPart(ownValue(row, col, table.merges)))
    .join(SEPARATOR);
}

/** The same key as an Excel expression for the row `row` (0-based) of a conditional-format
 *  range: columns absolute, the row relative, so each row of the range computes its own. */
export function rowKeyFormula(columns: Record<string, number>, row: number): string {
  return keyColumns(columns)
    .map((col) => partFormula(`$${columnLetter(col)}${row + 1}`))
    .join(`&"${SEPARATOR}"&`);
}

/** Where the report keeps what the rule looks up: its event lines, the status and key columns. */
export interface ReportLookup {
  sheet: string;
  /** 0-based rows of the report's event lines. */
  firstRow: number;
  lastRow: number;
  statusCol: number;
  keyCol: number;
}

/** Excel text literal. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** True for a row whose key is on a report line with status `statusLabel`. */
export function overdueRuleFormula(columns: Record<string, number>, firstRow: number, report: ReportLookup, statusLabel: string): string {
  const sheet = `'${report.sheet.replace(/'/g, "''")}'`;
  const area = (col: number) => `${sheet}!$${columnLetter(col)}$${report.firstRow + 1}:$${columnLetter(col)}$${report.lastRow + 1}`;
  return `SUMPRODUCT((${area(report.keyCol)}=${rowKeyFormula(columns, firstRow)})*(${area(report.statusCol)}=${literal(statusLabel)}))>0`;
}

/** A1 range "A5:F40". */
export function rangeA1(r: CellRange): string {
  return `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
}
