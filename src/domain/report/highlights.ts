import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS, STATUS_LABELS } from "../i18n/ru";
import { cellAddress, columnLetter } from "../sheet/address";
import type { HighlightPlan } from "./model";
import { STATUS_COLUMN } from "./indicators";

/** Statuses whose rows are highlighted, with their colour setting (workbook.md §5). */
const HIGHLIGHTED = ["shnor_shnsu", "shnor", "resilient", "shnsu", "risk_zone"] as const;

/**
 * Highlights by conditional formatting that looks the row's school up in «Индикаторы»:
 * nothing of the user's sheet changes, the rules can be removed, and they stay right
 * when the user sorts the sheet.
 */
export function highlightPlan(result: EngineResult): HighlightPlan[] {
  const target = result.highlightTarget;
  if (!target || result.schools.length === 0) return [];
  const key = `$${columnLetter(target.keyCol)}${target.firstRow + 1}&""`;
  const ind = `'${REPORT_SHEETS.indicators}'`;
  const status = `INDEX(${ind}!$${columnLetter(STATUS_COLUMN)}:$${columnLetter(STATUS_COLUMN)},MATCH(${key},${ind}!$A:$A,0))`;
  return [
    {
      sheet: target.sheet,
      range: `${cellAddress(target.firstRow, target.firstCol)}:${cellAddress(target.lastRow, target.lastCol)}`,
      rules: HIGHLIGHTED.map((st) => ({ formula: `${status}="${STATUS_LABELS[st]}"`, fill: result.settings.colors[st] })),
    },
  ];
}
