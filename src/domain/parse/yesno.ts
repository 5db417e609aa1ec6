import type { CellValue } from "../sheet/snapshot";
import { foldText } from "../text/normalize";

export type ParsedYesNo = { kind: "value"; value: boolean } | { kind: "blank" } | { kind: "invalid"; text: string };

const YES = new Set(["да", "1", "+", "истина", "true", "x", "х", "✓", "✔", "v"]);
const NO = new Set(["нет", "0", "ложь", "false"]);

/** Yes/no cells (workbook.md §2): any dash means «нет»; blank or «нет данных» is no data. */
export function parseYesNo(value: CellValue): ParsedYesNo {
  if (typeof value === "boolean") return { kind: "value", value };
  if (typeof value === "number") {
    if (value === 1 || value === 0) return { kind: "value", value: value === 1 };
    return { kind: "invalid", text: String(value) };
  }
  const text = foldText(value).replace(/\.$/, "");
  if (text === "" || text === "нет данных" || text === "н/д") return { kind: "blank" };
  if (/^[-−–—]+$/.test(text)) return { kind: "value", value: false };
  if (YES.has(text)) return { kind: "value", value: true };
  if (NO.has(text)) return { kind: "value", value: false };
  return { kind: "invalid", text: value.trim() };
}
