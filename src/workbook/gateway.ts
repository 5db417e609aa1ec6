import type { ReportSheet } from "../domain/report/model";
import type { CellValue, SheetSnapshot } from "../domain/sheet/snapshot";

/** A sheet's name and whether a person can see it. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/**
 * Removable highlighting of user rows (workbook.md §5): conditional-format rules that the
 * adapter adds over `range` of `sheet`; each rule fills a row when its formula is true.
 * Formulas are written relative to the top-left cell of `range` (Excel's convention).
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

/** Everything one run writes, applied by an adapter in as few round trips as it can. */
export interface WritePlan {
  reports: ReportSheet[];
  /** Report sheets of earlier runs that this run no longer produces: deleted (they are ours). */
  deleteSheets: string[];
  /** The add-in's own sheets after this run (kept in a very hidden sheet). */
  ownedSheets: string[];
  highlights: HighlightPlan[];
  settings: SettingsUpdate | null;
}

/** The only door between the calculation and a workbook (architecture.md). */
export interface WorkbookGateway {
  listSheets(): Promise<SheetInfo[]>;
  /** Values of the named sheets from A1, merged areas, visibility. */
  readSheets(names: string[]): Promise<SheetSnapshot[]>;
  /** Names of the sheets the add-in created in earlier runs. */
  readOwnedSheets(): Promise<string[]>;
  write(plan: WritePlan): Promise<void>;
  /** Removes the add-in's highlight rules from every sheet; nothing else changes. */
  removeHighlights(): Promise<void>;
}
