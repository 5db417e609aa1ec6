import type { ConditionalFormattingOptions, Workbook, Worksheet } from "exceljs";
import { sheetKey } from "../sheet-names";

/**
 * The few ExcelJS 4.4 internals this adapter relies on, typed in one place.
 *
 * - `_rows` / `_cells`: sparse arrays of loaded rows and cells. Reading them directly is
 *   what makes `readSheets` fast (no per-cell `getCell`, no `row.values` copies).
 * - `_merges`: master address → Range (1-based, inclusive). The public alternative,
 *   `worksheet.model`, serialises the whole sheet.
 * - `orderNo`: the tab position (`workbook.worksheets` is sorted by it); setting it is
 *   how a replaced report sheet keeps its place.
 * - `conditionalFormattings`: the loaded/added rules (typed by ExcelJS only through
 *   `addConditionalFormatting`).
 *
 * Both the Node build and the browser bundle (`dist/exceljs.min.js`) are the same code,
 * so these fields exist in both.
 */

export interface CellInternals {
  /** The cell's value object; its plain `model.type` is the ValueType below (rich text and
   *  JSON values report String). */
  _value: { model: { type: number; value?: unknown; result?: unknown; text?: unknown } };
}

export interface RowInternals {
  _cells: (CellInternals | undefined)[];
}

export interface RangeInternals {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorksheetInternals {
  _rows: (RowInternals | undefined)[];
  _merges: Record<string, RangeInternals | undefined>;
  orderNo: number;
  conditionalFormattings: ConditionalFormattingOptions[];
}

export function internals(ws: Worksheet): WorksheetInternals {
  const w = ws as unknown as WorksheetInternals;
  if (!Array.isArray(w._rows) || typeof w._merges !== "object" || w._merges === null) {
    throw new Error("Unsupported ExcelJS version: worksheet internals not found");
  }
  if (!Array.isArray(w.conditionalFormattings)) w.conditionalFormattings = [];
  return w;
}

/** Case-insensitive lookup, as Excel (and ExcelJS's duplicate-name check) compares sheet names. */
export function findSheet(wb: Workbook, name: string): Worksheet | undefined {
  const key = sheetKey(name);
  return wb.worksheets.find((ws) => sheetKey(ws.name) === key);
}

/** ExcelJS's `Enums.ValueType`. */
export const ValueType = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** An image placed on a sheet (`worksheet._media`): `imageId` indexes `workbook.media`. */
interface MediaInternals {
  type: string;
  imageId: number | string;
}

/**
 * Drops pictures no sheet shows any more (a replaced report sheet leaves its old chart
 * pictures in `workbook.media`, and ExcelJS would save them forever) and renumbers the rest.
 */
export function pruneMedia(wb: Workbook): void {
  const media = (wb as unknown as { media?: unknown[] }).media;
  if (!Array.isArray(media) || media.length === 0) return;
  const placed = wb.worksheets.flatMap((ws) => ((ws as unknown as { _media?: MediaInternals[] })._media ?? []));
  const used = new Set(placed.map((m) => Number(m.imageId)));
  if (used.size === media.length) return;
  const renumber = new Map<number, number>();
  const kept: unknown[] = [];
  media.forEach((m, i) => {
    if (!used.has(i)) return;
    renumber.set(i, kept.length);
    kept.push(m);
  });
  for (const m of placed) m.imageId = renumber.get(Number(m.imageId)) ?? m.imageId;
  (wb as unknown as { media: unknown[] }).media = kept;
}
