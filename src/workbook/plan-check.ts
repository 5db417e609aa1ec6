import type { ReportSheet } from "../domain/report/model";
import { MAX_COLS, MAX_ROWS, parseRange } from "../domain/sheet/address";
import type { CellRange, CellValue } from "../domain/sheet/snapshot";
import { GatewayError, gatewayMessages, sheetNotFoundError, unownedSheetError } from "./errors";
import type { WritePlan } from "./gateway";
import { SERVICE_SHEET } from "./service-state";
import { SheetIndex, sheetKey } from "./sheet-names";

/**
 * The checks both adapters make before `write` changes anything: ownership, then the shape
 * of the plan. Pure: it sees the workbook only through `WorkbookDescription`. An adapter
 * adds its host's own checks after this one (protection in Excel, OOXML ranges in .xlsx).
 */

/** What the plan is checked against. */
export interface WorkbookDescription {
  /** Every sheet's name, as the workbook spells it (the service sheet included). */
  sheets: readonly string[];
  /** The add-in's sheets as recorded in the service sheet — not the plan's new list. */
  owned: readonly string[];
}

/**
 * Excel keeps at most 32,767 characters in a cell; one is left for the apostrophe the
 * Office adapter puts before text Excel could misread (office/text.ts).
 */
const MAX_TEXT = 32_766;

export const invalidPlan = (detail: string) => new GatewayError("invalid-plan", gatewayMessages.invalidPlan(detail));
const serviceSheetName = () => new GatewayError("invalid-plan", gatewayMessages.serviceSheetName());
const isService = (name: string) => sheetKey(name) === sheetKey(SERVICE_SHEET);

/** Excel's sheet-name rules. */
export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.length === 0 || name.length > 31) throw invalidPlan(`имя листа «${name}» должно быть от 1 до 31 символа`);
  if (/[*?:/\\[\]]/.test(name)) throw invalidPlan(`имя листа «${name}» содержит запрещённый символ`);
  if (/^'|'$/.test(name)) throw invalidPlan(`имя листа «${name}» не может начинаться или кончаться апострофом`);
  if (sheetKey(name) === "history") throw invalidPlan(`имя листа «${name}» зарезервировано Excel`);
}

/** A colour as the report model writes it: "#RRGGBB" (the "#" may be left out). */
export function isColor(c: string): boolean {
  return typeof c === "string" && /^#?[0-9a-fA-F]{6}$/.test(c.trim());
}

/** "A2:K31" or several areas separated by spaces or commas; null when any is not an area. */
export function highlightAreas(range: string): CellRange[] | null {
  const parts = range.trim().split(/[\s,]+/).filter((p) => p !== "");
  const out: CellRange[] = [];
  for (const p of parts) {
    const r = parseRange(p);
    if (!r) return null;
    out.push(r);
  }
  return out.length > 0 ? out : null;
}

function checkRange(r: CellRange, where: string): void {
  const ok =
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.top <= r.bottom &&
    r.left <= r.right &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS;
  if (!ok) throw invalidPlan(`${where}: неверный диапазон ${JSON.stringify(r)}`);
}

function checkValue(v: CellValue | null | undefined, where: string): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw invalidPlan(`${where}: число ${v}`);
  if (typeof v === "string" && v.length > MAX_TEXT) throw invalidPlan(`${where}: текст длиннее 32 766 символов`);
}

function checkColor(c: string | undefined, where: string): void {
  if (c !== undefined && !isColor(c)) throw invalidPlan(`${where}: цвет «${c}» не в виде #RRGGBB`);
}

function checkWidth(w: number, where: string): void {
  if (!Number.isFinite(w) || w < 0 || w > 255) throw invalidPlan(where);
}

function checkReport(report: ReportSheet): void {
  const at = `лист «${report.name}»`;
  checkSheetName(report.name);
  if (report.values.length > MAX_ROWS) throw invalidPlan(`${at}: слишком много строк`);
  const width = report.values[0]?.length ?? 0;
  report.values.forEach((row, r) => {
    if (row.length !== width) throw invalidPlan(`${at}: строки разной длины (строка ${r + 1})`);
    if (row.length > MAX_COLS) throw invalidPlan(`${at}: слишком много столбцов`);
    for (let c = 0; c < row.length; c++) checkValue(row[c], `${at}, строка ${r + 1}, столбец ${c + 1}`);
  });
  report.columnWidths.forEach((w, i) => checkWidth(w, `${at}: ширина столбца ${i + 1} = ${w}`));
  for (const b of report.numberFormats) {
    checkRange(b.range, `${at}, формат «${b.format}»`);
    if (typeof b.format !== "string" || b.format === "") throw invalidPlan(`${at}: пустой формат числа`);
  }
  for (const b of report.styles) {
    checkRange(b.range, `${at}, стиль`);
    checkColor(b.style.fill, `${at}, заливка`);
    checkColor(b.style.fontColor, `${at}, цвет шрифта`);
    if (b.style.fontSize !== undefined && !(b.style.fontSize >= 1 && b.style.fontSize <= 409)) {
      throw invalidPlan(`${at}: размер шрифта ${b.style.fontSize}`);
    }
  }
  if (report.freezeRows !== undefined && !(Number.isInteger(report.freezeRows) && report.freezeRows >= 0 && report.freezeRows < MAX_ROWS)) {
    throw invalidPlan(`${at}: закрепление строк ${report.freezeRows}`);
  }
  const merges = report.merges ?? [];
  merges.forEach((m, i) => {
    checkRange(m, `${at}, объединение`);
    for (let j = 0; j < i; j++) {
      const o = merges[j];
      if (m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right) {
        throw invalidPlan(`${at}: объединения ${JSON.stringify(o)} и ${JSON.stringify(m)} пересекаются`);
      }
    }
  });
  const t = report.print?.titleRows;
  if (t && !(Number.isInteger(t[0]) && Number.isInteger(t[1]) && t[0] >= 0 && t[0] <= t[1] && t[1] < MAX_ROWS)) {
    throw invalidPlan(`${at}: строки заголовка для печати ${JSON.stringify(t)}`);
  }
}

/**
 * Everything `write` could refuse regardless of the host, checked before the workbook is
 * touched; throws a GatewayError:
 * 1. ownership — a report, a delete or an "owned" claim that would hit a sheet the add-in
 *    did not create ("unowned-sheet", naming the sheet as the workbook spells it);
 * 2. shape — sheet names, values, widths, formats, styles, merges, print rows, settings,
 *    highlights ("invalid-plan"; "not-found" for a sheet that is not there).
 */
export function checkPlan(plan: WritePlan, book: WorkbookDescription): void {
  const sheets = new SheetIndex(book.sheets.map((name) => ({ name })));
  const owned = new Set(book.owned.map(sheetKey));
  const isOwned = (name: string) => owned.has(sheetKey(name));
  const refuseUsers = (name: string): void => {
    const existing = sheets.get(name);
    if (existing && !isOwned(existing.name)) throw unownedSheetError(existing.name);
  };

  // 1. Never overwrite or delete a sheet the add-in did not create.
  for (const report of plan.reports) {
    if (isService(report.name)) throw serviceSheetName();
    refuseUsers(report.name);
  }
  for (const name of plan.deleteSheets) {
    if (isService(name)) throw serviceSheetName();
    refuseUsers(name);
  }
  // A plan must not claim a user's sheet as ours: the next run would overwrite it.
  const written = new Set(plan.reports.map((r) => sheetKey(r.name)));
  for (const name of plan.ownedSheets) if (!written.has(sheetKey(name))) refuseUsers(name);

  // 2. Shape.
  const seen = new Set<string>();
  for (const report of plan.reports) {
    if (seen.has(sheetKey(report.name))) throw invalidPlan(`лист «${report.name}» дважды в плане`);
    seen.add(sheetKey(report.name));
    checkReport(report);
  }
  const deleted = new Set<string>();
  for (const name of plan.deleteSheets) {
    if (seen.has(sheetKey(name))) throw invalidPlan(`лист «${name}» и пишется, и удаляется`);
    deleted.add(sheetKey(name));
  }

  const s = plan.settings;
  if (s) {
    checkSheetName(s.sheet);
    const existing = sheets.get(s.sheet);
    if (seen.has(sheetKey(s.sheet)) || isService(s.sheet) || (existing && isOwned(existing.name))) {
      throw invalidPlan(`лист настроек «${s.sheet}» не может быть листом отчёта`);
    }
    if (s.create && existing) throw invalidPlan(`лист настроек «${s.sheet}» уже существует`);
    if (!s.create && !existing) throw sheetNotFoundError(s.sheet);
    if (!s.create && !(Number.isInteger(s.startRow) && s.startRow >= 0)) throw invalidPlan(`лист настроек: строка ${s.startRow}`);
    if ((s.create ? 0 : s.startRow) + s.rows.length > MAX_ROWS) throw invalidPlan("лист настроек: слишком много строк");
    s.rows.forEach((row, r) => row.forEach((v, c) => checkValue(v, `лист настроек, строка ${r + 1}, столбец ${c + 1}`)));
    for (const w of s.columnWidths ?? []) checkWidth(w, `лист настроек: ширина столбца ${w}`);
  }

  for (const h of plan.highlights) {
    if (isService(h.sheet)) throw invalidPlan("служебный лист не подсвечивается");
    const target = sheets.get(h.sheet);
    const willExist =
      (target && !deleted.has(sheetKey(target.name))) || seen.has(sheetKey(h.sheet)) || (s?.create && sheetKey(s.sheet) === sheetKey(h.sheet));
    if (!willExist) throw sheetNotFoundError(h.sheet);
    if (!highlightAreas(h.range)) throw invalidPlan(`подсветка «${h.sheet}»: неверный диапазон «${h.range}»`);
    for (const rule of h.rules) {
      if (typeof rule.formula !== "string" || rule.formula.replace(/^\s*=/, "").trim() === "") throw invalidPlan(`подсветка «${h.sheet}»: пустая формула`);
      if (!isColor(rule.fill)) throw invalidPlan(`подсветка «${h.sheet}»: цвет «${rule.fill}» не в виде #RRGGBB`);
    }
  }
}
