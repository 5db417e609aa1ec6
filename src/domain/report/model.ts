import type { CellRange, CellValue } from "../sheet/snapshot";

/**
 * A report sheet as the domain describes it; an adapter writes it in whole blocks.
 * Strings are always written as text, never as formulas (adapters guarantee that).
 */
export interface ReportSheet {
  name: string;
  /** From A1. Every row has the same length. `null` leaves a cell empty. */
  values: (CellValue | null)[][];
  /** Column widths in characters (Excel's unit), one per column. */
  columnWidths: number[];
  /** Number formats by block, e.g. "0.0" or "dd.mm.yyyy". */
  numberFormats: { range: CellRange; format: string }[];
  /** Cell styles by block; later blocks win. */
  styles: { range: CellRange; style: CellStyle }[];
  /** Rows frozen at the top (the header). */
  freezeRows?: number;
  /** Merged blocks (titles). */
  merges?: CellRange[];
  /** Print set-up: title rows repeated on every page, landscape A4, fit to width. */
  print?: { titleRows?: [number, number]; landscape?: boolean };
}

export interface CellStyle {
  /** Fill colour "#RRGGBB". */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  /** Thin borders around every cell of the block. */
  border?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  fontSize?: number;
}

/**
 * Removable highlighting of user rows (workbook.md §5): conditional-format rules that an
 * adapter adds over `range` of `sheet`; each rule fills a row when its formula is true.
 * Formulas use English function names and are relative to the top-left cell of `range`.
 */
export interface HighlightPlan {
  sheet: string;
  /** A1 range, e.g. "A2:K31". */
  range: string;
  rules: { formula: string; fill: string }[];
}

/** Rows appended to (or a new) «Настройки» sheet: the user's sheet is never rewritten. */
export interface SettingsUpdate {
  sheet: string;
  /** true: the sheet does not exist and is created with `rows` from A1. */
  create: boolean;
  /** 0-based sheet row where `rows` start. */
  startRow: number;
  rows: CellValue[][];
  columnWidths?: number[];
}
