import type { CellRange, CellValue } from "../sheet/snapshot";
import type { CellStyle, ReportSheet } from "./model";

export type Cell = CellValue | null;

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14 };
export const SUBTITLE_STYLE: CellStyle = { bold: true, fontSize: 12 };
export const NOTE_STYLE: CellStyle = { italic: true };
export const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2", border: true, wrap: true, horizontal: "center", vertical: "middle" };
export const BODY_STYLE: CellStyle = { border: true, wrap: true, vertical: "top" };
export const SHARE_FORMAT = "0.0";
export const COUNT_FORMAT = "0";

/** Zone fills of indicator cells (Excel's own «good / neutral / bad» palette). */
export const ZONE_FILLS: Record<string, string> = { green: "#C6EFCE", yellow: "#FFEB9C", red: "#FFC7CE" };

/** Accumulates the rows of a report sheet and its formatting; rows are padded to `width`. */
export class SheetBuilder {
  readonly values: Cell[][] = [];
  readonly numberFormats: ReportSheet["numberFormats"] = [];
  readonly styles: ReportSheet["styles"] = [];
  readonly merges: CellRange[] = [];

  constructor(readonly width: number) {}

  get nextRow(): number {
    return this.values.length;
  }

  /** Sets one cell, adding empty rows up to `row` when needed (blocks beside earlier rows). */
  set(row: number, col: number, value: Cell): void {
    while (this.values.length <= row) this.push([]);
    this.values[row][col] = value;
  }

  /** Rows of a fixed height in points (chart grids), whatever their text needs. */
  readonly fixedHeights = new Map<number, number>();

  push(cells: Cell[]): number {
    const row = cells.slice(0, this.width);
    while (row.length < this.width) row.push(null);
    this.values.push(row);
    return this.values.length - 1;
  }

  style(range: CellRange, style: CellStyle): void {
    this.styles.push({ range, style });
  }

  format(range: CellRange, format: string): void {
    this.numberFormats.push({ range, format });
  }

  /** A line of text across the whole width. */
  banner(text: string, style: CellStyle): number {
    const row = this.push([text]);
    this.merges.push({ top: row, left: 0, bottom: row, right: this.width - 1 });
    this.style({ top: row, left: 0, bottom: row, right: this.width - 1 }, style);
    return row;
  }

  /** A header row followed by data rows, bordered; returns the data rows' range. */
  table(header: string[], rows: Cell[][]): { header: number; first: number; last: number } {
    const h = this.push(header);
    this.style({ top: h, left: 0, bottom: h, right: header.length - 1 }, HEADER_STYLE);
    const first = this.nextRow;
    for (const row of rows) this.push(row);
    const last = this.nextRow - 1;
    if (last >= first) this.style({ top: first, left: 0, bottom: last, right: header.length - 1 }, BODY_STYLE);
    return { header: h, first, last };
  }

  /** Fills one column in runs of equal keys (few blocks instead of one per cell). */
  fillRuns(col: number, first: number, keys: (string | null)[], fills: Record<string, string>): void {
    let start = 0;
    for (let i = 1; i <= keys.length; i++) {
      if (i < keys.length && keys[i] === keys[start]) continue;
      const fill = keys[start] === null ? undefined : fills[keys[start]!];
      if (fill) this.style({ top: first + start, left: col, bottom: first + i - 1, right: col }, { fill });
      start = i;
    }
  }

  build(name: string, columnWidths: number[], extra: Partial<ReportSheet> = {}): ReportSheet {
    const fixed = [...this.fixedHeights].sort((a, b) => a[0] - b[0]).map(([row, points]) => ({ row, points }));
    return { name, values: this.values, columnWidths, numberFormats: this.numberFormats, styles: this.styles, merges: this.merges, ...(fixed.length > 0 ? { rowHeights: fixed } : {}), ...extra };
  }
}
