import type { CellValue } from "../../domain/sheet/snapshot";

/**
 * The add-in's very hidden service sheet, in the same layout the .xlsx adapter uses
 * (src/workbook/xlsx/service-sheet.ts), so a workbook processed on the command line is
 * recognised in Excel and vice versa:
 *
 *   A1 "shnor-service"  B1 <format version>
 *   "owned"      | sheet name
 *   "highlight"  | sheet | range | formula | fill
 *
 * Unknown rows are ignored (later versions may add kinds). This is a copy of the pure
 * codec, not an import: the task pane bundle must not pull in the ExcelJS adapter.
 */
export const SERVICE_SHEET = "ШНОР_служебный";
export const SERVICE_HEADER = "shnor-service";
export const SERVICE_VERSION = 1;

export interface HighlightRecord {
  sheet: string;
  range: string;
  formula: string;
  fill: string;
}

export interface ServiceState {
  owned: string[];
  highlights: HighlightRecord[];
}

export function emptyServiceState(): ServiceState {
  return { owned: [], highlights: [] };
}

export function encodeServiceState(state: ServiceState): CellValue[][] {
  const rows: CellValue[][] = [[SERVICE_HEADER, SERVICE_VERSION]];
  for (const name of state.owned) rows.push(["owned", name]);
  for (const h of state.highlights) rows.push(["highlight", h.sheet, h.range, h.formula, h.fill]);
  return rows;
}

export function decodeServiceState(values: readonly (readonly CellValue[])[]): ServiceState {
  const owned: string[] = [];
  const highlights: HighlightRecord[] = [];
  const text = (v: CellValue | undefined): string => (v === undefined ? "" : String(v));
  for (const row of values) {
    const kind = text(row[0]);
    if (kind === "owned" && text(row[1]) !== "") owned.push(text(row[1]));
    else if (kind === "highlight" && text(row[1]) !== "" && text(row[3]) !== "") {
      highlights.push({ sheet: text(row[1]), range: text(row[2]), formula: text(row[3]), fill: text(row[4]) });
    }
  }
  return { owned, highlights };
}

/** Rule formulas compare without the leading "=" (OOXML stores them without it). */
export function sameFormula(a: string, b: string): boolean {
  return stripEquals(a) === stripEquals(b);
}

export function stripEquals(formula: string): string {
  return formula.trim().replace(/^=/, "").trim();
}

/** "#ffc7ce", "FFC7CE", "#FFFFC7CE" (ARGB) → "FFC7CE"; anything else → "". */
export function normalizeColor(color: string | undefined | null): string {
  if (!color) return "";
  const hex = color.trim().replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return hex.slice(2);
  if (/^[0-9A-F]{6}$/.test(hex)) return hex;
  return "";
}
