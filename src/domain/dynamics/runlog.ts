/**
 * What one run leaves in «Журнал» for the next run's «что изменилось»: statuses, flags,
 * ИНР and ИСН (one decimal) of every school and the overdue roadmap events — one compact
 * text, split over the row's last cells.
 *
 * Format (items separated by «;»):
 *   !v=2                         format marker (rows without it are the first format)
 *   <id>=<status>/<flags>/<inr>/<isn>   one per school; flags «,»-separated; an empty index
 *                                is «нет данных»; the first format has only <status>[/<flags>]
 *   !r=<n>                       the run had a roadmap of n events
 *   !o=<row>:<key>               an overdue event: its sheet row and a hash of sheet, text
 *                                and due date (so moving rows does not make it «new»)
 * In school ids «%», «;», «=» and «!» are written as %XX.
 */
import type { SchoolResult } from "../engine/calculate";
import type { RoadmapEvent } from "../roadmap/types";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";

/** Columns of a «Журнал» row (report/log.ts writes them): the run record starts at LOG_DATA_COL. */
export const LOG_TIME_COL = 0;
export const LOG_REPORT_YEAR_COL = 2;
export const LOG_DATA_COL = 8;

export const LOG_FORMAT_VERSION = 2;

export interface SchoolRecord {
  status: string;
  flags: string[];
  /** One decimal; null = «нет данных»; undefined = not recorded (first format). */
  inr?: number | null;
  isn?: number | null;
}

export interface OverdueRecord {
  row: number;
  key: string;
}

export interface RunRecord {
  /** 1 for rows of the first format (statuses and flags only). */
  version: number;
  /** Empty when the run had no school data. */
  schools: Map<string, SchoolRecord>;
  /** null when the run had no roadmap, or did not record it (first format). */
  roadmap: { events: number; overdue: OverdueRecord[] } | null;
}

export interface PreviousRun {
  /** The time stamp as written, «2026-11-24 09:15:03». */
  time: string;
  reportYear: number | null;
  record: RunRecord;
}

/** ИНР / ИСН as the log keeps them: one decimal. */
export const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** FNV-1a, 8 hex digits. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Identity of an overdue event across runs: the sheet, the event's text and its due date. */
export function overdueKey(e: Pick<RoadmapEvent, "sheet" | "event" | "due">): string {
  return shortHash(`${e.sheet}\u0000${e.event}\u0000${e.due ?? ""}`);
}

export function runRecord(schools: readonly SchoolResult[], roadmap: readonly RoadmapEvent[]): RunRecord {
  return {
    version: LOG_FORMAT_VERSION,
    schools: new Map(schools.map((s) => [s.school.id, { status: s.classification.status, flags: [...s.classification.flags], inr: round1(s.lowResultsIndex.value), isn: round1(s.socialRiskIndex.value) }])),
    roadmap: roadmap.length > 0 ? { events: roadmap.length, overdue: roadmap.filter((e) => e.status === "overdue").map((e) => ({ row: e.row, key: overdueKey(e) })) } : null,
  };
}

const escapeId = (id: string) => id.replace(/[%;=!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
const unescapeId = (id: string) => id.replace(/%(25|3B|3D|21)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const parseIndex = (text: string | undefined): number | null | undefined => {
  if (text === undefined) return undefined;
  if (text.trim() === "") return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
};

export function encodeRunRecord(r: RunRecord): string {
  const items = [`!v=${LOG_FORMAT_VERSION}`];
  for (const [id, s] of r.schools) items.push(`${escapeId(id)}=${s.status}/${s.flags.join(",")}/${num(s.inr)}/${num(s.isn)}`);
  if (r.roadmap) {
    items.push(`!r=${r.roadmap.events}`);
    for (const o of r.roadmap.overdue) items.push(`!o=${o.row}:${o.key}`);
  }
  return items.join(";");
}

/** Reads both formats; unknown or broken items are skipped, never guessed. */
export function decodeRunRecord(text: string): RunRecord {
  const out: RunRecord = { version: 1, schools: new Map(), roadmap: null };
  for (const item of text.split(";")) {
    const eq = item.indexOf("=");
    if (eq <= 0) continue;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    if (key === "!v") out.version = Number(value) || 1;
    else if (key === "!r") out.roadmap = { events: Number(value) || 0, overdue: out.roadmap?.overdue ?? [] };
    else if (key === "!o") {
      const [row, hash] = value.split(":");
      if (!hash) continue;
      out.roadmap ??= { events: 0, overdue: [] };
      out.roadmap.overdue.push({ row: Number(row) || 0, key: hash });
    } else if (!key.startsWith("!")) {
      const [status, flags, inr, isn] = value.split("/");
      if (!status) continue;
      const record: SchoolRecord = { status, flags: flags ? flags.split(",").filter(Boolean) : [] };
      const i = parseIndex(inr);
      const s = parseIndex(isn);
      if (i !== undefined) record.inr = i;
      if (s !== undefined) record.isn = s;
      out.schools.set(unescapeId(key), record);
    }
  }
  return out;
}

/** The run record of a log row: its cells from LOG_DATA_COL joined (not trimmed: a chunk
 *  may end in a space). */
export function logRecordText(row: readonly CellValue[]): string {
  return row
    .slice(LOG_DATA_COL)
    .map((c) => (c === null || c === undefined ? "" : String(c)))
    .join("");
}

/** The last run in the log rows (header dropped), or null when the log is empty. */
export function lastRun(rows: readonly CellValue[][]): PreviousRun | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!row.some((c) => cellText(c) !== "")) continue;
    const year = Number(cellText(row[LOG_REPORT_YEAR_COL]));
    return { time: timeText(row[LOG_TIME_COL]), reportYear: Number.isInteger(year) && year > 0 ? year : null, record: decodeRunRecord(logRecordText(row)) };
  }
  return null;
}

/** The time stamp as text; a cell Excel turned into a date-time serial is written back out. */
function timeText(cell: CellValue | undefined): string {
  if (typeof cell !== "number") return cellText(cell);
  const ms = Math.round((cell - 25569) * 86400 * 1000);
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
