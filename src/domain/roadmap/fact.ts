import type { CellValue } from "../sheet/snapshot";
import { foldText } from "../text/normalize";

/** Appendix B «No fact»: empty, «нет», «не выполнено», «нет данных» (case and final dots
 *  ignored) or only dashes. */
const NO_FACT_WORDS: ReadonlySet<string> = new Set(["", "нет", "не выполнено", "нет данных"]);
const ONLY_DASHES = /^[\s\u2010-\u2015\u2212-]+$/;

/**
 * Whether «Фактический результат» records a fact. Anything else than «no fact» is a fact,
 * «выполнено частично» included (Appendix A). A FALSE cell reads as «нет».
 */
export function isFact(value: CellValue): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return true;
  if (ONLY_DASHES.test(value)) return false;
  const text = foldText(value).replace(/\.+$/, "").trim();
  return !NO_FACT_WORDS.has(text);
}
