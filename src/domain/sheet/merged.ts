import type { CellValue, SheetSnapshot } from "./snapshot";

/** Largest merge whose cells are filled one by one; larger ones are left as they are. */
const MAX_FILLED_MERGE_CELLS = 100_000;

/**
 * The sheet's rows with merged areas filled: every cell of a merge carries the value of
 * its top-left cell (as a person reads it). Rows no merge touches are shared, not copied.
 */
export function rowsWithMergesFilled(sheet: SheetSnapshot): CellValue[][] {
  if (sheet.merges.length === 0) return sheet.values;
  const rows = sheet.values.slice();
  const copied = new Set<number>();
  for (const m of sheet.merges) {
    const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (size > MAX_FILLED_MERGE_CELLS) continue;
    const master = sheet.values[m.top]?.[m.left] ?? "";
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      for (let c = m.left; c <= m.right; c++) rows[r][c] = master;
    }
  }
  return rows;
}
