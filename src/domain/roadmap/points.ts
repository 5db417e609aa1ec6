/**
 * Appendix B «points»: a date, a day and month, a month, a quarter, a half-year. A point
 * keeps the year only as written; the year it falls in is decided by the form around it.
 */
import { endOfMonthIso, isoFromParts, parseDateText } from "../parse/date";
import { trimPiece } from "./normalize";
import {
  HALF_UNIT,
  HALF_WORD,
  MONTH,
  ORDINAL_NUMBER,
  QUARTER_UNIT,
  QUARTER_WORD,
  YEAR,
  halfWordValue,
  monthNumber,
  ordinalValue,
  quarterWordValue,
} from "./vocabulary";

export type PointForm = "date" | "day_month" | "month" | "quarter" | "half_year";

export interface Point {
  form: PointForm;
  /** The month the point ends in (a quarter ends in 3, 6, 9 or 12). */
  month: number;
  /** A day within `month`; null means the month's last day. */
  day: number | null;
  /** The year as written, or null when the text gives none. */
  year: number | null;
}

const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})(?:-?го)?\s+(${MONTH})(?:\s+${YEAR})?$`);
const MONTH_ONLY = new RegExp(String.raw`^(${MONTH})(?:\s+${YEAR})?$`);
const QUARTER = new RegExp(String.raw`^(?:${ORDINAL_NUMBER}|${QUARTER_WORD})\s*${QUARTER_UNIT}(?:\s+${YEAR})?$`);
const HALF = new RegExp(String.raw`^(?:${ORDINAL_NUMBER}|${HALF_WORD})\s*${HALF_UNIT}(?:\s+${YEAR})?$`);
/** «20.05» without a year: a day and month typed as digits. */
const NUMERIC_DAY_MONTH = /^(\d{1,2})\.(\d{1,2})$/;
/** A leap year, to check that a day and month without a year can exist at all. */
const ANY_LEAP_YEAR = 2000;

function optionalYear(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

/** A day and month must exist in some year («31 июня» never does). */
function dayMonthExists(day: number, month: number): boolean {
  return isoFromParts(ANY_LEAP_YEAR, month, day) !== null;
}

function parseDatePoint(text: string): Point | null {
  const iso = parseDateText(text);
  if (!iso) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return { form: "date", month: m, day: d, year: y };
}

function parseDayMonth(text: string): Point | null {
  const numeric = NUMERIC_DAY_MONTH.exec(text);
  const words = numeric ? null : DAY_MONTH.exec(text);
  if (!numeric && !words) return null;
  const day = Number((numeric ?? words)![1]);
  const month = numeric ? Number(numeric[2]) : monthNumber(words![2])!;
  if (!dayMonthExists(day, month)) return null;
  return { form: "day_month", month, day, year: words ? optionalYear(words[3]) : null };
}

function parseMonth(text: string): Point | null {
  const m = MONTH_ONLY.exec(text);
  if (!m) return null;
  return { form: "month", month: monthNumber(m[1])!, day: null, year: optionalYear(m[2]) };
}

function parseQuarter(text: string): Point | null {
  const m = QUARTER.exec(text);
  if (!m) return null;
  const n = m[1] !== undefined ? ordinalValue(m[1]) : quarterWordValue(m[2]);
  if (n === null || n < 1 || n > 4) return null;
  return { form: "quarter", month: 3 * n, day: null, year: optionalYear(m[3]) };
}

function parseHalf(text: string): Point | null {
  const m = HALF.exec(text);
  if (!m) return null;
  const n = m[1] !== undefined ? ordinalValue(m[1]) : halfWordValue(m[2]);
  if (n === null || n < 1 || n > 2) return null;
  return { form: "half_year", month: 6 * n, day: null, year: optionalYear(m[3]) };
}

/** A point written alone (no «в», no preposition). */
export function parsePoint(raw: string): Point | null {
  const text = trimPiece(raw);
  return parseDatePoint(text) ?? parseDayMonth(text) ?? parseMonth(text) ?? parseQuarter(text) ?? parseHalf(text);
}

/** A point, optionally after «в» («в мае», «в I квартале»; «во втором квартале» is the
 *  same preposition). */
export function parsePointAfterV(raw: string): Point | null {
  const text = trimPiece(raw);
  const m = /^во?\s+(.+)$/.exec(text);
  return m ? parsePoint(m[1]) : parsePoint(text);
}

/** The bare first half of a range that borrows its unit from the second:
 *  «15» in «15–20 мая», «I» in «I–II квартал». */
const BARE_NUMBER = new RegExp(String.raw`^${ORDINAL_NUMBER}$`);
const BARE_DAY = /^(\d{1,2})(?:-?го)?$/;

export function parseBareStart(raw: string, end: Point): Point | null {
  const text = trimPiece(raw);
  if (end.form === "date" || end.form === "day_month") {
    const m = BARE_DAY.exec(text);
    if (!m || end.day === null) return null;
    const day = Number(m[1]);
    return day >= 1 && day < end.day ? { ...end, day } : null;
  }
  if (end.form === "quarter" || end.form === "half_year") {
    const m = BARE_NUMBER.exec(text);
    if (!m) return null;
    const step = end.form === "quarter" ? 3 : 6;
    const n = ordinalValue(m[1]);
    return n >= 1 && n * step < end.month ? { ...end, month: n * step } : null;
  }
  return null;
}

/** The last day of a point in `year`, or null when that day does not exist
 *  («29 февраля» in a common year). */
export function pointEnd(point: Point, year: number): string | null {
  if (point.day === null) return endOfMonthIso(year, point.month);
  return isoFromParts(year, point.month, point.day);
}
