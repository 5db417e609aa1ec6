import type { ReportSheet } from "./model";

/**
 * Excel keeps at most 32,767 characters in a cell, and the Office adapter puts an apostrophe
 * before text Excel could misread (workbook/plan-check.ts refuses longer text).
 */
export const MAX_CELL_TEXT = 32_766;

/**
 * Cuts every text longer than a cell can hold, ending it with «…». Report cells repeat user
 * text (a school's name, an event, a problem quoting a cell), and a user's cell written by
 * another program may be longer than Excel allows: the run must not fail on it.
 */
export function clipLongTexts(sheet: ReportSheet): ReportSheet {
  for (const row of sheet.values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) row[c] = `${v.slice(0, MAX_CELL_TEXT - 1)}…`;
    }
  }
  return sheet;
}
