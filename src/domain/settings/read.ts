import type { Problem } from "../problems";
import { cellAddress, parseAddress } from "../sheet/address";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import { cellText, normalizeHeader } from "../text/normalize";
import { ru } from "../i18n/ru";
import { allFieldIds } from "../recognition/fields";
import type { ExtraSynonyms } from "../recognition/header";
import { PARAM_BY_ID, PARAMS } from "./definitions";
import { parseParamValue, type ParamValue } from "./values";

export const SETTINGS_SHEET = "Настройки";

/** What the «Настройки» sheet says, with the cells it was read from. */
export interface SettingsSheetContent {
  /** Parameter id → raw value and its cell. */
  values: Map<string, { raw: CellValue; cell: string }>;
  synonyms: ExtraSynonyms;
  /** 0-based row after the last non-blank row of the sheet (where new rows are appended). */
  endRow: number;
  hasParamsTable: boolean;
  problems: Problem[];
}

const PARAM_HEADER = [normalizeHeader("Параметр"), normalizeHeader("Значение")];
const MAP_HEADER = [normalizeHeader("Поле"), normalizeHeader("Заголовок в книге")];

export function readSettingsSheet(sheet: SheetSnapshot | undefined): SettingsSheetContent {
  const content: SettingsSheetContent = { values: new Map(), synonyms: new Map(), endRow: 0, hasParamsTable: false, problems: [] };
  if (!sheet) return content;
  const rows = sheet.values;
  let mode: "none" | "params" | "map" = "none";
  let cols: [number, number] = [0, 1];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const norm = row.map((c) => normalizeHeader(cellText(c)));
    if (row.every((c) => cellText(c) === "")) {
      mode = "none"; // a blank row ends a table, as everywhere in the workbook contract
      continue;
    }
    content.endRow = r + 1;
    const header = findPair(norm, PARAM_HEADER) ?? findPair(norm, MAP_HEADER);
    if (header) {
      mode = findPair(norm, PARAM_HEADER) ? "params" : "map";
      content.hasParamsTable ||= mode === "params";
      cols = header;
      continue;
    }
    const key = cellText(row[cols[0]]);
    if (!key) continue;
    if (mode === "params") readParamRow(sheet.name, key, row[cols[1]] ?? "", r, cols, content);
    if (mode === "map") readMapRow(sheet.name, key, cellText(row[cols[1]]), r, cols, content);
  }
  // A «Настройки» without the Параметры header (emptied, or its header row deleted): nothing
  // on it is read as a parameter; say so, rather than silently ignoring what is typed there.
  if (!content.hasParamsTable) content.problems.push({ sheet: sheet.name, cell: "A1", message: ru.settings.noParamsTable() });
  return content;
}

function findPair(norm: string[], pair: string[]): [number, number] | null {
  const a = norm.indexOf(pair[0]);
  const b = norm.indexOf(pair[1]);
  return a >= 0 && b > a ? [a, b] : null;
}

function readParamRow(sheet: string, key: string, raw: CellValue, r: number, cols: [number, number], content: SettingsSheetContent): void {
  if (!PARAM_BY_ID.has(key)) {
    content.problems.push({ sheet, cell: cellAddress(r, cols[0]), message: ru.settings.unknownParameter(key) });
    return;
  }
  const first = content.values.get(key);
  if (first) {
    // A parameter typed twice: the first row counts (as for duplicate registry codes).
    content.problems.push({ sheet, cell: cellAddress(r, cols[0]), message: ru.settings.duplicateParameter(key, [parseAddress(first.cell).row + 1, r + 1]) });
    return;
  }
  content.values.set(key, { raw, cell: cellAddress(r, cols[1]) });
}

function readMapRow(sheet: string, field: string, header: string, r: number, cols: [number, number], content: SettingsSheetContent): void {
  if (!allFieldIds().has(field)) {
    content.problems.push({ sheet, cell: cellAddress(r, cols[0]), message: ru.settings.unknownField(field) });
    return;
  }
  if (!header) return;
  const list = content.synonyms.get(field) ?? [];
  list.push(header);
  content.synonyms.set(field, list);
}

/** Resolves every parameter: the sheet's value when valid, else the default (reported). */
export function resolveParamValues(content: SettingsSheetContent, sheetName: string, problems: Problem[]): Map<string, ParamValue> {
  const resolved = new Map<string, ParamValue>();
  for (const def of PARAMS) {
    const given = content.values.get(def.id);
    const fallback = parseParamValue(def, def.default);
    if (!given || cellText(given.raw) === "") {
      resolved.set(def.id, fallback.ok ? fallback.value : null);
      continue;
    }
    const parsed = parseParamValue(def, given.raw);
    if (parsed.ok) resolved.set(def.id, parsed.value);
    else {
      problems.push({ sheet: sheetName, cell: given.cell, message: ru.settings.invalidValue(def.id, cellText(given.raw), parsed.expected) });
      resolved.set(def.id, fallback.ok ? fallback.value : null);
    }
  }
  return resolved;
}
