import type { CellValue } from "../../domain/sheet/snapshot";
import { decodeServiceState, emptyServiceState, encodeServiceState, SERVICE_SHEET, type ServiceState } from "../service-state";
import { errorCode } from "./messages";
import { toExcelValue } from "./text";

/** Reading and writing the service sheet (layout and codec: ../service-state.ts) in Excel. */

/** Columns of the widest record ("highlight" | sheet | range | formula | fill). */
const WIDTH = 5;

/** Queues the load of the service sheet's used range (values and where it starts). */
export function loadServiceRange(ctx: Excel.RequestContext): Excel.Range {
  const used = ctx.workbook.worksheets.getItem(SERVICE_SHEET).getUsedRange(true);
  used.load("values,rowIndex,columnIndex");
  return used;
}

/** The state in a loaded used range; the range need not start at A1. */
export function serviceStateOf(used: Excel.Range): ServiceState {
  const rows: CellValue[][] = [];
  for (let r = 0; r < used.rowIndex; r++) rows.push([]);
  const lead: CellValue[] = new Array(used.columnIndex).fill("");
  for (const row of used.values as CellValue[][]) rows.push(used.columnIndex > 0 ? lead.concat(row) : row);
  return decodeServiceState(rows);
}

/**
 * The service sheet's state in one sync: `getItem` throws ItemNotFound when the sheet does
 * not exist, which is the answer (no chained calls on a null object).
 */
export async function readServiceStateIn(ctx: Excel.RequestContext): Promise<{ exists: boolean; state: ServiceState }> {
  const used = loadServiceRange(ctx);
  try {
    await ctx.sync();
  } catch (e) {
    if (errorCode(e) === "ItemNotFound") return { exists: false, state: emptyServiceState() };
    throw e;
  }
  return { exists: true, state: serviceStateOf(used) };
}

/** Queues the service sheet's whole state from A1 (the old contents cleared first). */
export function writeServiceState(ws: Excel.Worksheet, state: ServiceState): void {
  const rows = encodeServiceState(state);
  ws.getRange().clear("Contents");
  const grid = rows.map((r) => {
    const out: (string | number | boolean)[] = r.map((v) => toExcelValue(v));
    while (out.length < WIDTH) out.push("");
    return out;
  });
  ws.getRangeByIndexes(0, 0, grid.length, WIDTH).values = grid;
}
