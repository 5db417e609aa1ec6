/**
 * The computing step of a run: sheet snapshots in; the engine's result, the report sheets,
 * the highlight plan, the settings update and the JSON out. Pure (no workbook, no clock):
 * the orchestrator reads and writes, this computes. The command line and the tests run it
 * in process (`computeInProcess`); the task pane runs it in a Web Worker
 * (src/taskpane/worker), so a long computation never blocks the pane or Excel.
 *
 * Everything in a request and a response is structured-cloneable (plain objects, arrays,
 * Maps and Sets; no functions, no class instances), which is what a worker message needs.
 */
import { runEngine, type EngineResult } from "../domain/engine/run";
import { toResultJson, type ResultJson } from "../domain/engine/json";
import { highlightPlan } from "../domain/report/highlights";
import type { RunStamp } from "../domain/report/log";
import type { HighlightPlan, ReportSheet, SettingsUpdate } from "../domain/report/model";
import { buildReports } from "../domain/report/reports";
import type { CellValue, SheetSnapshot } from "../domain/sheet/snapshot";
import { settingsUpdate } from "../domain/settings/update";

export interface ComputeRequest {
  /** The input sheets (not the add-in's own sheets). */
  sheets: SheetSnapshot[];
  /** The add-in's own sheets (reports, service sheet): never input. */
  ignoreSheets: string[];
  /** ISO date; wins over «Настройки». */
  reportDate?: string;
  /** ISO date of today. */
  today: string;
  /** Rows of the existing «Журнал» (header dropped). */
  previousLog: CellValue[][];
  stamp: RunStamp;
  /** Whether the workbook has a «Настройки» sheet (else the update creates it). */
  settingsSheetExists: boolean;
  /** false: no report sheets, highlights or settings update (nothing will be written). */
  reports?: boolean;
}

export interface ComputeResponse {
  result: EngineResult;
  reports: ReportSheet[];
  highlights: HighlightPlan[];
  settings: SettingsUpdate | null;
  json: ResultJson;
}

/** The computing step; `signal` may stop it (a worker is then terminated). */
export type Compute = (request: ComputeRequest, signal?: AbortSignal) => Promise<ComputeResponse>;

/** The computation itself, synchronous. */
export function computeSync(request: ComputeRequest): ComputeResponse {
  const result = runEngine(request.sheets, { ignoreSheets: new Set(request.ignoreSheets), reportDate: request.reportDate, today: request.today, previousLog: request.previousLog });
  if (request.reports === false) return { result, reports: [], highlights: [], settings: null, json: toResultJson(result) };
  return {
    result,
    reports: buildReports(result, request.previousLog, request.stamp),
    highlights: highlightPlan(result),
    settings: settingsUpdate(result.settingsSheet, request.settingsSheetExists),
    json: toResultJson(result),
  };
}

/** In the calling thread (the command line, tests). */
export const computeInProcess: Compute = async (request) => computeSync(request);
