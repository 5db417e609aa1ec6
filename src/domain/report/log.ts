import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS } from "../i18n/ru";
import { tableName } from "../i18n/ru";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { HEADER_STYLE, SheetBuilder, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { settingsFingerprint } from "./fingerprint";

/** A cell holds at most 32,767 characters; statuses are split over several cells. */
const CHUNK = 30_000;
const HEADER = ["Время запуска", "Версия", "Отчётный год", "Дата отчёта", "Отпечаток настроек", "Таблицы", "Проблем в данных", "Замечания", "Статусы"];
const STATUS_COL = HEADER.length - 1;

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

/** Statuses and flags of every school, compact: «id=status/flag,flag;…». */
export function encodeStatuses(result: EngineResult): string {
  return result.schools.map((s) => `${s.school.id}=${s.classification.status}${s.classification.flags.length ? "/" + s.classification.flags.join(",") : ""}`).join(";");
}

/** Parses a log row's statuses back (for «что изменилось»). */
export function decodeStatuses(row: CellValue[]): Map<string, { status: string; flags: string[] }> {
  const text = row.slice(STATUS_COL).map(cellText).join("");
  const out = new Map<string, { status: string; flags: string[] }>();
  for (const item of text.split(";").filter(Boolean)) {
    const [id, rest] = item.split("=");
    const [status, flags] = (rest ?? "").split("/");
    out.set(id, { status, flags: flags ? flags.split(",") : [] });
  }
  return out;
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
  const width = Math.max(HEADER.length, row.length, ...previous.map((r) => r.length));
  const sheet = new SheetBuilder(width);
  sheet.push(HEADER);
  sheet.style({ top: 0, left: 0, bottom: 0, right: width - 1 }, HEADER_STYLE);
  for (const old of previous) sheet.push(old);
  sheet.push(row);
  return sheet.build(REPORT_SHEETS.log, [20, 9, 9, 12, 14, 50, 10, 40, ...Array(width - 8).fill(60)], { freezeRows: 1 });
}
