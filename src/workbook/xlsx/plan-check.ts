import type { WritePlan } from "../gateway";
import { invalidPlan } from "../plan-check";

/**
 * What only an .xlsx file adds to the shared plan check (../plan-check.ts): a highlight
 * range is written as it is into the rule's `sqref`, which OOXML defines as A1 cells or
 * blocks separated by spaces — no commas, no whole rows or columns.
 */
const SQREF_AREA = /^\$?[A-Z]{1,3}\$?[1-9]\d*(:\$?[A-Z]{1,3}\$?[1-9]\d*)?$/;

export function checkXlsxPlan(plan: WritePlan): void {
  for (const h of plan.highlights) {
    const areas = h.range.trim().toUpperCase().split(/\s+/);
    if (!areas.every((a) => SQREF_AREA.test(a))) {
      throw invalidPlan(`подсветка «${h.sheet}»: неверный диапазон «${h.range}»`);
    }
  }
}
