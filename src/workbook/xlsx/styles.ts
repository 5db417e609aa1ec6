import type { Borders, Fill, Font, Style, Alignment } from "exceljs";
import type { CellStyle } from "../../domain/report/model";
import type { CellRange } from "../../domain/sheet/snapshot";
import { isColor } from "../plan-check";

/** Font used whenever a report block sets a font property (ExcelJS's default font). */
export const REPORT_FONT = { name: "Calibri", size: 11 } as const;

/** "#RRGGBB" (or "RRGGBB") → ExcelJS ARGB "FFRRGGBB"; throws on anything else. */
export function toArgb(color: string): string {
  if (!isColor(color)) throw new Error(`Неверный цвет «${color}»: ожидался #RRGGBB`);
  return `FF${color.trim().replace(/^#/, "").toUpperCase()}`;
}

const THIN: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** A domain style plus a number format → an ExcelJS style object (only what is set). */
export function toExcelStyle(numFmt: string | undefined, s: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  if (numFmt !== undefined) out.numFmt = numFmt;
  if (s.fill !== undefined) {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: toArgb(s.fill) } };
    out.fill = fill;
  }
  if (s.fontColor !== undefined || s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined) {
    const font: Partial<Font> = { name: REPORT_FONT.name, size: s.fontSize ?? REPORT_FONT.size };
    if (s.bold) font.bold = true;
    if (s.italic) font.italic = true;
    if (s.fontColor !== undefined) font.color = { argb: toArgb(s.fontColor) };
    out.font = font;
  }
  if (s.border) out.border = THIN;
  if (s.horizontal !== undefined || s.vertical !== undefined || s.wrap !== undefined) {
    const alignment: Partial<Alignment> = {};
    if (s.horizontal !== undefined) alignment.horizontal = s.horizontal;
    if (s.vertical !== undefined) alignment.vertical = s.vertical;
    if (s.wrap) alignment.wrapText = true;
    out.alignment = alignment;
  }
  return out;
}

interface StyleState {
  numFmt?: string;
  style: CellStyle;
  /** block index → next state id */
  next: Map<number, number>;
  excel?: Partial<Style>;
}

/**
 * Composes block styles per cell without per-cell objects: each distinct sequence of
 * blocks covering a cell is one state, and state transitions are memoised, so a sheet
 * with thousands of cells and a handful of blocks ends up with a handful of style objects
 * (shared by reference; ExcelJS de-duplicates them again when saving). Later blocks win,
 * property by property; number formats and styles are independent properties.
 */
export class StyleGrid {
  private readonly states: StyleState[] = [{ style: {}, next: new Map() }];
  private readonly rows: (Int32Array | undefined)[] = [];
  private readonly blocks: ({ kind: "fmt"; format: string } | { kind: "style"; style: CellStyle })[] = [];

  constructor(private readonly width: number) {}

  applyFormat(range: CellRange, format: string): void {
    this.apply(range, this.blocks.push({ kind: "fmt", format }) - 1);
  }

  applyStyle(range: CellRange, style: CellStyle): void {
    this.apply(range, this.blocks.push({ kind: "style", style }) - 1);
  }

  private apply(range: CellRange, block: number): void {
    for (let r = range.top; r <= range.bottom; r++) {
      let row = this.rows[r];
      if (!row) row = this.rows[r] = new Int32Array(this.width);
      for (let c = range.left; c <= range.right; c++) row[c] = this.transition(row[c], block);
    }
  }

  private transition(from: number, block: number): number {
    const state = this.states[from];
    const known = state.next.get(block);
    if (known !== undefined) return known;
    const b = this.blocks[block];
    const next: StyleState =
      b.kind === "fmt"
        ? { numFmt: b.format, style: state.style, next: new Map() }
        : { numFmt: state.numFmt, style: mergeDefined(state.style, b.style), next: new Map() };
    const id = this.states.push(next) - 1;
    state.next.set(block, id);
    return id;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** The ExcelJS style of a cell, or undefined when no block covers it. */
  styleAt(r: number, c: number): Partial<Style> | undefined {
    const row = this.rows[r];
    if (!row || c >= this.width) return undefined;
    const id = row[c];
    if (id === 0) return undefined;
    const state = this.states[id];
    if (!state.excel) state.excel = toExcelStyle(state.numFmt, state.style);
    return state.excel;
  }
}

function mergeDefined(base: CellStyle, over: CellStyle): CellStyle {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) out[k] = v;
  return out as CellStyle;
}
