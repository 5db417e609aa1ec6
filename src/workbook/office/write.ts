import { rangeAddress } from "../../domain/sheet/address";
import type { HighlightPlan, WritePlan } from "../gateway";
import { highlightAreas } from "../plan-check";
import { emptyServiceState, matchesRecord, SERVICE_SHEET, type HighlightRecord, type ServiceState } from "../service-state";
import { SheetIndex, sheetKey } from "../sheet-names";
import { runBatches, type WriteOp } from "./batcher";
import { addChart } from "./charts";
import { errorCode, protectedSheetError, toGatewayError } from "./messages";
import { checkOfficePlan, type WorkbookState } from "./plan-check";
import { clearReportSheet, reportOps, settingsOps, setupReportSheet, applyColumnWidths } from "./report-ops";
import type { IsSetSupported, Limits, RunFn } from "./run";
import { loadServiceRange, serviceStateOf, writeServiceState } from "./service-sheet";

export interface WriteEnv {
  run: RunFn;
  supports: IsSetSupported;
  limits: Limits;
}

/** Priorities beyond the bounds are clamped to the last place: the user's rules keep precedence. */
const LAST_PRIORITY = 1_000_000;

/**
 * Applies a write plan.
 *
 * Sync layout (a second run on a region workbook: 5–6 syncs):
 *   run A (no undo group)  P1  sheets, protection, events flag, service sheet — then the
 *                              plan is checked; a refusal leaves the workbook untouched
 *                          A   only when needed: delete obsolete report sheets, create the
 *                              very hidden service sheet (both unsupported by undo)
 *   run B (one undo group when ExcelApi 1.20)
 *                          P2  list our old highlight rules; clear or create the report
 *                              sheets and record them as ours in the same sync; widths,
 *                              frozen rows, print set-up; create the settings sheet
 *                          V…  number formats, values, styles, settings rows in chunks
 *                              (the first also loads the old rules' formulas and fills)
 *                          F   delete old highlights, add new ones, merges, old charts
 *                              (listed in P2) deleted, service sheet, events back on,
 *                              recalculate
 *                          C   only with charts: the native charts (a refusal leaves the
 *                              report without them)
 * Events are off from the first change to F; a failure turns them back on in `finally`.
 */
export async function writePlan(env: WriteEnv, plan: WritePlan): Promise<void> {
  const undo = env.supports("ExcelApi", "1.20");
  try {
    await writeOnce(env, plan, undo);
  } catch (e) {
    if (undo && errorCode(e) === "UndoNotSupported") {
      try {
        await writeOnce(env, plan, false);
        return;
      } catch (e2) {
        throw toGatewayError(e2);
      }
    }
    throw toGatewayError(e);
  }
}

interface EventsState {
  supported: boolean;
  changed: boolean;
  restored: boolean;
  previous: boolean;
}

async function writeOnce(env: WriteEnv, plan: WritePlan, undo: boolean): Promise<void> {
  const events: EventsState = { supported: env.supports("ExcelApi", "1.8"), changed: false, restored: false, previous: true };
  try {
    const state = await env.run(async (ctx) => {
      const st = await preflight(ctx, env);
      events.previous = st.eventsEnabled;
      checkOfficePlan(plan, st); // throws before anything changes
      await phaseA(ctx, plan, st, events);
      return st;
    });
    await env.run((ctx) => phaseB(ctx, env, plan, state, events), undo ? { mergeUndoGroup: true } : undefined);
  } finally {
    if (events.changed && !events.restored) {
      try {
        await env.run(async (ctx) => {
          ctx.runtime.enableEvents = events.previous;
          await ctx.sync();
        });
      } catch {
        // The original error matters more; Excel re-enables events when the add-in reloads.
      }
    }
  }
}

function eventsOff(ctx: Excel.RequestContext, events: EventsState): void {
  if (!events.supported || events.changed) return;
  ctx.runtime.enableEvents = false;
  events.changed = true;
}

function suspend(ctx: Excel.RequestContext, env: WriteEnv): void {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  if (env.supports("ExcelApi", "1.9")) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** P1: everything the checks need, in one sync (two on the very first run). */
export async function preflight(ctx: Excel.RequestContext, env: { supports: IsSetSupported }): Promise<WorkbookState> {
  const wbProtection = env.supports("ExcelApi", "1.7");
  const eventsFlag = env.supports("ExcelApi", "1.8");
  const queue = (withService: boolean) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/protection/protected");
    const protection = wbProtection ? ctx.workbook.protection : null;
    protection?.load("protected");
    const runtime = eventsFlag ? ctx.runtime : null;
    runtime?.load("enableEvents");
    // getItem throws ItemNotFound when the service sheet is missing (first run).
    const service = withService ? loadServiceRange(ctx) : null;
    return { sheets, protection, runtime, service };
  };
  let q = queue(true);
  try {
    await ctx.sync();
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    q = queue(false);
    await ctx.sync();
  }
  const service = q.service ? serviceStateOf(q.service) : emptyServiceState();
  return {
    sheets: q.sheets.items.map((ws) => ({ name: ws.name, visibility: ws.visibility, protected: ws.protection.protected })),
    structureProtected: q.protection?.protected ?? false,
    serviceExists: q.service !== null,
    service,
    eventsEnabled: q.runtime?.enableEvents ?? true,
  };
}

/** Names that are (still) sheets, in their workbook spelling, without duplicates. */
function existing(names: readonly string[], sheets: SheetIndex, gone: Set<string>): string[] {
  const out: string[] = [];
  for (const n of names) {
    const s = sheets.get(n);
    if (s && !gone.has(sheetKey(s.name)) && !out.some((o) => sheetKey(o) === sheetKey(s.name))) out.push(s.name);
  }
  return out;
}

/** Run A: the changes undo grouping cannot take (sheet deletion, very hidden visibility). */
async function phaseA(ctx: Excel.RequestContext, plan: WritePlan, st: WorkbookState, events: EventsState): Promise<void> {
  const sheets = new SheetIndex(st.sheets);
  const deletions = plan.deleteSheets.filter((n) => sheets.has(n));
  if (deletions.length === 0 && st.serviceExists) return;
  eventsOff(ctx, events);
  const gone = new Set(deletions.map((n) => sheetKey(sheets.get(n)!.name)));
  for (const name of deletions) ctx.workbook.worksheets.getItem(name).delete();
  const service: ServiceState = { owned: existing(st.service.owned, sheets, gone), highlights: st.service.highlights };
  let ws: Excel.Worksheet;
  if (st.serviceExists) ws = ctx.workbook.worksheets.getItem(SERVICE_SHEET);
  else {
    ws = ctx.workbook.worksheets.add(SERVICE_SHEET);
    ws.visibility = "VeryHidden";
  }
  writeServiceState(ws, service);
  await ctx.sync();
  // What run B starts from.
  st.sheets = st.sheets.filter((s) => !gone.has(sheetKey(s.name)));
  if (!st.serviceExists) st.sheets.push({ name: SERVICE_SHEET, visibility: "VeryHidden", protected: false });
  st.serviceExists = true;
  st.service = service;
}

interface OldRule {
  sheet: string;
  rule: Excel.ConditionalFormat;
}

interface RuleList {
  sheet: string;
  list: Excel.ConditionalFormatCollection;
}

async function phaseB(ctx: Excel.RequestContext, env: WriteEnv, plan: WritePlan, st: WorkbookState, events: EventsState): Promise<void> {
  const sheets = new SheetIndex(st.sheets);
  const cache = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => {
    const key = sheetKey(name);
    let ws = cache.get(key);
    if (!ws) cache.set(key, (ws = ctx.workbook.worksheets.getItem(name)));
    return ws;
  };

  // --- P2: structure ---
  eventsOff(ctx, events);
  suspend(ctx, env);
  const oldRuleLists = loadRuleLists(sheetOf, st.service.highlights, sheets);
  const printSupported = env.supports("ExcelApi", "1.9");
  const chartsSupported = env.supports("ExcelApi", "1.7");
  const created: string[] = [];
  // Charts of an earlier run on the sheets emptied here: listed now, deleted in F (clearing
  // cells does not remove charts).
  const oldCharts: Excel.ChartCollection[] = [];
  for (const report of plan.reports) {
    const old = sheets.get(report.name);
    let ws: Excel.Worksheet;
    if (old) {
      ws = sheetOf(old.name);
      clearReportSheet(ws);
      if (chartsSupported) oldCharts.push(ws.charts.load("items/name"));
    } else {
      ws = ctx.workbook.worksheets.add(report.name);
      cache.set(sheetKey(report.name), ws);
      created.push(report.name);
    }
    setupReportSheet(ws, report, printSupported);
  }
  if (plan.settings?.create) {
    const ws = ctx.workbook.worksheets.add(plan.settings.sheet);
    cache.set(sheetKey(plan.settings.sheet), ws);
  }
  if (plan.settings?.columnWidths) applyColumnWidths(sheetOf(plan.settings.sheet), plan.settings.columnWidths);
  // New report sheets are recorded as ours in the same sync that creates them, so a run
  // that fails later never leaves a sheet that the next run would take for the user's.
  const service: ServiceState = { owned: [...st.service.owned], highlights: st.service.highlights };
  for (const name of created) if (!service.owned.some((o) => sheetKey(o) === sheetKey(name))) service.owned.push(name);
  if (created.length > 0) writeServiceState(sheetOf(SERVICE_SHEET), service);
  await ctx.sync();

  // --- V: blocks of values, number formats, styles (first sync also loads old rules) ---
  const ops: WriteOp[] = [];
  for (const report of plan.reports) ops.push(...reportOps(sheetOf, report, env.limits));
  if (plan.settings) ops.push(...settingsOps(sheetOf, plan.settings, env.limits));
  let customRules: OldRule[] = [];
  const prelude = () => void (customRules = loadCustomRules(oldRuleLists));
  const hasCustom = oldRuleLists.some(({ list }) => list.items.some((r) => r.type === "Custom"));
  await runBatches(ctx, ops, env.limits, { beforeSync: () => suspend(ctx, env), prelude: hasCustom ? prelude : undefined });

  // --- F: highlights, merges, ownership, events back on ---
  deleteRecorded(customRules, st.service.highlights);
  const records = addHighlights(sheetOf, plan.highlights);
  for (const report of plan.reports) {
    for (const m of report.merges ?? []) {
      sheetOf(report.name).getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
    }
  }
  for (const list of oldCharts) for (const chart of list.items) chart.delete();
  const finalNames = new Set<string>(st.sheets.map((s) => sheetKey(s.name)));
  for (const name of created) finalNames.add(sheetKey(name));
  if (plan.settings?.create) finalNames.add(sheetKey(plan.settings.sheet));
  const owned: string[] = [];
  for (const name of [...plan.ownedSheets, ...plan.reports.map((r) => r.name)]) {
    if (!finalNames.has(sheetKey(name)) || owned.some((o) => sheetKey(o) === sheetKey(name))) continue;
    owned.push(sheets.get(name)?.name ?? name);
  }
  writeServiceState(sheetOf(SERVICE_SHEET), { owned, highlights: records });
  if (events.changed) ctx.runtime.enableEvents = events.previous;
  ctx.workbook.application.calculate("Recalculate");
  await ctx.sync();
  events.restored = true;

  // --- C: native charts, in a sync of their own: a host that refuses a chart call leaves
  // the report without that chart (its data, ticks and legend are cells), not without the
  // report. ---
  const charts = chartsSupported ? plan.reports.flatMap((r) => (r.charts ?? []).map((c) => ({ sheet: r.name, chart: c }))) : [];
  if (charts.length > 0) {
    for (const { sheet, chart } of charts) addChart(sheetOf(sheet), chart);
    try {
      await ctx.sync();
    } catch {
      // Charts are an extra: everything else is written.
    }
  }
}

/** Sheets that hold recorded highlight rules and still exist. */
function highlightSheets(records: readonly HighlightRecord[], sheets: SheetIndex): string[] {
  const out: string[] = [];
  for (const rec of records) {
    const s = sheets.get(rec.sheet);
    if (s && sheetKey(s.name) !== sheetKey(SERVICE_SHEET) && !out.some((o) => sheetKey(o) === sheetKey(s.name))) out.push(s.name);
  }
  return out;
}

/** Queues the load of the rule ids and types on every sheet that holds recorded highlights. */
function loadRuleLists(sheetOf: (name: string) => Excel.Worksheet, records: readonly HighlightRecord[], sheets: SheetIndex): RuleList[] {
  return highlightSheets(records, sheets).map((sheet) => {
    const list = sheetOf(sheet).getRange().conditionalFormats;
    list.load("items/id,items/type");
    return { sheet, list };
  });
}

/** Queues the load of the formula and fill of every custom rule in loaded lists. */
function loadCustomRules(lists: readonly RuleList[]): OldRule[] {
  const out: OldRule[] = [];
  for (const { sheet, list } of lists) {
    for (const rule of list.items) {
      if (rule.type !== "Custom") continue;
      rule.custom.rule.load("formula");
      rule.custom.format.fill.load("color");
      out.push({ sheet, rule });
    }
  }
  return out;
}

/**
 * Queues the deletion of our rules: a custom (formula) rule is ours when a record of its
 * sheet has its formula and fill (../service-state.ts, the same test the .xlsx adapter
 * applies). The range is not compared: Excel widens it when the user inserts rows.
 */
function deleteRecorded(rules: readonly OldRule[], records: readonly HighlightRecord[]): void {
  for (const { sheet, rule } of rules) {
    const formula = rule.custom.rule.formula ?? "";
    const fill = rule.custom.format.fill.color;
    if (records.some((rec) => sheetKey(rec.sheet) === sheetKey(sheet) && matchesRecord(rec, formula, [fill]))) rule.delete();
  }
}

/**
 * New highlight rules: custom formula rules with a fill, placed after the user's rules
 * (priority clamped to the last place) in plan order, so the first rule of a plan wins
 * among ours and the user's own rules keep precedence.
 */
function addHighlights(sheetOf: (name: string) => Excel.Worksheet, plans: readonly HighlightPlan[]): HighlightRecord[] {
  const records: HighlightRecord[] = [];
  for (const plan of plans) {
    const areas = highlightAreas(plan.range)!;
    const ws = sheetOf(plan.sheet);
    const where = areas.length === 1 ? ws.getRange(rangeAddress(areas[0])) : ws.getRanges(areas.map(rangeAddress).join(","));
    for (const rule of plan.rules) {
      const cf = where.conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=" + rule.formula.trim().replace(/^=/, "");
      cf.custom.format.fill.color = rule.fill;
      cf.priority = LAST_PRIORITY;
      records.push({ sheet: plan.sheet, range: plan.range, formula: rule.formula, fill: rule.fill });
    }
  }
  return records;
}

/**
 * «Снять подсветку»: deletes the recorded rules and clears the records; nothing else
 * changes. Four syncs: state, rule types, rule formulas and fills, delete.
 */
export async function removeHighlightsIn(ctx: Excel.RequestContext, env: { supports: IsSetSupported }): Promise<void> {
  const st = await preflight(ctx, env);
  if (!st.serviceExists || st.service.highlights.length === 0) return;
  const sheets = new SheetIndex(st.sheets);
  for (const rec of st.service.highlights) {
    const s = sheets.get(rec.sheet);
    if (s?.protected) throw protectedSheetError(s.name);
  }
  const lists = loadRuleLists((name) => ctx.workbook.worksheets.getItem(name), st.service.highlights, sheets);
  await ctx.sync();
  const custom = loadCustomRules(lists);
  if (custom.length > 0) await ctx.sync();
  deleteRecorded(custom, st.service.highlights);
  writeServiceState(ctx.workbook.worksheets.getItem(SERVICE_SHEET), { owned: st.service.owned, highlights: [] });
  await ctx.sync();
}
