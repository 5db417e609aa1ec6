import type { CellRange } from "../../domain/sheet/snapshot";

/**
 * A1 addresses as Office.js writes and reads them. Kept here (not imported from the
 * domain) because `workbook/*` may depend on domain *types* only (architecture.md).
 */

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

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** 0-based inclusive block → "B3" or "B3:D7". */
export function rangeAddress(r: CellRange): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${columnLetter(r.right)}${r.bottom + 1}`;
}

/** Rows `first`..`last` (0-based, inclusive) as an absolute row reference: "$1:$3". */
export function rowsAddress(first: number, last: number): string {
  return `$${first + 1}:$${last + 1}`;
}

/** Columns `first`..`last` (0-based, inclusive): "B:D". */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/**
 * One rectangular reference without a sheet name: "A1", "A1:B2", "$A$1:$B$2", "A:C" (whole
 * columns), "2:5" (whole rows). Returns null for anything else.
 */
export function parseRange(ref: string): CellRange | null {
  const parts = ref.trim().split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  const [a, b = parts[0]] = parts;
  let m1 = CELL.exec(a);
  let m2 = CELL.exec(b);
  if (m1 && m2) {
    const r = {
      top: Number(m1[2]) - 1,
      left: columnIndex(m1[1]),
      bottom: Number(m2[2]) - 1,
      right: columnIndex(m2[1]),
    };
    return normalise(r);
  }
  if (parts.length === 2) {
    m1 = COL.exec(a);
    m2 = COL.exec(b);
    if (m1 && m2) return normalise({ top: 0, left: columnIndex(m1[1]), bottom: MAX_ROWS - 1, right: columnIndex(m2[1]) });
    m1 = ROW.exec(a);
    m2 = ROW.exec(b);
    if (m1 && m2) return normalise({ top: Number(m1[1]) - 1, left: 0, bottom: Number(m2[1]) - 1, right: MAX_COLS - 1 });
  }
  return null;
}

function normalise(r: CellRange): CellRange | null {
  const out = {
    top: Math.min(r.top, r.bottom),
    bottom: Math.max(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    right: Math.max(r.left, r.right),
  };
  if (out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLS) return null;
  return out;
}

/**
 * The areas of an Office.js `RangeAreas.address`, e.g. "Лист1!A1:B4, 'Мой лист'!D1:D4".
 * Sheet names may be quoted (with '' for a quote) and may contain "!" and ","; the
 * tokenizer reads them properly instead of splitting on commas.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === " " || address[i] === ",")) i++;
    if (i >= n) break;
    // Optional sheet prefix.
    let refStart = i;
    if (address[i] === "'") {
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") i += 2;
        else if (address[i] === "'") break;
        else i++;
      }
      i++; // closing quote
      if (address[i] === "!") i++;
      refStart = i;
    } else {
      const bang = address.indexOf("!", i);
      const comma = address.indexOf(",", i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        i = bang + 1;
        refStart = i;
      }
    }
    let end = address.indexOf(",", refStart);
    if (end < 0) end = n;
    const r = parseRange(address.slice(refStart, end));
    if (r) out.push(r);
    i = end + 1;
  }
  return out;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("ru") === b.toLocaleLowerCase("ru");
}
