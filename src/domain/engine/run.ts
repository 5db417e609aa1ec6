import { ProblemLog, type Problem } from "../problems";
import { computeExecution } from "../roadmap/execution";
import { readRoadmap } from "../roadmap/read";
import type { Execution, RoadmapEvent } from "../roadmap/types";
import type { SheetSnapshot } from "../sheet/snapshot";
import type { Settings } from "../settings/types";
import type { SourceRef } from "../model/types";
import type { SettingsSheetContent } from "../settings/read";
import { calculateSchools, type SchoolResult } from "./calculate";
import { readWorkbook, tableInfo, type HighlightTarget, type ReadOptions, type TableInfo } from "./input";
import { reportYearOf } from "./years";

/** The whole calculation of one run, before it is turned into report sheets or JSON. */
export interface EngineResult {
  reportYear: number;
  settings: Settings;
  settingsSheet: SettingsSheetContent;
  tables: TableInfo[];
  /** Empty when the workbook has no school data (Appendix C). */
  schools: SchoolResult[];
  roadmap: RoadmapEvent[];
  execution: Execution | null;
  highlightRows: Map<string, SourceRef>;
  highlightTarget: HighlightTarget | null;
  problems: Problem[];
  notes: string[];
}

/** read → compute, pure: sheet snapshots in, results out (architecture.md). */
export function runEngine(sheets: SheetSnapshot[], options: ReadOptions): EngineResult {
  const input = readWorkbook(sheets, options);
  const { settings, data } = input;
  const t = reportYearOf(data, settings);
  const hasSchoolData = input.tables.some((x) => x.kind === "results" || x.kind === "social");
  const schools = hasSchoolData ? calculateSchools(data, t, settings) : [];
  const log = new ProblemLog();
  const roadmap = input.tables.filter((x) => x.kind === "roadmap").flatMap((table) => readRoadmap(table, settings, t, log));
  return {
    reportYear: t,
    settings,
    settingsSheet: input.settingsSheet,
    tables: tableInfo(input.tables),
    schools,
    roadmap,
    execution: roadmap.length > 0 ? computeExecution(roadmap) : null,
    highlightRows: input.highlightRows,
    highlightTarget: input.highlightTarget,
    problems: [...input.problems, ...log.items],
    notes: input.notes,
  };
}
