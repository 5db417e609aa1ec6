import type { CellRange } from "./snapshot";

/** A1-style addresses for problem messages and writes. */

/** Excel's grid: rows and columns of one sheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B" → 1 (0-based); letters in either case. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** 0-based row and column → "B17". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B17" → 0-based row and column. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`bad address ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** 0-based inclusive block → "B3" or "B3:D7". */
export function rangeAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${cellAddress(r.bottom, r.right)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/**
 * One rectangular reference without a sheet name: "A1", "A1:B2", "$A$1:$B$2", "A:C" (whole
 * columns), "2:5" (whole rows); corners in any order. Returns null for anything else,
 * including references outside the grid.
 */
export function parseRange(ref: string): CellRange | null {
  const parts = ref.trim().split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  const [a, b = parts[0]] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) return normalised(Number(m1[2]) - 1, columnIndex(m1[1]), Number(m2[2]) - 1, columnIndex(m2[1]));
  if (parts.length === 2) {
    m1 = COL.exec(a);
    m2 = COL.exec(b);
    if (m1 && m2) return normalised(0, columnIndex(m1[1]), MAX_ROWS - 1, columnIndex(m2[1]));
    m1 = ROW.exec(a);
    m2 = ROW.exec(b);
    if (m1 && m2) return normalised(Number(m1[1]) - 1, 0, Number(m2[1]) - 1, MAX_COLS - 1);
  }
  return null;
}

function normalised(r1: number, c1: number, r2: number, c2: number): CellRange | null {
  const out = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLS) return null;
  return out;
}
