/**
 * What a roadmap row is (Appendix B, end): a section title, the continuation of the event
 * above, or an event. Merged areas matter: recognition fills every cell of a merge with its
 * value, so a title merged across the width would otherwise look like a row whose every
 * column (the deadline included) is filled.
 */
import type { RecognizedTable, TableRow } from "../recognition/table";
import type { CellRange, CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";

export type RowKind =
  | { kind: "section"; title: string }
  | { kind: "continuation"; text: string }
  | { kind: "event" }
  /** Every non-blank cell belongs to a merge that starts on a row above (a two-row title
   *  or event): nothing new is written here. */
  | { kind: "covered" }
  | { kind: "skip" };

/** A cell as typed: its column, value, and the merged area it heads (if any). */
interface OwnCell {
  col: number;
  value: CellValue;
  merge: CellRange | null;
}

/** Section rows need a merge at least this wide, unless their text says «Раздел» etc. */
const SECTION_MIN_MERGE_WIDTH = 3;
/** «Раздел 2», «Подпрограмма 1», «2. Методическое …», «II. Методическое …». */
const SECTION_START = /^(?:(?:раздел|подпрограмма)(?![а-яё])|(?:\d+|[ivxlc]+)\.\s)/i;

/**
 * The non-blank cells a person typed in this row: a merged area counts once, at its
 * top-left cell, so the cells a merge only covers (to the right or below) are left out.
 */
export function ownCells(row: TableRow, merges: readonly CellRange[]): OwnCell[] {
  const here = merges.filter((m) => m.top <= row.row && row.row <= m.bottom);
  const cells: OwnCell[] = [];
  row.cells.forEach((value, col) => {
    if (cellText(value) === "") return;
    const merge = here.find((m) => m.left <= col && col <= m.right) ?? null;
    if (merge && (merge.top !== row.row || merge.left !== col)) return;
    cells.push({ col, value, merge });
  });
  return cells;
}

function isSectionTitle(cell: OwnCell): boolean {
  if (typeof cell.value !== "string") return false;
  const width = cell.merge ? cell.merge.right - cell.merge.left + 1 : 1;
  return width >= SECTION_MIN_MERGE_WIDTH || SECTION_START.test(cell.value.trim());
}

/**
 * Classifies one row. `afterEvent` says the row above was an event (or its continuation),
 * the only place a continuation may stand.
 */
export function classifyRow(row: TableRow, table: Pick<RecognizedTable, "columns" | "merges">, afterEvent: boolean): RowKind {
  const cells = ownCells(row, table.merges);
  if (cells.length === 0) return row.cells.some((v) => cellText(v) !== "") ? { kind: "covered" } : { kind: "skip" };
  const eventCol = table.columns.event;
  const dueCol = table.columns.due;
  if (cells.length === 1) {
    const only = cells[0];
    // A lone cell in the «Срок» column is a deadline, so the row cannot be a title.
    if (only.col !== dueCol && isSectionTitle(only)) return { kind: "section", title: cellText(only.value) };
    if (only.col === eventCol && afterEvent) return { kind: "continuation", text: cellText(only.value) };
  }
  const event = eventCol === undefined ? "" : cellText(row.cells[eventCol] ?? "");
  if (event !== "") return { kind: "event" };
  return { kind: "skip" };
}
