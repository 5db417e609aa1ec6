import type { CellRange } from "../../domain/sheet/snapshot";

/**
 * Turning the report model's blocks ("later blocks win") into few Excel calls.
 *
 * Blocks with the same key (the same style, or the same number format) are gathered into
 * one group, applied with one call per address chunk (`worksheet.getRanges("A1:B2,D5")`).
 * Gathering must not change what wins: a block may join the latest earlier group with its
 * key only if no block of a *later* group overlaps it (that later group would otherwise
 * be applied after it and override it, the reverse of the plan's order). Otherwise it
 * opens a new group at the end. Inside a group, vertically (then horizontally) adjacent
 * blocks are coalesced into larger rectangles.
 */
export interface Group<T> {
  key: string;
  value: T;
  areas: CellRange[];
}

export function groupBlocks<T>(blocks: readonly { range: CellRange; value: T }[], keyOf: (v: T) => string): Group<T>[] {
  const groups: Group<T>[] = [];
  const lastGroupOfKey = new Map<string, number>();
  // Per row: intervals [left, right, group index] of the blocks placed so far.
  const rows = new Map<number, number[]>();

  const maxGroupOver = (r: CellRange): number => {
    let max = -1;
    for (let row = r.top; row <= r.bottom; row++) {
      const iv = rows.get(row);
      if (!iv) continue;
      for (let i = 0; i < iv.length; i += 3) {
        if (iv[i] <= r.right && r.left <= iv[i + 1] && iv[i + 2] > max) max = iv[i + 2];
      }
    }
    return max;
  };
  const mark = (r: CellRange, g: number): void => {
    for (let row = r.top; row <= r.bottom; row++) {
      let iv = rows.get(row);
      if (!iv) rows.set(row, (iv = []));
      iv.push(r.left, r.right, g);
    }
  };

  for (const b of blocks) {
    const key = keyOf(b.value);
    const candidate = lastGroupOfKey.get(key);
    let g: number;
    if (candidate !== undefined && maxGroupOver(b.range) <= candidate) {
      g = candidate;
      groups[g].areas.push(b.range);
    } else {
      g = groups.length;
      groups.push({ key, value: b.value, areas: [b.range] });
      lastGroupOfKey.set(key, g);
    }
    mark(b.range, g);
  }
  for (const group of groups) group.areas = coalesce(group.areas);
  return groups;
}

/** Merges rectangles that stack exactly (same columns, touching rows), then side by side. */
export function coalesce(areas: CellRange[]): CellRange[] {
  if (areas.length < 2) return areas.slice();
  const vertical = [...areas].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const v: CellRange[] = [];
  for (const a of vertical) {
    const last = v[v.length - 1];
    if (last && last.left === a.left && last.right === a.right && a.top <= last.bottom + 1) {
      last.bottom = Math.max(last.bottom, a.bottom);
    } else v.push({ ...a });
  }
  const horizontal = v.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const h: CellRange[] = [];
  for (const a of horizontal) {
    const last = h[h.length - 1];
    if (last && last.top === a.top && last.bottom === a.bottom && a.left <= last.right + 1) {
      last.right = Math.max(last.right, a.right);
    } else h.push({ ...a });
  }
  return h;
}

/**
 * Splits areas into comma-joined address lists short enough for `getRanges` (long lists
 * fail with InvalidArgument somewhere above ~8,000 characters, office-js issue #5198).
 */
export function chunkAreas(areas: CellRange[], toAddress: (r: CellRange) => string, maxChars = 2_000): CellRange[][] {
  const out: CellRange[][] = [];
  let cur: CellRange[] = [];
  let len = 0;
  for (const a of areas) {
    const n = toAddress(a).length + 1;
    if (cur.length > 0 && len + n > maxChars) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
