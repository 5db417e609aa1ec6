/** Numbers as Russian readers expect them: comma decimal, non-breaking space between thousands. */
import { fmt } from "../domain/i18n/format";

const NBSP = "\u00a0";

/** 1611 → «1 611», −5 → «−5». */
export function formatInt(n: number): string {
  const sign = n < 0 ? "−" : "";
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** 92.857… → «92,9»; null → the «no data» text. */
export function formatIndex(v: number | null | undefined, noData: string, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? noData : fmt(v, digits);
}

/** "2026-11-24" → «24.11.2026»; anything else as is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
