import { columnLetter, parseRange } from "../../domain/sheet/address";
import type { CellRange } from "../../domain/sheet/snapshot";

/**
 * The address forms only Office.js needs: absolute row and column references for
 * `setPrintTitleRows` / `getRange`, and `RangeAreas.address` with sheet prefixes. Plain
 * A1 cells and blocks ("B3:D7") are the domain's (src/domain/sheet/address.ts).
 */

/** Rows `first`..`last` (0-based, inclusive) as an absolute row reference: "$1:$3". */
export function rowsAddress(first: number, last: number): string {
  return `$${first + 1}:$${last + 1}`;
}

/** Columns `first`..`last` (0-based, inclusive): "B:D". */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
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
