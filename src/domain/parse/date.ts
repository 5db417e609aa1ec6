/**
 * Calendar dates as the domain passes them around: ISO text "YYYY-MM-DD". Excel hands dates
 * over as serial numbers of the 1900 date system; people type them as «20.05.2022».
 *
 * date-fns does the calendar arithmetic on local-time Date objects built from year, month
 * and day only, so time zones and daylight saving never shift a day.
 */
import { addDays, differenceInCalendarDays, format, isExists, lastDayOfMonth } from "date-fns";

/** Excel's day 0 in the 1900 system is 1899-12-30 for every serial from 61 (1900-03-01) on;
 *  Excel counts a non-existent 1900-02-29 as serial 60. */
const EXCEL_EPOCH = new Date(1899, 11, 30);
const FIRST_SERIAL_AFTER_FAKE_LEAP_DAY = 61;

/** Appendix B: a number cell in this range is a date; outside it is just a number. */
export const DATE_SERIAL_MIN = 20000;
export const DATE_SERIAL_MAX = 80000;

export function isDateSerial(value: number): boolean {
  return Number.isFinite(value) && value >= DATE_SERIAL_MIN && value <= DATE_SERIAL_MAX;
}

/** A local Date at midnight → ISO date. */
function toIso(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/** ISO date → local Date at midnight (no validation: callers pass valid ISO dates). */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** Builds an ISO date from parts, or null when the day does not exist («31.02.2026»). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999) return null;
  if (!isExists(year, month - 1, day)) return null;
  const date = new Date(year, month - 1, day);
  // new Date maps years 0–99 to 1900+; our range excludes them, but keep the guard honest.
  date.setFullYear(year);
  return toIso(date);
}

/** The last day of a month (1–12) as ISO: 2026, 2 → "2026-02-28". */
export function endOfMonthIso(year: number, month: number): string {
  return toIso(lastDayOfMonth(new Date(year, month - 1, 1)));
}

/** Excel serial → ISO date; a time-of-day fraction is dropped. Serial 60 (Excel's fictitious
 *  29.02.1900) and serials below 1 have no real date. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return null;
  const offset = day < FIRST_SERIAL_AFTER_FAKE_LEAP_DAY ? day + 1 : day;
  return toIso(addDays(EXCEL_EPOCH, offset));
}

/** ISO date → Excel serial (1900 system). */
export function isoToSerial(iso: string): number {
  const days = differenceInCalendarDays(isoToDate(iso), EXCEL_EPOCH);
  return days < FIRST_SERIAL_AFTER_FAKE_LEAP_DAY ? days - 1 : days;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(isoToDate(to), isoToDate(from));
}

/** ISO date of the last day of the month before the one `iso` falls in. */
export function endOfPreviousMonthIso(iso: string): string {
  const [y, m] = iso.split("-").map(Number);
  return m === 1 ? endOfMonthIso(y - 1, 12) : endOfMonthIso(y, m - 1);
}

/** A two-digit year in a typed date («20.05.22») is read as 20xx: school monitoring never
 *  refers to the 1900s. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:\s*(?:г|года)\.?)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A typed date: «20.05.2022», «20.05.22», «20.05.2022 г.», «2022-05-20». Returns the ISO
 * date, or null when the text is not a date or names a day that does not exist.
 * The caller folds case and dashes; surrounding spaces and a final dot are tolerated here.
 */
export function parseDateText(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/\.$/, "");
  const ru = RU_DATE.exec(text);
  if (ru) return isoFromParts(fullYear(ru[3]), Number(ru[2]), Number(ru[1]));
  const iso = ISO_DATE.exec(text.replace(/[‐‑‒–—―−]/g, "-"));
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** A date from a cell: a date serial number or typed date text; anything else → null. */
export function parseDateCell(value: string | number | boolean): string | null {
  if (typeof value === "number") return isDateSerial(value) ? serialToIso(value) : null;
  if (typeof value === "string") return parseDateText(value);
  return null;
}
