import type { Problem } from "../domain/problems";
import { recognizeSheet } from "../domain/recognition/recognize";
import type { TableKind } from "../domain/recognition/table";
import { readSettingsSheet, SETTINGS_SHEET } from "../domain/settings/read";
import type { WorkbookGateway } from "../workbook/gateway";

/** One input table found by its header (what the task pane lists before a run). */
export interface FoundTable {
  kind: TableKind;
  sheet: string;
  /** 1-based row of the (lower) header row, as people count rows. */
  headerRow: number;
  /** Data rows under the header. */
  rows: number;
}

/** Which input tables a workbook has, and what is missing. */
export interface InputInspection {
  tables: FoundTable[];
  /** Kinds of table found on no sheet, in the order the pane lists them. */
  missing: TableKind[];
  /** Sheets that look like a table but lack required columns (sheet, message). */
  notRecognized: Problem[];
  /** Whether the «Настройки» sheet exists. */
  hasSettings: boolean;
}

/** The order the pane lists the input tables in. */
export const INPUT_KINDS: readonly TableKind[] = ["registry", "results", "social", "scores", "roadmap"];

export interface InspectOptions {
  signal?: AbortSignal;
}

/**
 * Reads the workbook's input sheets through the gateway and recognises their headers the
 * way a run does (hidden sheets, the add-in's own sheets and «Настройки» are not input;
 * the header synonyms of «Сопоставление» count). Sheets are read one at a time, so a large
 * workbook is never held twice in memory; nothing is written.
 */
export async function inspectInputTables(gateway: WorkbookGateway, options: InspectOptions = {}): Promise<InputInspection> {
  const infos = await gateway.listSheets();
  const owned = new Set(await gateway.readOwnedSheets());
  const hasSettings = infos.some((s) => s.name === SETTINGS_SHEET);
  const settings = hasSettings ? readSettingsSheet((await gateway.readSheets([SETTINGS_SHEET]))[0]) : readSettingsSheet(undefined);

  const tables: FoundTable[] = [];
  const notRecognized: Problem[] = [];
  for (const info of infos) {
    if (info.hidden || info.name === SETTINGS_SHEET || owned.has(info.name)) continue;
    if (options.signal?.aborted) break;
    const [sheet] = await gateway.readSheets([info.name]);
    const found = recognizeSheet(sheet, settings.synonyms);
    if (found.table) {
      tables.push({ kind: found.table.kind, sheet: info.name, headerRow: found.table.headerRow + 1, rows: found.table.rows.length });
    } else {
      notRecognized.push(...found.problems);
    }
    await pause();
  }
  const present = new Set(tables.map((t) => t.kind));
  return { tables, missing: INPUT_KINDS.filter((k) => !present.has(k)), notRecognized, hasSettings };
}

/** The same picture from a finished run's JSON `tables` (no second read of the workbook). */
export function inspectionFromRun(tables: { kind: TableKind; sheet: string; header_row: number; rows: number }[], previous?: InputInspection): InputInspection {
  const found = tables.map((t) => ({ kind: t.kind, sheet: t.sheet, headerRow: t.header_row, rows: t.rows }));
  const present = new Set(found.map((t) => t.kind));
  const stillFound = new Set(found.map((t) => t.sheet));
  return {
    tables: found,
    missing: INPUT_KINDS.filter((k) => !present.has(k)),
    notRecognized: (previous?.notRecognized ?? []).filter((p) => !stillFound.has(p.sheet)),
    // A run creates «Настройки» when it is missing.
    hasSettings: true,
  };
}

/** Lets the page paint between sheets. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
