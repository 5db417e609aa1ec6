import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS, STATUS_LABELS } from "../i18n/ru";
import { overdueRuleFormula, rangeA1 } from "../roadmap/highlight";
import { STATUS_LABELS as ROADMAP_STATUS_LABELS } from "../roadmap/messages";
import { reportLookup } from "../roadmap/report";
import { cellAddress, columnLetter } from "../sheet/address";
import type { HighlightPlan } from "./model";
import { STATUS_COLUMN } from "./indicators";

/** Statuses whose rows are highlighted, with their colour setting (workbook.md §5). */
const HIGHLIGHTED = ["shnor_shnsu", "shnor", "resilient", "shnsu", "risk_zone"] as const;

/** Every highlight of the run: school rows by status, then overdue roadmap events. */
export function highlightPlan(result: EngineResult): HighlightPlan[] {
  return [...schoolPlans(result), ...overduePlans(result)];
}

/**
 * Highlights by conditional formatting that looks the row's school up in «Индикаторы»:
 * nothing of the user's sheet changes, the rules can be removed, and they stay right
 * when the user sorts the sheet.
 */
function schoolPlans(result: EngineResult): HighlightPlan[] {
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

/**
 * Overdue events in each roadmap sheet, colour `color_overdue`: a rule over the table's data
 * rows that finds the row's key among the «Исполнение ДК» lines with status «просрочено».
 * Why a row key and not the row number: see src/domain/roadmap/highlight.ts. A sheet
 * without an overdue event gets no rule.
 */
function overduePlans(result: EngineResult): HighlightPlan[] {
  const lookup = result.execution ? reportLookup(result.roadmap.length) : null;
  if (!lookup) return [];
  const fill = result.settings.colors.overdue;
  return result.roadmapTargets
    .filter((target) => result.roadmap.some((e) => e.sheet === target.sheet && e.status === "overdue"))
    .map((target) => ({
      sheet: target.sheet,
      range: rangeA1({ top: target.firstRow, left: target.firstCol, bottom: target.lastRow, right: target.lastCol }),
      rules: [{ formula: overdueRuleFormula(target.columns, target.firstRow, lookup, ROADMAP_STATUS_LABELS.overdue), fill }],
    }));
}
