import type { CellValue } from "../sheet/snapshot";
import { foldText } from "../text/normalize";

/** What a cell holds when a number is expected. */
export type ParsedNumber =
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "blank" }
  | { kind: "error"; text: string }
  | { kind: "invalid"; text: string };

/** Excel error values in English and Russian Excel. */
const ERROR_VALUE = /^#(н\/д|n\/a|дел\/0!|div\/0!|знач!|value!|ссылка!|ref!|имя\?|name\?|число!|num!|пусто!|null!|getting_data|spill!|calc!)$/i;

/** «нет данных», dashes and similar: the person says «no value here». */
const NO_DATA = /^(нет данных|н\/д|-+|—+|–+|−+)$/i;

export function isExcelError(text: string): boolean {
  return ERROR_VALUE.test(text.trim());
}

/** Whether a cell is a «no data» marker: blank, a dash or «нет данных». */
export function isNoData(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const text = foldText(value);
  return text === "" || NO_DATA.test(text);
}

/** One shared «blank» answer: empty cells are the most common text there is. */
const BLANK: ParsedNumber = Object.freeze({ kind: "blank" });

/**
 * Reads a number the way Russian workbooks write it: numbers, or text with a comma
 * decimal, spaces or non-breaking spaces as thousands separators and a trailing «%».
 */
export function parseNumber(value: CellValue): ParsedNumber {
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, percent: false } : { kind: "invalid", text: String(value) };
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "ИСТИНА" : "ЛОЖЬ" };
  const raw = value.trim();
  if (raw === "" || isNoData(raw)) return BLANK;
  if (isExcelError(raw)) return { kind: "error", text: raw };
  let text = raw.replace(/[\s\u00a0\u202f']/g, "");
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1);
  text = text.replace(",", ".").replace(/^−/, "-");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { kind: "invalid", text: raw };
  const number = Number(text);
  // «1e999» is Infinity: no count or share is that large, and it would spoil every sum.
  if (!Number.isFinite(number)) return { kind: "invalid", text: raw };
  return { kind: "number", value: number, percent };
}
