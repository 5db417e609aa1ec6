import type { EngineResult } from "../engine/run";
import { buildRoadmapReport } from "../roadmap/report";
import type { CellValue } from "../sheet/snapshot";
import { buildCandidatesSheet } from "./candidates";
import { buildDynamicsSheet } from "./dynamics";
import { buildIndicatorsSheet } from "./indicators";
import { withRowHeights } from "./layout";
import { clipLongTexts } from "./limits";
import { buildLogSheet, type RunStamp } from "./log";
import type { ReportSheet } from "./model";
import { buildNoteSheet } from "./note/note";
import { buildObjectivitySheet } from "./objectivity";
import { printSetup } from "./print";
import { buildSummarySheet } from "./summary";

/**
 * The report sheets of one run, in tab order. A sheet is produced only when its inputs
 * exist (workbook.md §4): a roadmap-only workbook gets «Сводка», «Исполнение ДК», «Журнал».
 * Every sheet gets the row heights its wrapped text needs (layout.ts), for screen and print.
 */
export function buildReports(result: EngineResult, previousLog: CellValue[][], stamp: RunStamp): ReportSheet[] {
  const sheets: ReportSheet[] = [buildSummarySheet(result)];
  if (result.schools.length > 0) {
    const dynamics = buildDynamicsSheet(result);
    sheets.push(buildIndicatorsSheet(result), buildCandidatesSheet(result), ...(dynamics ? [dynamics] : []), buildObjectivitySheet(result));
  }
  if (result.execution) sheets.push(roadmapSheet(result));
  if (result.schools.length > 0) sheets.push(buildNoteSheet(result));
  sheets.push(buildLogSheet(result, previousLog, stamp));
  // Text longer than a cell holds (a user's cell written by another program) is cut, so the
  // plan is never refused for it (limits.ts).
  return sheets.map((sheet) => withRowHeights(clipLongTexts(sheet)));
}

/** «Исполнение ДК» with the common footer; the last column (row keys for the highlight rule)
 *  is left out of the printed area. */
function roadmapSheet(result: EngineResult): ReportSheet {
  const sheet = buildRoadmapReport(result.roadmap, result.execution!, result.settings, { reportYear: result.reportYear, hasSchoolData: result.schools.length > 0 });
  const lastCol = sheet.columnWidths.length - 2;
  return { ...sheet, print: printSetup(result, { ...sheet.print, area: { top: 0, left: 0, bottom: sheet.values.length - 1, right: lastCol } }) };
}
