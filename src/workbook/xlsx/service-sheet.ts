import type { Workbook } from "exceljs";
import { decodeServiceState, emptyServiceState, encodeServiceState, SERVICE_SHEET, type ServiceState } from "../service-state";
import { findSheet, internals } from "./internals";
import { snapshotOf } from "./read-sheet";

/** Reading and writing the service sheet (layout and codec: ../service-state.ts) with ExcelJS. */

export function readServiceState(wb: Workbook): ServiceState {
  const ws = findSheet(wb, SERVICE_SHEET);
  if (!ws) return emptyServiceState();
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
