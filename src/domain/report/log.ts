import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS } from "../i18n/ru";
import { tableName } from "../i18n/ru";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { HEADER_STYLE, SheetBuilder, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { settingsFingerprint } from "./fingerprint";
import { decodeRunRecord, encodeRunRecord, logRecordText, runRecord } from "../dynamics/runlog";

/** A cell holds at most 32,767 characters; the run record is split over several cells. */
const CHUNK = 30_000;
/** The last column starts the run record at LOG_DATA_COL (src/domain/dynamics/runlog.ts): statuses, flags,
 *  ИНР and ИСН of every school and the overdue roadmap events, for «что изменилось». */
export const LOG_HEADER = ["Время запуска", "Версия", "Отчётный год", "Дата отчёта", "Отпечаток настроек", "Таблицы", "Проблем в данных", "Замечания", "Статусы, индексы, просрочки (служебное)"];

export interface RunStamp {
  /** Local time as text, «2026-11-24 09:15:03». */
  time: string;
  version: string;
}

/** Earlier log rows as read from the existing «Журнал» (header row dropped). */
export function previousLogRows(sheet: { values: CellValue[][] } | undefined): CellValue[][] {
  if (!sheet) return [];
  return sheet.values.slice(1).filter((row) => row.some((c) => cellText(c) !== ""));
}

/** The run record of this run, compact: «!v=2;id=status/flag,flag/inr/isn;…;!r=n;!o=row:key». */
export function encodeStatuses(result: EngineResult): string {
  return encodeRunRecord(runRecord(result.schools, result.roadmap));
}

/** Statuses and flags of a log row, either format (the full record: decodeRunRecord). */
export function decodeStatuses(row: CellValue[]): Map<string, { status: string; flags: string[] }> {
  const record = decodeRunRecord(logRecordText(row));
  return new Map([...record.schools].map(([id, s]) => [id, { status: s.status, flags: s.flags }]));
}

/** «Журнал»: one row per run; earlier rows are kept as they were. */
export function buildLogSheet(result: EngineResult, previous: CellValue[][], stamp: RunStamp): ReportSheet {
  const statuses = encodeStatuses(result);
  const chunks: string[] = [];
  for (let i = 0; i < statuses.length; i += CHUNK) chunks.push(statuses.slice(i, i + CHUNK));
  const row: Cell[] = [
    stamp.time,
    stamp.version,
    result.reportYear,
    result.settings.reportDate,
    settingsFingerprint(result.settings),
    result.tables.map((t) => `${t.sheet} (${tableName(t.kind)}): ${t.rows}`).join("; "),
    result.problems.length,
    result.notes.join("; "),
    ...(chunks.length ? chunks : [""]),
  ];
  const width = Math.max(LOG_HEADER.length, row.length, ...previous.map((r) => r.length));
  const sheet = new SheetBuilder(width);
  sheet.push(LOG_HEADER);
  sheet.style({ top: 0, left: 0, bottom: 0, right: width - 1 }, HEADER_STYLE);
  for (const old of previous) sheet.push(old);
  sheet.push(row);
  return sheet.build(REPORT_SHEETS.log, [20, 9, 9, 12, 14, 50, 10, 40, ...Array(width - 8).fill(60)], { freezeRows: 1 });
}
