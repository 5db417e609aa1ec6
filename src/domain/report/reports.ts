import type { EngineResult } from "../engine/run";
import { buildRoadmapReport } from "../roadmap/report";
import type { CellValue } from "../sheet/snapshot";
import { buildCandidatesSheet } from "./candidates";
import { buildDynamicsSheet } from "./dynamics";
import { buildIndicatorsSheet } from "./indicators";
import { buildLogSheet, type RunStamp } from "./log";
import type { ReportSheet } from "./model";
import { buildObjectivitySheet } from "./objectivity";
import { buildSummarySheet } from "./summary";

/**
 * The report sheets of one run, in tab order. A sheet is produced only when its inputs
 * exist (workbook.md §4): a roadmap-only workbook gets «Сводка», «Исполнение ДК», «Журнал».
 */
export function buildReports(result: EngineResult, previousLog: CellValue[][], stamp: RunStamp): ReportSheet[] {
  const sheets: ReportSheet[] = [buildSummarySheet(result)];
  if (result.schools.length > 0) {
    const dynamics = buildDynamicsSheet(result);
    sheets.push(buildIndicatorsSheet(result), buildCandidatesSheet(result), ...(dynamics ? [dynamics] : []), buildObjectivitySheet(result));
  }
  if (result.execution) sheets.push(buildRoadmapReport(result.roadmap, result.execution, result.settings, { reportYear: result.reportYear, hasSchoolData: result.schools.length > 0 }));
  sheets.push(buildLogSheet(result, previousLog, stamp));
  return sheets;
}
