/** Russian number formatting for messages: comma decimal separator, one decimal by default. */
export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits).replace(".", ",").replace("-", "−");
}

export function pct(value: number): string {
  return `${fmt(value)} %`;
}

/** «1 школа», «2 школы», «5 школ» (also 11–14 → «школ», 21 → «школа», 101 → «школа»). */
export function plural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function countOf(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}

/** After «из»: «из 1 школы», «из 21 школы», «из 5 школ», «из 11 школ» (genitive). */
export function ofCount(n: number, genitiveOne: string, genitiveMany: string): string {
  return `${n} ${plural(n, genitiveOne, genitiveMany, genitiveMany)}`;
}

/** "2026-05-31" → «31.05.2026». */
export function ruDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

const MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

/** "2026-11-22" → «22 ноября 2026 г.» (the day without a leading zero). */
export function ruDateLong(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS_GENITIVE[m - 1]} ${y} г.`;
}

/** «А», «А и Б», «А, Б и В»; an empty list is "". */
export function ruList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} и ${items[items.length - 1]}`;
}

/**
 * A list of at most `limit` items, the rest counted: «А, Б и ещё 3 школы» (`rest` gives the
 * noun forms of the remainder: one, few, many).
 */
export function ruListLimited(items: readonly string[], limit: number, rest: [string, string, string]): string {
  if (items.length <= limit) return ruList(items);
  return `${items.slice(0, limit).join(", ")} и ещё ${countOf(items.length - limit, ...rest)}`;
}

/** User text quoted in a message is cut to this many characters. */
export const QUOTE_MAX = 100;

/** A cell's text as quoted in a message: a 30,000-character cell must not make a 30,000-character message. */
export function clip(text: string, max = QUOTE_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
