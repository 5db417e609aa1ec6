/** The demonstration workbook (assets/demo.xlsx) through the engine and the report builders. */
import { join } from "node:path";
import { runEngine, type EngineResult } from "../../src/domain/engine/run";
import { toResultJson, type ResultJson } from "../../src/domain/engine/json";
import type { ReportSheet } from "../../src/domain/report/model";
import { buildReports } from "../../src/domain/report/reports";
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { openXlsxFile } from "../../src/workbook/xlsx/file";

export const DEMO_BOOK = join(__dirname, "../../assets/demo.xlsx");
export const DEMO_REPORT_DATE = "2026-11-22";

export interface DemoRun {
  sheets: SheetSnapshot[];
  result: EngineResult;
  json: ResultJson;
  reports: ReportSheet[];
}

export async function demoRun(): Promise<DemoRun> {
  const gw = await openXlsxFile(DEMO_BOOK);
  const sheets = await gw.readSheets((await gw.listSheets()).map((s) => s.name));
  const result = runEngine(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
  const reports = buildReports(result, [], { time: "2026-11-22 10:00:00", version: "test" });
  return { sheets, result, json: toResultJson(result), reports };
}

/** A report sheet by name (throws when it is missing). */
export function sheetOf(reports: readonly ReportSheet[], name: string): ReportSheet {
  const sheet = reports.find((r) => r.name === name);
  if (!sheet) throw new Error(`no report sheet «${name}»`);
  return sheet;
}
