/** Russian number formatting for messages: comma decimal separator, one decimal by default. */
export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits).replace(".", ",").replace("-", "−");
}

export function pct(value: number): string {
  return `${fmt(value)} %`;
}

/** «1 школа», «2 школы», «5 школ». */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function countOf(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}

/** "2026-05-31" → «31.05.2026». */
export function ruDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}
