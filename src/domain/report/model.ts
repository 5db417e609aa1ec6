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
  /** Print set-up (A4): title rows (and columns) repeated on every page, orientation, fit to
   *  one page width unless `fitToWidth` is false, and a footer. */
  print?: PrintSetup;
  /** Row heights in points for rows that need more than one line (wrapped text) or a fixed
   *  height (chart grids); other rows keep the host's default. Ascending by row. */
  rowHeights?: { row: number; points: number }[];
  /** Charts over cells of this sheet; their data are cells of this sheet. */
  charts?: ChartSpec[];
}

export interface PrintSetup {
  /** 0-based first and last row repeated at the top of every page. */
  titleRows?: [number, number];
  /** 0-based first and last column repeated at the left of every page. */
  titleColumns?: [number, number];
  landscape?: boolean;
  /** The columns fit this many pages wide (default 1), as many pages tall as needed;
   *  0: printed at 100 %. */
  pagesWide?: number;
  /** The printed cells (default: all). */
  area?: CellRange;
  /** Centre footer text; `{page}` and `{pages}` are the page number and the page count. */
  footer?: string;
}

/**
 * A chart over cells of its sheet. Hosts with native charts (Excel through Office.js) put a
 * chart over `frame`, built from the data ranges; hosts without them (.xlsx files written by
 * ExcelJS) put a picture of the plot over `plot` and leave the title, tick labels and legend
 * to the cells of `frame` around it, which the report fills in. The plot's grid lines up
 * with cell centres: the x tick i is at the centre of the plot's column i, the y tick j at
 * the centre of its row (rows − 1 − j); columns and rows of `plot` are of equal size.
 */
export interface ChartSpec {
  /** Stable name (the native chart's name). */
  name: string;
  kind: "scatter" | "column";
  title: string;
  frame: CellRange;
  plot: CellRange;
  /** Pixel size of the picture of the plot. */
  pixels: { width: number; height: number };
  x: ChartAxis;
  y: ChartAxis;
  /** Column charts: the category names (one cell per category, in a column). */
  categories?: CellRange;
  series: ChartSeries[];
}

export interface ChartAxis {
  title: string;
  min: number;
  max: number;
  /** Distance between ticks (and grid lines). Column charts: x is the category index. */
  step: number;
}

export interface ChartSeries {
  name: string;
  /** "#RRGGBB". */
  color: string;
  /** Scatter: x values (a single column); column charts: none. */
  x?: CellRange;
  /** Values (a single column). */
  y: CellRange;
  /** Scatter: points (default) or a line through the points. */
  line?: "solid" | "dash";
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
