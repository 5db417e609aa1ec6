import type { Problem } from "../problems";
import { recognizeSheet } from "../recognition/recognize";
import { TableCursor, type RecognizedTable, type TableKind } from "../recognition/table";
import type { SheetSnapshot } from "../sheet/snapshot";
import { readSettingsSheet, resolveParamValues, SETTINGS_SHEET, type SettingsSheetContent } from "../settings/read";
import { toSettings } from "../settings/resolve";
import type { Settings } from "../settings/types";
import { ru } from "../i18n/ru";
import type { InputData, School, SeenAt, SourceRef } from "../model/types";
import { readRegistry } from "../tables/registry";
import { readResults } from "../tables/results";
import { readScores } from "../tables/scores";
import { readSocial } from "../tables/social";

export interface TableInfo {
  kind: TableKind;
  sheet: string;
  /** 1-based header row, as people count rows. */
  header_row: number;
  rows: number;
}

/** The user's rows that get status highlights: the registry table, else the results table. */
export interface HighlightTarget {
  sheet: string;
  keyCol: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** A user's roadmap table, for the removable highlight of overdue events: the rows and
 *  columns the rule covers and the columns its row key is made of (roadmap/highlight.ts). */
export interface RoadmapTarget {
  sheet: string;
  /** 0-based sheet rows of the first and last data row, 0-based first and last column. */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** Field id → 0-based column, as recognised. */
  columns: Record<string, number>;
}

export interface WorkbookInput {
  settings: Settings;
  settingsSheet: SettingsSheetContent;
  tables: RecognizedTable[];
  data: InputData;
  /** Where each school's row is, for highlighting: the registry, else the results. */
  highlightRows: Map<string, SourceRef>;
  highlightTarget: HighlightTarget | null;
  /** Every recognised roadmap table with data rows. */
  roadmapTargets: RoadmapTarget[];
  problems: Problem[];
  notes: string[];
}

export interface ReadOptions {
  /** Sheets that are not input: the add-in's own reports and service sheet. */
  ignoreSheets: Set<string>;
  /** ISO date given on the command line / in the pane; wins over the sheet. */
  reportDate?: string;
  /** ISO date of today (the default report date). */
  today: string;
}

/** Recognises the input tables and reads them into typed data, collecting problems. */
export function readWorkbook(sheets: SheetSnapshot[], options: ReadOptions): WorkbookInput {
  const problems: Problem[] = [];
  const settingsSheet = readSettingsSheet(sheets.find((s) => s.name === SETTINGS_SHEET));
  problems.push(...settingsSheet.problems);
  const settings = toSettings(resolveParamValues(settingsSheet, SETTINGS_SHEET, problems), options.today);
  if (options.reportDate) settings.reportDate = options.reportDate;
  const tables: RecognizedTable[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden || sheet.name === SETTINGS_SHEET || options.ignoreSheets.has(sheet.name)) continue;
    const found = recognizeSheet(sheet, settingsSheet.synonyms);
    problems.push(...found.problems);
    if (found.table) tables.push(found.table);
  }
  const ofKind = (kind: TableKind) => tables.filter((t) => t.kind === kind);
  const notes: string[] = [];
  const registry = readRegistry(ofKind("registry"), problems);
  const results = readResults(ofKind("results"), problems);
  notes.push(...results.notes);
  const social = readSocial(ofKind("social"), problems);
  const scores = readScores(ofKind("scores"), problems);
  const hasRegistry = ofKind("registry").length > 0;
  const schools = mergeSchools(registry, hasRegistry, [results.schoolsSeen, social.schoolsSeen], problems);
  const highlightRows = new Map<string, SourceRef>();
  for (const s of schools) if (s.source) highlightRows.set(s.id, s.source);
  const target = ofKind("registry")[0] ?? ofKind("results")[0];
  return { settings, settingsSheet, tables, data: { schools, results: results.records, social: social.records, scores }, highlightRows, highlightTarget: target ? highlightTarget(target) : null, roadmapTargets: roadmapTargets(ofKind("roadmap")), problems, notes };
}

function highlightTarget(table: RecognizedTable): HighlightTarget | null {
  const bounds = boundsOf(table);
  return bounds && { sheet: table.sheet, keyCol: table.columns.school_id, ...bounds };
}

function roadmapTargets(tables: RecognizedTable[]): RoadmapTarget[] {
  return tables.flatMap((t) => {
    const bounds = boundsOf(t);
    return bounds ? [{ sheet: t.sheet, ...bounds, columns: { ...t.columns } }] : [];
  });
}

/** The sheet rows of a table's first and last data row and its outermost recognised columns;
 *  null without data rows. */
function boundsOf(table: RecognizedTable): { firstRow: number; lastRow: number; firstCol: number; lastCol: number } | null {
  const rows = new TableCursor(table);
  if (rows.count === 0) return null;
  const cols = Object.values(table.columns);
  return { firstRow: rows.at(0).row, lastRow: rows.at(rows.count - 1).row, firstCol: Math.min(...cols), lastCol: Math.max(...cols) };
}

/** Registry schools first, then schools named only in data tables (reported when a registry exists). */
function mergeSchools(registry: School[], hasRegistry: boolean, seen: Map<string, SeenAt>[], problems: Problem[]): School[] {
  const known = new Map(registry.map((s) => [s.id, s]));
  for (const list of seen) {
    for (const [id, at] of list) {
      if (known.has(id)) continue;
      if (hasRegistry) problems.push({ sheet: at.sheet, cell: at.cell, message: ru.registry.unknownSchool(id, at.sheet) });
      known.set(id, { id, name: id, municipality: "", type: "", locality: "", yesNo: {}, source: hasRegistry ? null : at, inRegistry: false });
    }
  }
  return [...known.values()];
}

export function tableInfo(tables: RecognizedTable[]): TableInfo[] {
  return tables.map((t) => ({ kind: t.kind, sheet: t.sheet, header_row: t.headerRow + 1, rows: new TableCursor(t).count }));
}
