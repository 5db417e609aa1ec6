/**
 * The whole calculation of one run without a workbook host, for the reliability tests:
 * sheets → engine → report sheets, highlights and settings update → the write plan checked
 * the way both adapters check it → result JSON. Plus the checks every result must pass.
 */
import { runEngine, type EngineResult } from "../../src/domain/engine/run";
import { toResultJson, type ResultJson } from "../../src/domain/engine/json";
import { REPORT_SHEETS } from "../../src/domain/i18n/ru";
import { highlightPlan } from "../../src/domain/report/highlights";
import type { ReportSheet } from "../../src/domain/report/model";
import { buildReports } from "../../src/domain/report/reports";
import { SETTINGS_SHEET } from "../../src/domain/settings/read";
import { settingsUpdate } from "../../src/domain/settings/update";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import type { WritePlan } from "../../src/workbook/gateway";
import { checkPlan } from "../../src/workbook/plan-check";

export const REPORT_DATE = "2026-11-22";

export interface PipelineRun {
  result: EngineResult;
  reports: ReportSheet[];
  plan: WritePlan;
  json: ResultJson;
}

/** Runs everything the orchestrator runs between reading and writing. Throws what they throw. */
export function runPipeline(sheets: SheetSnapshot[]): PipelineRun {
  const result = runEngine(sheets, { ignoreSheets: new Set(), reportDate: REPORT_DATE, today: REPORT_DATE });
  const reports = buildReports(result, [], { time: "24.11.2026 09:30", version: "test" });
  const names = sheets.map((s) => s.name);
  const plan: WritePlan = {
    reports,
    deleteSheets: [],
    ownedSheets: reports.map((r) => r.name),
    highlights: highlightPlan(result),
    settings: settingsUpdate(result.settingsSheet, names.includes(SETTINGS_SHEET)),
  };
  // The checks both adapters make before writing: a plan they would refuse is a failed run.
  checkPlan(plan, { sheets: names.filter((n) => !Object.values(REPORT_SHEETS).includes(n as never)), owned: [] });
  return { result, reports, plan, json: toResultJson(result) };
}

// ---------------------------------------------------------------------------------------
// What every result JSON must look like (workbook.md §7)

export const STATUS_CODES = ["shnor_shnsu", "shnor", "resilient", "shnsu", "risk_zone", "no_risk", "insufficient_data"];
export const FLAG_CODES = ["risk_zone", "stable_low", "basic_failing", "moderate_failing", "objectivity_signs", "needs_objectivity_check", "small_sample", "one_year", "accreditation_suspended"];
export const ZONE_CODES = ["green", "yellow", "red", "none"];
export const ROADMAP_STATUS_CODES = ["done_on_time", "done_late", "done", "overdue", "due_soon", "in_progress", "continuous", "continuous_done", "unparsed"];

/** A1 address of one cell: column letters and a row number inside Excel's grid. */
export const A1_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** Every number anywhere in the value is finite (JSON would turn NaN and Infinity into null silently). */
export function nonFiniteNumbers(value: unknown, path = "$", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, out));
  else if (value instanceof Map) for (const [k, v] of value) nonFiniteNumbers(v, `${path}.${String(k)}`, out);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out);
  return out;
}

/**
 * Schema-like checks of a result JSON; returns what is wrong (empty when all is well).
 * Every problem names a sheet and an A1 cell: the engine gives even whole-table problems a
 * cell (the header row of a table it could not use, the first left-out cell of a capped list).
 */
export function resultJsonErrors(json: ResultJson): string[] {
  const errors = nonFiniteNumbers(json);
  const roundTrip = JSON.parse(JSON.stringify(json)) as ResultJson;
  if (JSON.stringify(roundTrip) !== JSON.stringify(json)) errors.push("JSON round trip changes the result");
  if (!Number.isInteger(json.report_year)) errors.push(`report_year ${json.report_year}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(json.report_date)) errors.push(`report_date ${json.report_date}`);
  const ids = new Set<string>();
  for (const s of json.schools) {
    const where = `school ${s.school_id}`;
    if (typeof s.school_id !== "string" || s.school_id === "") errors.push(`${where}: empty id`);
    if (ids.has(s.school_id)) errors.push(`${where}: listed twice`);
    ids.add(s.school_id);
    if (!STATUS_CODES.includes(s.status)) errors.push(`${where}: status ${s.status}`);
    for (const f of s.flags) if (!FLAG_CODES.includes(f)) errors.push(`${where}: flag ${f}`);
    for (const [k, z] of Object.entries(s.zones)) if (!ZONE_CODES.includes(z as string)) errors.push(`${where}: zone ${k} = ${String(z)}`);
    for (const [k, v] of Object.entries(s.indicators)) if (v !== null && typeof v !== "number") errors.push(`${where}: indicator ${k} = ${String(v)}`);
    for (const k of ["inr", "inr_t", "inr_t1", "isn", "isb"] as const) {
      const v = s[k];
      if (v !== null && (typeof v !== "number" || v < 0 || v > 100)) errors.push(`${where}: ${k} = ${String(v)}`);
    }
    for (const r of s.reasons) if (typeof r !== "string" || r === "") errors.push(`${where}: empty reason`);
  }
  for (const e of json.roadmap) {
    if (!ROADMAP_STATUS_CODES.includes(e.status)) errors.push(`roadmap ${e.sheet}!${e.row}: status ${e.status}`);
    if (e.days_overdue !== null && (!Number.isInteger(e.days_overdue) || e.status !== "overdue")) errors.push(`roadmap ${e.sheet}!${e.row}: days_overdue ${e.days_overdue}`);
  }
  for (const p of json.problems) {
    if (typeof p.sheet !== "string" || p.sheet === "") errors.push(`problem without a sheet: ${p.message}`);
    if (!A1_CELL.test(p.cell)) errors.push(`problem without an A1 cell: ${p.sheet}!«${p.cell}» ${p.message}`);
    if (typeof p.message !== "string" || p.message.trim() === "") errors.push(`problem without a message at ${p.sheet}!${p.cell}`);
    if (p.message.length > 2000) errors.push(`problem message of ${p.message.length} characters at ${p.sheet}!${p.cell}`);
  }
  const counted = Object.values(json.status_counts).reduce((a, b) => a + b, 0);
  if (counted !== json.schools.length) errors.push(`status_counts sum ${counted} ≠ ${json.schools.length} schools`);
  return errors;
}

/** Problems as "Sheet!A1: message" lines. */
export function problemLines(result: { problems: { sheet: string; cell: string; message: string }[] }): string[] {
  return result.problems.map((p) => `${p.sheet}!${p.cell}: ${p.message}`);
}
