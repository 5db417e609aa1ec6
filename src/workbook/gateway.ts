import type { HighlightPlan, ReportSheet, SettingsUpdate } from "../domain/report/model";
import type { SheetSnapshot } from "../domain/sheet/snapshot";

export type { HighlightPlan, SettingsUpdate };

/** A sheet's name and whether a person can see it. */
export interface SheetInfo {
  name: string;
  hidden: boolean;
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

/**
 * What a gateway inside Excel offers besides the workbook: jump to a problem cell or a
 * school's row. Optional: the Office adapter has it, the .xlsx adapter does not.
 */
export interface SelectionGateway {
  /** Activates `sheet` and selects `address` (A1 style, e.g. "F17" or "B3:D3"). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Activates `sheet` and selects the whole row `rowNumber` (1-based, as Excel numbers rows). */
  selectRow(sheet: string, rowNumber: number): Promise<void>;
}
