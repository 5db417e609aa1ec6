import { foldText } from "../text/normalize";

/** Every dash people type (hyphen, non-breaking hyphen, figure/en/em dashes, minus). */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d-]/g;

/**
 * Appendix B normalisation of a deadline: lower-case, ё → е, every dash → «-», spaces
 * collapsed, final dots dropped. Forms are then matched against the whole result.
 */
export function normalizeDeadline(raw: string): string {
  return foldText(raw)
    .replace(DASHES, "-")
    .replace(/[.\s]+$/, "")
    .trim();
}

/** Removes a final run of dots and spaces, for pieces cut out of a longer deadline
 *  («февраль 2022 г.» out of «февраль 2022 г. - далее ежегодно»). */
export function trimPiece(piece: string): string {
  return piece.replace(/[.\s]+$/, "").trim();
}
