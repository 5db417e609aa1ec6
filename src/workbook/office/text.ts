import type { CellValue } from "../../domain/sheet/snapshot";

/**
 * Strings are written as text, never as formulas or parsed numbers (workbook.md §4,
 * quality.md "Security").
 *
 * Excel parses every string assigned to `range.values` as if it were typed: "=…", "+…",
 * "-…", "@…" become formulas, "0412" becomes 412, "01.02.2026" a date, "ИСТИНА" a boolean.
 * We choose the apostrophe prefix (the quote-prefix Excel itself uses for typed text)
 * over the "@" (Text) number format because:
 * - it travels inside the one `values` array of a block: no per-cell number-format
 *   arrays, no ordering constraint with the block number formats applied later
 *   (a block format "0.0" over a column would otherwise replace "@" on its text cells);
 * - the quote is not part of the value: `range.values` reads the original string back
 *   (office-js issue #6687 shows Excel keeping `'=…` as text and hiding the quote);
 * - "@" would leave the cell formatted as Text, so a formula the user later types there
 *   would stay inert text.
 * Only strings Excel could reinterpret get the prefix: those starting with = + - @ ' #,
 * those containing a digit (numbers, dates, times, fractions, percentages, "май 2026"),
 * and the boolean words. A leading apostrophe is itself prefixed, so "'x" stays "'x".
 */
export function protectText(s: string): string {
  if (s === "") return s;
  if (needsQuote(s)) return "'" + s;
  return s;
}

const LEADING = /^[=+\-@'#]/;
const DIGIT = /\d/;
const BOOLEAN = /^\s*(true|false|истина|ложь)\s*$/i;

export function needsQuote(s: string): boolean {
  return LEADING.test(s) || DIGIT.test(s) || BOOLEAN.test(s);
}

/** A report / settings cell → what goes into `range.values`. `null` leaves the cell blank. */
export function toExcelValue(v: CellValue | null | undefined): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return protectText(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  return v;
}
