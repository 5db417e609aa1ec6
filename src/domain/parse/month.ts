import type { CellValue } from "../sheet/snapshot";
import { foldText } from "../text/normalize";

/** Month stems in the nominative and other cases: «январь», «января», «январе» → 1. */
export const MONTH_STEMS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/** 1–12 from a number or a Russian month name; null otherwise. */
export function parseMonth(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 12 ? value : null;
  if (typeof value !== "string") return null;
  const text = foldText(value).replace(/\.$/, "");
  if (/^\d{1,2}$/.test(text)) return parseMonth(Number(text));
  if (/^ма[йяе]$/.test(text)) return 5;
  const index = MONTH_STEMS.findIndex((stem, i) => i !== 4 && text.startsWith(stem));
  return index >= 0 ? index + 1 : null;
}
