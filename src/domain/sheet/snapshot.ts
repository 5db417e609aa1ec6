/**
 * What a workbook adapter hands to the domain: one sheet as plain values, the way
 * Office.js `range.values` returns them. Row 0 / column 0 of `values` is cell A1.
 */

/** A cell value: number (dates as Excel serial numbers), string ("" when empty), boolean.
 *  Excel error values arrive as their text, e.g. "#N/A", "#Н/Д", "#DIV/0!". */
export type CellValue = string | number | boolean;

/** A rectangular block of cells, 0-based and inclusive on both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Rows from sheet row 1, columns from column A. Rows may be ragged or shorter than the sheet. */
  values: CellValue[][];
  /** Merged areas. Only the top-left cell of a merge carries the value; the others are "". */
  merges: CellRange[];
  /** Hidden sheets are not input (workbook.md §1). */
  hidden: boolean;
}
