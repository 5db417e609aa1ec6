import { capProblems, ProblemLog, type Problem } from "../problems";
import { computeExecution } from "../roadmap/execution";
import { linkIndicators } from "../roadmap/effect";
import { readRoadmap } from "../roadmap/read";
import type { Execution, RoadmapEvent } from "../roadmap/types";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import type { Settings } from "../settings/types";
import type { SourceRef } from "../model/types";
import type { SettingsSheetContent } from "../settings/read";
import type { Classification } from "../classification/types";
import { calculateSchools, classifyEarlierYears, type SchoolResult } from "./calculate";
import { MeasureStore } from "./measures";
import { readWorkbook, tableInfo, type HighlightTarget, type ReadOptions, type RoadmapTarget, type TableInfo } from "./input";
import { reportYearOf } from "./years";
import { computeChanges, type Changes } from "../dynamics/changes";
import { dataYears, EMPTY_HISTORY, timelineYears, yearHistory, type YearHistory } from "../dynamics/history";
import { lastRun } from "../dynamics/runlog";

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
  /** The user's roadmap tables, for the highlight of overdue events. */
  roadmapTargets: RoadmapTarget[];
  problems: Problem[];
  notes: string[];
  /** Years with data, and the status per year when more than two years have data. */
  history: YearHistory;
  /** «Что изменилось» since the previous run in «Журнал». */
  changes: Changes;
}

export interface EngineOptions extends ReadOptions {
  /** Rows of the existing «Журнал» (header dropped), for «что изменилось». */
  previousLog?: CellValue[][];
}

/** read → compute, pure: sheet snapshots in, results out (architecture.md). */
export function runEngine(sheets: SheetSnapshot[], options: EngineOptions): EngineResult {
  const input = readWorkbook(sheets, options);
  const { settings, data } = input;
  const t = reportYearOf(data, settings);
  const hasSchoolData = input.tables.some((x) => x.kind === "results" || x.kind === "social");
  const store = new MeasureStore(data, settings, t);
  const presence = dataYears(data, t);
  const span = hasSchoolData ? timelineYears(presence.years, t) : null;
  // the timeline's years before t first: their t−1 is the one the transitions compare with
  const earlier = span ? classifyEarlierYears(data, span.slice(0, -1), t, settings, store) : new Map<number, Map<string, Classification>>();
  const schools = hasSchoolData ? calculateSchools(data, t, settings, store, earlier.get(t - 1)) : [];
  const log = new ProblemLog();
  const events = input.tables.filter((x) => x.kind === "roadmap").flatMap((table) => readRoadmap(table, settings, t, log));
  // «Анализ эффективности»: the change of the indicator each event names.
  const roadmap = linkIndicators(events, { reportYear: t, settings, schools, results: data.results }, log);
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
    roadmapTargets: input.roadmapTargets,
    problems: capProblems([...input.problems, ...log.items]),
    notes: input.notes,
    history: schools.length > 0 ? yearHistory(presence, span, schools, earlier) : EMPTY_HISTORY,
    changes: computeChanges(lastRun(options.previousLog ?? []), schools, roadmap),
  };
}
