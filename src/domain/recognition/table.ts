import type { CellRange, CellValue } from "../sheet/snapshot";

export type TableKind = "scores" | "results" | "social" | "roadmap" | "registry";

/** One data row of a recognised table. `cells` holds the whole sheet row as read, with
 *  merged areas filled (every cell of a merge carries the merge's value). */
export interface TableRow {
  /** 0-based sheet row index (row 1 of the sheet is 0). */
  row: number;
  cells: CellValue[];
}

/** A table found on a sheet by its header (workbook.md §1). */
export interface RecognizedTable {
  kind: TableKind;
  sheet: string;
  /** 0-based index of the (lower) header row. */
  headerRow: number;
  /** Field id → 0-based column index. */
  columns: Record<string, number>;
  /** Field ids whose header or group title contains «%». */
  percentColumns: Set<string>;
  rows: TableRow[];
  /** The sheet's merged areas (to tell a full-width merged section row from a typed one). */
  merges: CellRange[];
}
