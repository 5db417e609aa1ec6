import type { Worksheet } from "exceljs";
import type { CellRange, CellValue, SheetSnapshot } from "../../domain/sheet/snapshot";
import { internals, ValueType, type CellInternals } from "./internals";

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A JS Date as ExcelJS produces it (the cell's serial read as UTC) → Excel serial number,
 * always in the 1900 date system (ExcelJS already shifts 1904-system books by 1462 days).
 */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/** Any ExcelJS cell value (or formula result) → what Office.js `range.values` would give. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : "";
    case "string":
      return v;
    case "boolean":
      return v;
    case "object":
      break;
    default:
      return "";
  }
  if (v instanceof Date) return dateToSerial(v);
  const o = v as Record<string, unknown>;
  if (o.error !== undefined) return String(o.error);
  if (Array.isArray(o.richText)) return richTextOf(o.richText);
  if (o.formula !== undefined || o.sharedFormula !== undefined) return toCellValue(o.result);
  if (o.text !== undefined) return toCellValue(o.text); // hyperlink: text may itself be rich text
  return "";
}

function richTextOf(runs: unknown[]): string {
  let s = "";
  for (const run of runs) {
    const t = (run as { text?: unknown }).text;
    if (typeof t === "string") s += t;
  }
  return s;
}

/**
 * Fast path: reads the value object's plain `model` (no getters, no `cell.value` copies of
 * formulas and hyperlinks). `model.type` is the ValueType, except that rich text and JSON
 * values say String — `toCellValue` handles their objects anyway.
 */
function cellValueOf(cell: CellInternals): CellValue {
  const model = cell._value.model;
  switch (model.type) {
    case ValueType.Merge: // only the top-left cell of a merge holds the value
      return "";
    case ValueType.Formula:
      return toCellValue(model.result);
    case ValueType.Hyperlink:
      return toCellValue(model.text);
    default: {
      const v = model.value;
      // the common cases inline
      if (typeof v === "number") return Number.isFinite(v) ? v : "";
      if (typeof v === "string") return v;
      return toCellValue(v);
    }
  }
}

/** 1-based ExcelJS ranges → 0-based CellRange, sorted top-to-bottom, left-to-right. */
export function mergesOf(ws: Worksheet): CellRange[] {
  const out: CellRange[] = [];
  for (const r of Object.values(internals(ws)._merges)) {
    if (!r) continue;
    out.push({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/**
 * The sheet as a snapshot: values from A1; each row ends at its last non-empty cell and
 * trailing empty rows are dropped (rows may be ragged, as the contract allows).
 */
export function snapshotOf(ws: Worksheet): SheetSnapshot {
  const rows = internals(ws)._rows;
  const values: CellValue[][] = [];
  let lastNonEmptyRow = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const cells = row ? row._cells : undefined;
    if (!cells || cells.length === 0) {
      values.push([]);
      continue;
    }
    const out: CellValue[] = [];
    let last = -1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const v = cell ? cellValueOf(cell) : "";
      out.push(v);
      if (v !== "") last = c;
    }
    out.length = last + 1;
    values.push(out);
    if (last >= 0) lastNonEmptyRow = r;
  }
  values.length = lastNonEmptyRow + 1;
  return {
    name: ws.name,
    values,
    merges: mergesOf(ws),
    hidden: ws.state !== "visible",
  };
}
