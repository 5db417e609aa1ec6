/** Header and value normalisation shared by recognition and parsing (workbook.md §1). */

/** Trailing units stripped from a header before matching (a closed list, workbook.md §1). */
const TRAILING_UNITS = ["(чел.)", "(чел)", "(ед.)", "(%)", ", %", ", чел."];

/** Lower-case, ё → е, line breaks and runs of spaces folded: the common first step. */
export function foldText(raw: string): string {
  return raw
    .replace(/[\r\n\t\u00a0\u202f]+/g, " ")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/ +/g, " ")
    .trim();
}

/** The normalised form of a header: two headers match when these are equal. */
export function normalizeHeader(raw: string): string {
  let text = foldText(raw);
  for (const unit of TRAILING_UNITS) {
    if (text.endsWith(unit)) {
      text = text.slice(0, -unit.length);
      break;
    }
  }
  return text.replace(/[^\p{L}\p{N}№]/gu, "");
}

/** Text of a cell as a person would read it ("" for empty). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  return String(value);
}

export function isBlank(value: unknown): boolean {
  return cellText(value) === "";
}
