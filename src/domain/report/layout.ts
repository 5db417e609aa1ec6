/**
 * Row heights for wrapped text. Hosts do not grow rows for wrapped text in files they open
 * (and never for merged cells), so a report that wraps long text says how tall each such row
 * must be: the lines a cell's text takes in its column width (or its merged block's width),
 * times the line height of its font. The estimate is deliberately generous — a reader may
 * not have Calibri (LibreOffice then uses a wider font) — and rows of one line keep the
 * host's default height.
 */
import type { ReportSheet } from "./model";

/** Excel's limit for a row height, in points. */
export const MAX_ROW_POINTS = 409;
const DEFAULT_FONT = 11;
/** Characters of running Russian text (11 pt) per unit of column width (the width of «0»):
 *  Calibri fits about 1.25; LibreOffice with DejaVu Sans in its place about 1.1 on long text
 *  and less on short lines (1.08 here already lets some rows of the demo overlap in its PDF —
 *  test/e2e/print.e2e.test.ts). The cell padding is subtracted below. */
const CHARS_PER_WIDTH = 0.98;

/** Line height in points of a font size (Calibri: 11 → 15 pt, Excel's default row). */
export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.36 * 4) / 4;
}

/** Relative width of a character against a digit: narrow punctuation, a few wide letters,
 *  capitals a little wider; a table by UTF-16 code for speed (rows of long reasons add up). */
const WIDTHS = (() => {
  const table = new Float32Array(0x2100).fill(1);
  const set = (chars: string, w: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = w;
  };
  for (let c = 0; c < table.length; c++) {
    const ch = String.fromCharCode(c);
    if (ch !== ch.toLowerCase()) table[c] = 1.1;
  }
  set(" .,:;'|!()[]ilj1«»-", 0.6);
  set("mwMWШЩЖЮФЫмшщжюфы%@—", 1.25);
  return table;
})();
const MAX_CHAR_WIDTH = 1.25;

function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += c < WIDTHS.length ? WIDTHS[c] : 1;
  }
  return w;
}

/** The number of lines `text` takes in a cell `widthChars` wide (greedy word wrap). */
export function wrappedLines(text: string, widthChars: number, bold = false, fontSize = DEFAULT_FONT): number {
  // Two characters less for the cell's padding: it matters in narrow columns.
  const capacity = Math.max(1, widthChars * CHARS_PER_WIDTH * (DEFAULT_FONT / fontSize) * (bold ? 0.9 : 1) - 2);
  // Short text without line breaks takes one line whatever its letters.
  if (text.length * MAX_CHAR_WIDTH <= capacity && !text.includes("\n")) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines++;
    // Words break after a hyphen too («Информационно-|методический»): the part after it
    // follows without a space.
    const parts = paragraph.split(/ +/).flatMap((word) => word.split(/(?<=-)(?=.)/).map((part, i) => ({ part, glued: i > 0 })));
    for (const { part: word, glued } of parts) {
      const w = textWidth(word);
      if (w > capacity) {
        // A word longer than the line is broken across lines.
        if (line > 0) lines++;
        const extra = Math.ceil(w / capacity) - 1;
        lines += extra;
        line = w - extra * capacity;
        continue;
      }
      const next = line === 0 ? w : line + (glued ? 0 : 0.6) + w;
      if (next > capacity) {
        lines++;
        line = w;
      } else line = next;
    }
  }
  return lines;
}

/**
 * The sheet with `rowHeights` for every row whose wrapped text needs more than one line;
 * heights already given (chart grids) are kept as they are.
 */
export function withRowHeights(sheet: ReportSheet): ReportSheet {
  const rows = sheet.values.length;
  const width = sheet.values[0]?.length ?? 0;
  if (rows === 0 || width === 0) return sheet;
  // Per cell: wrap (0 unset, 1 wrap, 2 no wrap), font size, bold — later blocks win.
  const wrap = new Uint8Array(rows * width);
  const size = new Uint8Array(rows * width);
  const bold = new Uint8Array(rows * width);
  for (const { range, style } of sheet.styles) {
    if (style.wrap === undefined && style.fontSize === undefined && style.bold === undefined) continue;
    const bottom = Math.min(range.bottom, rows - 1);
    const right = Math.min(range.right, width - 1);
    for (let r = range.top; r <= bottom; r++) {
      for (let c = range.left; c <= right; c++) {
        const i = r * width + c;
        if (style.wrap !== undefined) wrap[i] = style.wrap ? 1 : 2;
        if (style.fontSize !== undefined) size[i] = style.fontSize;
        if (style.bold !== undefined) bold[i] = style.bold ? 1 : 0;
      }
    }
  }
  // Merged blocks of one row: the top-left cell wraps in the block's whole width.
  const mergedWidth = new Map<number, number>();
  const covered = new Set<number>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom !== m.top) continue;
    let w = 0;
    for (let c = m.left; c <= m.right; c++) w += sheet.columnWidths[c] ?? 8.43;
    mergedWidth.set(m.top * width + m.left, w);
    for (let c = m.left + 1; c <= m.right; c++) covered.add(m.top * width + c);
  }
  const fixed = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  const heights = new Map(fixed);
  for (let r = 0; r < rows; r++) {
    if (fixed.has(r)) continue;
    let need = 0;
    const row = sheet.values[r];
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const v = row[c];
      if (wrap[i] !== 1 || typeof v !== "string" || v === "" || covered.has(i)) continue;
      const w = mergedWidth.get(i) ?? sheet.columnWidths[c] ?? 8.43;
      const font = size[i] || DEFAULT_FONT;
      const lines = wrappedLines(v, w, bold[i] === 1, font);
      if (lines > 1) need = Math.max(need, lines * lineHeight(font) + 2);
    }
    if (need > 0) heights.set(r, Math.min(MAX_ROW_POINTS, need));
  }
  if (heights.size === 0) return sheet;
  const rowHeights = [...heights].sort((a, b) => a[0] - b[0]).map(([row, points]) => ({ row, points }));
  return { ...sheet, rowHeights };
}
