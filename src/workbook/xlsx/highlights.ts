import type { ConditionalFormattingRule, Workbook, Worksheet } from "exceljs";
import type { HighlightPlan } from "../gateway";
import { matchesRecord, normalizeColor, stripEquals, type HighlightRecord } from "../service-state";
import { findSheet, internals } from "./internals";
import { toArgb } from "./styles";

/*
 * Our highlight rules are the recorded ones (see ../service-state.ts for why a list): an
 * `expression` rule on a recorded sheet with a recorded formula and fill. The Office.js
 * adapter reads the same records, so a book highlighted on the command line can be
 * un-highlighted in Excel and vice versa. OOXML stores rule formulas without the leading
 * "=" that Office.js and people write.
 */

type AnyRule = ConditionalFormattingRule & { formulae?: unknown[]; style?: { fill?: unknown } };

function ruleFill(rule: AnyRule): string[] {
  const fill = rule.style?.fill as { fgColor?: { argb?: string }; bgColor?: { argb?: string } } | undefined;
  if (!fill) return [];
  return [normalizeColor(fill.fgColor?.argb), normalizeColor(fill.bgColor?.argb)].filter((c) => c !== "");
}

export function isOurRule(rule: ConditionalFormattingRule, records: HighlightRecord[]): boolean {
  const r = rule as AnyRule;
  if (r.type !== "expression" || !Array.isArray(r.formulae) || typeof r.formulae[0] !== "string") return false;
  const formula = r.formulae[0];
  const fills = ruleFill(r);
  return records.some((rec) => matchesRecord(rec, formula, fills));
}

/** Removes recorded rules from their sheets; every other rule stays (same objects, same order). */
export function removeRecordedHighlights(wb: Workbook, records: HighlightRecord[]): void {
  const bySheet = new Map<Worksheet, HighlightRecord[]>();
  for (const rec of records) {
    const ws = findSheet(wb, rec.sheet);
    if (!ws) continue; // sheet deleted or renamed by the user: nothing of ours left to find there
    const list = bySheet.get(ws) ?? [];
    list.push(rec);
    bySheet.set(ws, list);
  }
  for (const [ws, recs] of bySheet) {
    const w = internals(ws);
    const kept = [];
    for (const cf of w.conditionalFormattings) {
      const rules = cf.rules.filter((rule) => !isOurRule(rule, recs));
      if (rules.length === cf.rules.length) kept.push(cf);
      else if (rules.length > 0) kept.push({ ...cf, rules });
    }
    w.conditionalFormattings = kept;
  }
}

/**
 * Adds the planned rules with lower precedence than every rule already on the sheet (the
 * user's formatting keeps priority), in plan order (the first rule of a plan wins).
 * Returns the records to keep in the service sheet.
 */
export function addHighlights(wb: Workbook, plans: HighlightPlan[]): HighlightRecord[] {
  const records: HighlightRecord[] = [];
  for (const plan of plans) {
    const ws = findSheet(wb, plan.sheet);
    if (!ws) throw new Error(`Лист «${plan.sheet}» для подсветки не найден`);
    const w = internals(ws);
    let priority = 0;
    for (const cf of w.conditionalFormattings) for (const rule of cf.rules) priority = Math.max(priority, rule.priority ?? 0);
    const rules: ConditionalFormattingRule[] = plan.rules.map((rule) => {
      const argb = toArgb(rule.fill);
      records.push({ sheet: ws.name, range: plan.range, formula: rule.formula, fill: rule.fill });
      return {
        type: "expression",
        priority: ++priority,
        formulae: [stripEquals(rule.formula)],
        // Both colours: a dxf solid fill is drawn with bgColor by Excel, fgColor by others.
        style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } } },
      };
    });
    if (rules.length > 0) ws.addConditionalFormatting({ ref: plan.range, rules });
  }
  return records;
}
