import type { CellStyle, ReportSheet } from "../../domain/report/model";
import { rangeAddress } from "../../domain/sheet/address";
import type { CellRange, CellValue } from "../../domain/sheet/snapshot";
import { footerCodes } from "../footer";
import type { SettingsUpdate } from "../gateway";
import { columnsAddress, rowsAddress } from "./a1";
import type { WriteOp } from "./batcher";
import { chunkAreas, groupBlocks } from "./blocks";
import { gridBytes } from "./payload";
import type { Limits } from "./run";
import { toExcelValue } from "./text";

export type SheetOf = (name: string) => Excel.Worksheet;
type Scalar = string | number | boolean;

/**
 * Excel column width: `width` characters of the default font's maximum digit width
 * (7 px for Calibri 11) plus 5 px of padding (ECMA-376 §18.3.1.13), converted to the
 * points `format.columnWidth` takes (72 / 96 pt per px): 5.25 × chars + 3.75.
 */
export function charsToPoints(chars: number): number {
  if (!(chars > 0)) return 0;
  const px = Math.round(chars * 7 + 5);
  return px * 0.75;
}

/** A 2-D block written in one call (values or number formats), split by rows on demand. */
function gridOp(sheetOf: SheetOf, sheet: string, top: number, left: number, grid: Scalar[][], kind: "values" | "numberFormat"): WriteOp {
  const cols = grid[0]?.length ?? 0;
  return {
    bytes: gridBytes(grid) + 120,
    cells: grid.length * cols,
    apply() {
      const range = sheetOf(sheet).getRangeByIndexes(top, left, grid.length, cols);
      if (kind === "values") range.values = grid;
      else range.numberFormat = grid;
    },
    split() {
      if (grid.length < 2) return null;
      const half = Math.ceil(grid.length / 2);
      return [
        gridOp(sheetOf, sheet, top, left, grid.slice(0, half), kind),
        gridOp(sheetOf, sheet, top + half, left, grid.slice(half), kind),
      ];
    },
  };
}

/** Row-chunked ops for a block of cells whose content is given per row. */
function gridOps(
  sheetOf: SheetOf,
  sheet: string,
  area: CellRange,
  rowAt: (r: number) => Scalar[],
  kind: "values" | "numberFormat",
  limits: Limits,
): WriteOp[] {
  const cols = area.right - area.left + 1;
  const rowsPer = Math.max(1, Math.floor(limits.chunkCells / cols));
  const ops: WriteOp[] = [];
  for (let top = area.top; top <= area.bottom; top += rowsPer) {
    const bottom = Math.min(area.bottom, top + rowsPer - 1);
    const grid: Scalar[][] = [];
    for (let r = top; r <= bottom; r++) grid.push(rowAt(r));
    ops.push(gridOp(sheetOf, sheet, top, area.left, grid, kind));
  }
  return ops;
}

export function styleKey(s: CellStyle): string {
  return JSON.stringify([s.fill, s.fontColor, s.bold, s.italic, s.wrap, s.border, s.horizontal, s.vertical, s.fontSize]);
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function applyStyle(format: Excel.RangeFormat, s: CellStyle): void {
  if (s.fill !== undefined) format.fill.color = s.fill;
  if (s.fontColor !== undefined) format.font.color = s.fontColor;
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical !== undefined) format.verticalAlignment = VERTICAL[s.vertical];
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function setBorders(format: Excel.RangeFormat, edges: readonly string[]): void {
  for (const edge of edges) format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous";
}

/** One range or a RangeAreas over several blocks of one sheet. */
function target(ws: Excel.Worksheet, areas: CellRange[]): Excel.Range | Excel.RangeAreas {
  if (areas.length === 1) {
    const a = areas[0];
    return ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
  }
  return ws.getRanges(areas.map(rangeAddress).join(","));
}

/** Style ops: one call set per group of equal styles and address chunk (never per cell). */
function styleOps(sheetOf: SheetOf, sheet: string, blocks: ReportSheet["styles"]): WriteOp[] {
  const groups = groupBlocks(
    blocks.map((b) => ({ range: b.range, value: b.style })),
    styleKey,
  );
  const ops: WriteOp[] = [];
  for (const g of groups) {
    for (const areas of chunkAreas(g.areas, rangeAddress)) {
      const style = g.value;
      const addressBytes = areas.reduce((n, a) => n + rangeAddress(a).length + 1, 0);
      ops.push({
        bytes: addressBytes * (style.border ? 3 : 1) + 400,
        cells: 0,
        apply() {
          const ws = sheetOf(sheet);
          const t = target(ws, areas);
          applyStyle(t.format, style);
          if (style.border) {
            setBorders(t.format, EDGES);
            const tall = areas.filter((a) => a.bottom > a.top);
            const wide = areas.filter((a) => a.right > a.left);
            if (tall.length > 0) setBorders(target(ws, tall).format, ["InsideHorizontal"]);
            if (wide.length > 0) setBorders(target(ws, wide).format, ["InsideVertical"]);
          }
        },
      });
    }
  }
  return ops;
}

/** Row heights in runs of consecutive rows of equal height, a few hundred runs per op. */
function rowHeightOps(sheetOf: SheetOf, sheet: string, heights: readonly { row: number; points: number }[]): WriteOp[] {
  const runs: { first: number; last: number; points: number }[] = [];
  for (const h of heights) {
    const prev = runs[runs.length - 1];
    if (prev && prev.last + 1 === h.row && prev.points === h.points) prev.last = h.row;
    else runs.push({ first: h.row, last: h.row, points: h.points });
  }
  const ops: WriteOp[] = [];
  for (let i = 0; i < runs.length; i += ROW_RUNS_PER_OP) {
    const part = runs.slice(i, i + ROW_RUNS_PER_OP);
    ops.push({
      bytes: part.length * 160,
      cells: 0,
      apply() {
        const ws = sheetOf(sheet);
        for (const r of part) ws.getRange(rowsAddress(r.first, r.last)).format.rowHeight = r.points;
      },
    });
  }
  return ops;
}

const ROW_RUNS_PER_OP = 500;

/** Values, number formats, styles and row heights of one report sheet, in that order. */
export function reportOps(sheetOf: SheetOf, report: ReportSheet, limits: Limits): WriteOp[] {
  const ops: WriteOp[] = [];
  const name = report.name;
  // Number formats first: the values then land in formatted cells.
  const formatGroups = groupBlocks(
    report.numberFormats.map((b) => ({ range: b.range, value: b.format })),
    (f) => f,
  );
  for (const g of formatGroups) {
    for (const area of g.areas) {
      const cols = area.right - area.left + 1;
      const row = new Array<Scalar>(cols).fill(g.value);
      ops.push(...gridOps(sheetOf, name, area, () => row, "numberFormat", limits));
    }
  }
  const height = report.values.length;
  const width = report.values[0]?.length ?? 0;
  if (height > 0 && width > 0) {
    const area = { top: 0, left: 0, bottom: height - 1, right: width - 1 };
    ops.push(...gridOps(sheetOf, name, area, (r) => report.values[r].map(toExcelValue), "values", limits));
  }
  ops.push(...styleOps(sheetOf, name, report.styles));
  ops.push(...rowHeightOps(sheetOf, name, report.rowHeights ?? []));
  return ops;
}

/** Column widths (grouped runs of equal width), frozen header, print set-up (ExcelApi 1.9:
 *  orientation, A4, fit to width, title rows and columns, print area, centre footer). */
export function setupReportSheet(ws: Excel.Worksheet, report: ReportSheet, printSupported: boolean): void {
  applyColumnWidths(ws, report.columnWidths);
  if (report.freezeRows && report.freezeRows > 0) ws.freezePanes.freezeRows(report.freezeRows);
  const print = report.print;
  if (print && printSupported) {
    const layout = ws.pageLayout;
    layout.orientation = print.landscape === false ? "Portrait" : "Landscape";
    layout.paperSize = "A4";
    const wide = print.pagesWide ?? 1;
    layout.zoom = wide > 0 ? { horizontalFitToPages: wide, verticalFitToPages: 0 } : { scale: 100 };
    const t = print.titleRows;
    if (t) layout.setPrintTitleRows(rowsAddress(t[0], t[1]));
    const c = print.titleColumns;
    if (c) layout.setPrintTitleColumns(columnsAddress(c[0], c[1]));
    if (print.area) layout.setPrintArea(rangeAddress(print.area));
    if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = footerCodes(print.footer);
  }
}

export function applyColumnWidths(ws: Excel.Worksheet, widths: readonly number[]): void {
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c === widths.length || widths[c] !== widths[start]) {
      if (widths[start] > 0) ws.getRange(columnsAddress(start, c - 1)).format.columnWidth = charsToPoints(widths[start]);
      start = c;
    }
  }
}

/** A report sheet of an earlier run, emptied in place (references to it keep working). */
export function clearReportSheet(ws: Excel.Worksheet): void {
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear("All");
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
}

/**
 * Settings rows appended (or written to a new sheet): consecutive rows of equal length are
 * one block; cells beyond a row's length are not touched.
 */
export function settingsOps(sheetOf: SheetOf, s: SettingsUpdate, limits: Limits): WriteOp[] {
  const start = s.create ? 0 : s.startRow;
  const ops: WriteOp[] = [];
  let r = 0;
  while (r < s.rows.length) {
    const len = s.rows[r].length;
    let end = r;
    while (end + 1 < s.rows.length && s.rows[end + 1].length === len) end++;
    if (len > 0) {
      const area = { top: start + r, left: 0, bottom: start + end, right: len - 1 };
      ops.push(...gridOps(sheetOf, s.sheet, area, (row) => s.rows[row - start].map((v: CellValue) => toExcelValue(v)), "values", limits));
    }
    r = end + 1;
  }
  return ops;
}
