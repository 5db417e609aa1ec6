import { GatewayError } from "../errors";
import type { WritePlan } from "../gateway";
import { checkPlan } from "../plan-check";
import { SERVICE_SHEET, type ServiceState } from "../service-state";
import { SheetIndex, sheetKey } from "../sheet-names";
import { messages, protectedSheetError } from "./messages";

/** What the adapter knows about the workbook before it changes anything. */
export interface WorkbookState {
  sheets: { name: string; visibility: string; protected: boolean }[];
  /** The workbook structure is protected (no sheets may be added or deleted). */
  structureProtected: boolean;
  serviceExists: boolean;
  service: ServiceState;
  /** runtime.enableEvents before the write (restored after). */
  eventsEnabled: boolean;
}

/**
 * Everything `write` could refuse is checked here, before the workbook is touched:
 * ownership and the shape of the plan (../plan-check.ts, the same as the .xlsx adapter's;
 * ownership against the list recorded in the service sheet, not the plan's new list),
 * then protection, which only Excel has.
 */
export function checkOfficePlan(plan: WritePlan, state: WorkbookState): void {
  checkPlan(plan, { sheets: state.sheets.map((s) => s.name), owned: state.service.owned });
  checkProtection(plan, state);
}

/** Every sheet this write changes must be unprotected, and so must the structure when it adds or deletes sheets. */
function checkProtection(plan: WritePlan, state: WorkbookState): void {
  const sheets = new SheetIndex(state.sheets);
  const deleted = new Set(plan.deleteSheets.map(sheetKey));
  const s = plan.settings;
  const changed = new Set<string>();
  for (const report of plan.reports) if (sheets.has(report.name)) changed.add(sheetKey(report.name));
  if (s && !s.create) changed.add(sheetKey(s.sheet));
  for (const h of plan.highlights) if (sheets.has(h.sheet)) changed.add(sheetKey(h.sheet));
  for (const rec of state.service.highlights) if (sheets.has(rec.sheet) && !deleted.has(sheetKey(rec.sheet))) changed.add(sheetKey(rec.sheet));
  if (state.serviceExists) changed.add(sheetKey(SERVICE_SHEET));
  for (const name of changed) {
    const sheet = sheets.get(name);
    if (sheet?.protected) throw protectedSheetError(sheet.name);
  }
  const addsOrDeletes =
    !state.serviceExists ||
    plan.reports.some((r) => !sheets.has(r.name)) ||
    plan.deleteSheets.some((n) => sheets.has(n)) ||
    (s?.create ?? false);
  if (state.structureProtected && addsOrDeletes) throw new GatewayError("protected", messages.protectedWorkbook(), "AccessDenied");
}
