/** A percentage of `total` as a head count: floor(total·pct/100 + 0.5) (workbook.md §2.2). */
export const countFromPercent = (total: number, percent: number): number => Math.floor((total * percent) / 100 + 0.5);

export interface PercentCell {
  value: number;
  percent: boolean;
}

/**
 * Whether a column group holds percentages (workbook.md §2.2): a «%» in a header or group
 * title, or in a cell; or every value ≤ 100 with at least one fractional one and every
 * complete row summing to 100 ± 1.
 */
export function isPercentGroup<F extends string>(
  fields: F[],
  rowCount: number,
  percentColumns: Set<string>,
  /** A field's cell in row 0 … rowCount − 1 (undefined: no value). */
  cellOf: (row: number, field: F) => PercentCell | undefined,
): boolean {
  if (fields.some((f) => percentColumns.has(f))) return true;
  let fractional = false;
  let completeRows = 0;
  for (let row = 0; row < rowCount; row++) {
    let sum = 0;
    let complete = true;
    for (const f of fields) {
      const v = cellOf(row, f);
      if (!v) {
        complete = false;
        continue;
      }
      if (v.percent) return true;
      if (v.value > 100) return false;
      if (!Number.isInteger(v.value)) fractional = true;
      sum += v.value;
    }
    if (complete) {
      if (Math.abs(sum - 100) > 1) return false;
      completeRows++;
    }
  }
  return fractional && completeRows > 0;
}
