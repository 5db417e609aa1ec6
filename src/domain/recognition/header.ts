import { cellText, normalizeHeader } from "../text/normalize";
import type { CellValue } from "../sheet/snapshot";
import { TABLE_FIELDS } from "./fields";
import type { TableKind } from "./table";

/** How well a header text matches a field: lower rank = listed earlier (workbook.md §1). */
interface Match {
  field: string;
  rank: number;
}

/** Extra synonyms from «Настройки» → «Сопоставление»: field id → headers. */
export type ExtraSynonyms = Map<string, string[]>;

const EXTRA_RANK = 100;
const FIELD_ID_RANK = 1000;

/** normalizeHeader, remembered: recognition normalises the same few hundred texts (synonyms,
 *  the first rows of every sheet) for every table kind and every sheet. */
const normalizedCache = new Map<string, string>();
function normalized(text: string): string {
  let key = normalizedCache.get(text);
  if (key === undefined) {
    if (normalizedCache.size >= 20_000) normalizedCache.clear();
    normalizedCache.set(text, (key = normalizeHeader(text)));
  }
  return key;
}

/** Normalised header → best match, per table kind. */
export type Dictionary = Map<string, Match>;

export function buildDictionary(kind: TableKind, extra: ExtraSynonyms): Dictionary {
  const dict: Dictionary = new Map();
  const put = (text: string, match: Match) => {
    const key = normalized(text);
    const old = dict.get(key);
    if (key && (!old || old.rank > match.rank)) dict.set(key, match);
  };
  for (const field of TABLE_FIELDS[kind]) {
    field.synonyms.forEach((s, i) => put(s, { field: field.id, rank: i }));
    (extra.get(field.id) ?? []).forEach((s, i) => put(s, { field: field.id, rank: EXTRA_RANK + i }));
    put(field.id, { field: field.id, rank: FIELD_ID_RANK });
  }
  return dict;
}

/** A column of a candidate header row with the text it was matched by. */
export interface HeaderColumn {
  col: number;
  text: string;
  percent: boolean;
  match: Match | null;
}

/** A column of a candidate header row before matching: its texts, normalised once for every table kind. */
export interface ColumnTexts {
  col: number;
  /** The cell's text, else the group title's. */
  text: string;
  percent: boolean;
  /** What it can be known by, in order of preference, and their normalised forms. */
  candidates: string[];
  keys: string[];
}

/**
 * The texts a column can be known by in header row r: the cell itself, else the group
 * title above joined with the cell, else the group title alone when the cell is blank.
 */
export function columnTexts(rows: CellValue[][], r: number): ColumnTexts[] {
  const lower = rows[r] ?? [];
  const upper = r > 0 ? rows[r - 1] ?? [] : [];
  const width = Math.max(lower.length, upper.length);
  const columns: ColumnTexts[] = [];
  for (let col = 0; col < width; col++) {
    const cell = cellText(lower[col]);
    const title = cellText(upper[col]);
    const text = cell || title;
    if (!text) continue;
    const percent = cell.includes("%") || title.includes("%");
    const candidates = (cell ? [cell, title && title !== cell ? `${title} ${cell}` : ""] : [title]).filter((c) => c !== "");
    columns.push({ col, text, percent, candidates, keys: candidates.map(normalized) });
  }
  return columns;
}

/** Whether any column of the row matches a field of `dict`. */
export function anyMatch(columns: ColumnTexts[], dict: Dictionary): boolean {
  return columns.some((c) => c.keys.some((key) => dict.has(key)));
}

/** The row's columns matched against one table kind's dictionary. */
export function matchColumns(columns: ColumnTexts[], dict: Dictionary): HeaderColumn[] {
  return columns.map(({ col, text, percent, candidates, keys }) => {
    const k = keys.findIndex((key) => dict.has(key));
    return k < 0 ? { col, text, percent, match: null } : { col, text: candidates[k], percent, match: dict.get(keys[k])! };
  });
}

export function headerColumns(rows: CellValue[][], r: number, dict: Dictionary): HeaderColumn[] {
  return matchColumns(columnTexts(rows, r), dict);
}

/** Columns chosen per field: when two columns match one field the better-ranked one wins. */
export interface FieldAssignment {
  columns: Record<string, number>;
  ignored: HeaderColumn[];
}

export function assignFields(columns: HeaderColumn[]): FieldAssignment {
  const best = new Map<string, HeaderColumn>();
  for (const column of columns) {
    if (!column.match) continue;
    const old = best.get(column.match.field);
    if (!old || old.match!.rank > column.match.rank) best.set(column.match.field, column);
  }
  const chosen = new Set(best.values());
  const ignored = columns.filter((c) => c.match && !chosen.has(c));
  const result: Record<string, number> = {};
  for (const [field, column] of best) result[field] = column.col;
  return { columns: result, ignored };
}
