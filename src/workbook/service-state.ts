import type { CellValue } from "../domain/sheet/snapshot";

/**
 * The add-in's very hidden service sheet: which sheets the add-in owns and which
 * conditional-format rules in user sheets are its highlights. Both adapters read and
 * write this one layout, so a workbook processed on the command line is recognised in
 * Excel and vice versa:
 *
 *   A1 "shnor-service"  B1 <format version>
 *   "owned"      | sheet name
 *   "highlight"  | sheet | range | formula | fill
 *
 * One record per row, plain values; unknown rows are ignored (later versions may add
 * kinds). This codec is pure (values in, values out) and imports neither ExcelJS nor
 * Office.js: the task pane bundle takes it with the Office adapter. Each adapter keeps its
 * own code to read and write the sheet (xlsx/service-sheet.ts, office/service-sheet.ts).
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

/*
 * How our highlight rules are recognised: each rule we add is recorded (sheet, range,
 * formula, fill), and a rule is ours only when it is a formula rule on that sheet with
 * the same formula and the same fill as a record.
 *
 * Why a list rather than a marker in the formula (e.g. "always references «Индикаторы»):
 * - the formulas come from the domain; the adapters must not depend on their content, and
 *   a user may well write their own rule that refers to our report sheet — a formula
 *   marker would then delete the user's rule;
 * - conditional-format rules carry no free attribute that survives Excel, LibreOffice and
 *   ExcelJS saving alike, but cell values of a hidden sheet do.
 * The range is recorded but not compared: when the user inserts rows inside the table,
 * Excel widens the rule's range and keeps the formula, and the rule must still be ours.
 */

/**
 * A rule with this formula and one of these fills (any colour notation) is the one
 * `record` describes; the caller has already matched the sheet.
 */
export function matchesRecord(record: HighlightRecord, formula: string, fills: readonly (string | null | undefined)[]): boolean {
  if (!sameFormula(record.formula, formula)) return false;
  const fill = normalizeColor(record.fill);
  return fills.some((f) => normalizeColor(f) === fill);
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
