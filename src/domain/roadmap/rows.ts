/**
 * What a roadmap row is (Appendix B, end): a section title, the continuation of the event
 * above, or an event. Beyond Appendix B's wording, two real layouts are understood: a
 * section number in «№» with the title merged across the rest of the row («3.» | «Мониторинг
 * …»), and the row of column numbers «1 2 3 …» under the header. Merged areas matter: recognition fills every cell of a merge with its
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

const mergeWidth = (cell: OwnCell) => (cell.merge ? cell.merge.right - cell.merge.left + 1 : 1);

function isSectionTitle(cell: OwnCell): boolean {
  if (typeof cell.value !== "string") return false;
  return mergeWidth(cell) >= SECTION_MIN_MERGE_WIDTH || SECTION_START.test(cell.value.trim());
}

/** A section number as typed in the «№» column: «3», «3.», «2.1», «III», «III.». */
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*|[ivxlc]+)\.?$/i;

/**
 * «3.» in the «№» column and a title merged across the rest of the row (over the «Срок»
 * column too) — a common layout that Appendix B's «single non-blank cell» does not name.
 * A methodist reads it as a section, not as an event without a deadline, so it is one;
 * the title keeps its number: «3. Мониторинг».
 */
function numberedTitle(cells: OwnCell[], numberCol: number | undefined): string | null {
  if (cells.length !== 2 || numberCol === undefined) return null;
  const [num, title] = cells;
  if (num.col !== numberCol || typeof title.value !== "string" || mergeWidth(title) < SECTION_MIN_MERGE_WIDTH) return null;
  const n = cellText(num.value);
  if (!SECTION_NUMBER.test(n)) return null;
  return `${n.endsWith(".") ? n : `${n}.`} ${cellText(title.value)}`;
}

/** Smallest run of column numbers «1 2 3 …» under a header that counts as a numbering row. */
const NUMBERING_MIN_COLUMNS = 3;

/**
 * The row of column numbers («1 | 2 | 3 | 4 …») that official tables put under their
 * header: every typed cell is the whole number 1, 2, 3, … in column order. It is layout,
 * not an event; readRoadmap skips it before the first event.
 */
export function isColumnNumbering(row: TableRow, merges: readonly CellRange[]): boolean {
  const cells = ownCells(row, merges);
  if (cells.length < NUMBERING_MIN_COLUMNS) return false;
  return cells.every((c, i) => {
    const n = typeof c.value === "number" ? c.value : /^\d+\.?$/.test(cellText(c.value)) ? parseInt(cellText(c.value), 10) : NaN;
    return n === i + 1;
  });
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
  const title = numberedTitle(cells, table.columns.number);
  if (title !== null) return { kind: "section", title };
  const event = eventCol === undefined ? "" : cellText(row.cells[eventCol] ?? "");
  if (event !== "") return { kind: "event" };
  return { kind: "skip" };
}
