import type { Workbook } from "exceljs";
import type { CellValue } from "../../domain/sheet/snapshot";
import { findSheet, internals } from "./internals";
import { snapshotOf } from "./read-sheet";

/**
 * The add-in's very hidden service sheet: which sheets the add-in owns and which
 * conditional-format rules in user sheets are its highlights.
 *
 * Layout (plain values, one record per row, unknown rows are ignored so later versions can
 * add kinds):
 *   A1 "shnor-service"  B1 <format version>
 *   "owned"      | sheet name
 *   "highlight"  | sheet | range | formula | fill
 *
 * The codec below is pure (values in, values out) so the Office.js adapter can read and
 * write the very same sheet and both hosts recognise each other's work.
 */
export const SERVICE_SHEET = "ШНОР_служебный";
const HEADER = "shnor-service";
const VERSION = 1;

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

export const EMPTY_SERVICE_STATE: ServiceState = { owned: [], highlights: [] };

export function encodeServiceState(state: ServiceState): CellValue[][] {
  const rows: CellValue[][] = [[HEADER, VERSION]];
  for (const name of state.owned) rows.push(["owned", name]);
  for (const h of state.highlights) rows.push(["highlight", h.sheet, h.range, h.formula, h.fill]);
  return rows;
}

export function decodeServiceState(values: CellValue[][]): ServiceState {
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

export function readServiceState(wb: Workbook): ServiceState {
  const ws = findSheet(wb, SERVICE_SHEET);
  if (!ws) return { owned: [], highlights: [] };
  return decodeServiceState(snapshotOf(ws).values);
}

/** Rewrites the service sheet (very hidden, same tab position if it existed, else last). */
export function writeServiceState(wb: Workbook, state: ServiceState): void {
  const old = findSheet(wb, SERVICE_SHEET);
  const orderNo = old ? internals(old).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SERVICE_SHEET, { state: "veryHidden" });
  if (orderNo !== undefined) internals(ws).orderNo = orderNo;
  const rows = encodeServiceState(state);
  for (let r = 0; r < rows.length; r++) {
    const row = ws.getRow(r + 1);
    rows[r].forEach((v, c) => {
      row.getCell(c + 1).value = v; // strings stay strings (ExcelJS never parses "=" text)
    });
  }
}
