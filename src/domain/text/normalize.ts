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
  return foldLookalikes(text.replace(/[^\p{L}\p{N}№]/gu, ""));
}

/** Latin letters (lower-case) that look like Cyrillic ones: «Код OO» typed with a Latin «O». */
const LOOKALIKES: Record<string, string> = { a: "а", b: "в", c: "с", e: "е", h: "н", k: "к", m: "м", o: "о", p: "р", t: "т", x: "х", y: "у" };
const LATIN = /[a-z]/g;

/**
 * Turns Latin look-alikes into Cyrillic letters when the header is meant to be Russian: it
 * has a Cyrillic letter, or every Latin letter in it is a look-alike («OO», «MO»). Headers
 * with other Latin letters («school_id», «ID») are left as they are.
 */
function foldLookalikes(text: string): string {
  const latin = text.match(LATIN);
  if (!latin) return text;
  const russian = /[а-я]/.test(text) || latin.every((ch) => ch in LOOKALIKES);
  return russian ? text.replace(LATIN, (ch) => LOOKALIKES[ch] ?? ch) : text;
}

/** Text of a cell as a person would read it ("" for empty; a boolean as Russian Excel shows it). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  return String(value);
}

export function isBlank(value: unknown): boolean {
  return cellText(value) === "";
}
