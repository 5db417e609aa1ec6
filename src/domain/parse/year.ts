import type { CellValue } from "../sheet/snapshot";
import { foldText } from "../text/normalize";

/** A year as written: 2026, «2026 г.», «2025/26», «2025-2026», «2025-2026 уч. г.».
 *  A school year means the year it ends; `schoolYear` tells the two apart (Appendix C). */
export interface ParsedYear {
  year: number;
  schoolYear: boolean;
}

const PLAIN = /^(\d{4})( ?(г|год|гг)\.?)?$/;
const SCHOOL = /^(\d{4}) ?[-/–—] ?(\d{2}|\d{4})( ?(уч|учебный|учебного)?\.? ?(г|год|года|гг)?\.?)?$/;

/** A year typed as a number, one shared object per year (every results row has one). */
const NUMBER_YEARS = new Map<number, ParsedYear>();

export function parseYear(value: CellValue): ParsedYear | null {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 1990 || value > 2100) return null;
    let parsed = NUMBER_YEARS.get(value);
    if (!parsed) NUMBER_YEARS.set(value, (parsed = Object.freeze({ year: value, schoolYear: false })));
    return parsed;
  }
  if (typeof value !== "string") return null;
  const text = foldText(value);
  const plain = PLAIN.exec(text);
  if (plain) return validYear(Number(plain[1]), false);
  const school = SCHOOL.exec(text);
  if (!school) return null;
  const start = Number(school[1]);
  const endRaw = Number(school[2]);
  const end = school[2].length === 2 ? Math.floor(start / 100) * 100 + endRaw : endRaw;
  return end === start + 1 ? validYear(end, true) : null;
}

function validYear(year: number, schoolYear: boolean): ParsedYear | null {
  return year >= 1990 && year <= 2100 ? { year, schoolYear } : null;
}
