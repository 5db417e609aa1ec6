import type { CellRange, CellValue } from "../../domain/sheet/snapshot";
import type { ReportSheet } from "../../domain/report/model";
import type { WritePlan } from "../gateway";
import { MAX_COLS, MAX_ROWS, parseRange } from "./a1";
import { GatewayError, messages } from "./messages";
import { normalizeColor, SERVICE_SHEET, type ServiceState } from "./service-sheet";

/** What the adapter knows about the workbook before it changes anything. */
export interface WorkbookState {
  sheets: { name: string; visibility: string; protected: boolean }[];
  /** The workbook structure is protected (no sheets may be added or deleted). */
  structureProtected: boolean;
  serviceExists: boolean;
  service: ServiceState;
  /** runtime.enableEvents before the write (restored after). */
  eventsEnabled: boolean;
}

const lower = (s: string) => s.toLocaleLowerCase("ru");

export class SheetIndex {
  private readonly byLower = new Map<string, WorkbookState["sheets"][number]>();
  constructor(sheets: WorkbookState["sheets"]) {
    for (const s of sheets) this.byLower.set(lower(s.name), s);
  }
  get(name: string) {
    return this.byLower.get(lower(name));
  }
  has(name: string): boolean {
    return this.byLower.has(lower(name));
  }
}

const invalid = (detail: string) => new GatewayError("invalid-plan", messages.invalidPlan(detail));

export function checkSheetName(name: string): void {
  if (typeof name !== "string" || name.length === 0 || name.length > 31) throw invalid(`имя листа «${name}» должно быть от 1 до 31 символа`);
  if (/[*?:/\\[\]]/.test(name)) throw invalid(`имя листа «${name}» содержит запрещённый символ`);
  if (/^'|'$/.test(name)) throw invalid(`имя листа «${name}» не может начинаться или кончаться апострофом`);
  if (lower(name) === "history") throw invalid(`имя листа «${name}» зарезервировано Excel`);
}

function checkRange(r: CellRange, where: string): void {
  const ok =
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.top <= r.bottom &&
    r.left <= r.right &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS;
  if (!ok) throw invalid(`${where}: неверный диапазон ${JSON.stringify(r)}`);
}

function checkValue(v: CellValue | null | undefined, where: string): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw invalid(`${where}: число ${v}`);
  if (typeof v === "string" && v.length > 32_766) throw invalid(`${where}: текст длиннее 32 766 символов`);
}

function checkColor(c: string | undefined, where: string): void {
  if (c !== undefined && normalizeColor(c) === "") throw invalid(`${where}: цвет «${c}» не в виде #RRGGBB`);
}

function checkReport(report: ReportSheet): void {
  const at = `лист «${report.name}»`;
  checkSheetName(report.name);
  if (report.values.length > MAX_ROWS) throw invalid(`${at}: слишком много строк`);
  const width = report.values[0]?.length ?? 0;
  report.values.forEach((row, r) => {
    if (row.length !== width) throw invalid(`${at}: строки разной длины (строка ${r + 1})`);
    if (row.length > MAX_COLS) throw invalid(`${at}: слишком много столбцов`);
    for (let c = 0; c < row.length; c++) checkValue(row[c], `${at}, строка ${r + 1}, столбец ${c + 1}`);
  });
  report.columnWidths.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0 || w > 255) throw invalid(`${at}: ширина столбца ${i + 1} = ${w}`);
  });
  for (const b of report.numberFormats) {
    checkRange(b.range, `${at}, формат «${b.format}»`);
    if (typeof b.format !== "string" || b.format === "") throw invalid(`${at}: пустой формат числа`);
  }
  for (const b of report.styles) {
    checkRange(b.range, `${at}, стиль`);
    checkColor(b.style.fill, `${at}, заливка`);
    checkColor(b.style.fontColor, `${at}, цвет шрифта`);
    if (b.style.fontSize !== undefined && !(b.style.fontSize >= 1 && b.style.fontSize <= 409)) {
      throw invalid(`${at}: размер шрифта ${b.style.fontSize}`);
    }
  }
  if (report.freezeRows !== undefined && !(Number.isInteger(report.freezeRows) && report.freezeRows >= 0 && report.freezeRows < MAX_ROWS)) {
    throw invalid(`${at}: закрепление строк ${report.freezeRows}`);
  }
  const merges = report.merges ?? [];
  merges.forEach((m, i) => {
    checkRange(m, `${at}, объединение`);
    for (let j = 0; j < i; j++) {
      const o = merges[j];
      if (m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right) {
        throw invalid(`${at}: объединения ${JSON.stringify(o)} и ${JSON.stringify(m)} пересекаются`);
      }
    }
  });
  const t = report.print?.titleRows;
  if (t && !(Number.isInteger(t[0]) && Number.isInteger(t[1]) && t[0] >= 0 && t[0] <= t[1] && t[1] < MAX_ROWS)) {
    throw invalid(`${at}: строки заголовка для печати ${JSON.stringify(t)}`);
  }
}

/** "A2:K31" or several areas separated by spaces or commas. */
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

/**
 * Everything `write` could refuse is checked here, before the workbook is touched:
 * ownership (against the list recorded in the service sheet, not the plan's new list),
 * protection, then the shape of the plan. Mirrors the .xlsx adapter's checkPlan.
 */
export function checkPlan(plan: WritePlan, state: WorkbookState): void {
  const sheets = new SheetIndex(state.sheets);
  const owned = new Set(state.service.owned.map(lower));
  const isOwned = (name: string) => owned.has(lower(name));

  // 1. Never overwrite or delete a sheet the add-in did not create.
  for (const report of plan.reports) {
    if (lower(report.name) === lower(SERVICE_SHEET)) throw new GatewayError("invalid-plan", messages.serviceSheetName());
    const existing = sheets.get(report.name);
    if (existing && !isOwned(existing.name)) {
      throw new GatewayError("unowned-sheet", messages.unownedSheet(existing.name), undefined, existing.name);
    }
  }
  for (const name of plan.deleteSheets) {
    const existing = sheets.get(name);
    if (existing && !isOwned(existing.name)) {
      throw new GatewayError("unowned-sheet", messages.unownedSheet(existing.name), undefined, existing.name);
    }
  }
  const written = new Set(plan.reports.map((r) => lower(r.name)));
  for (const name of plan.ownedSheets) {
    if (written.has(lower(name))) continue;
    const existing = sheets.get(name);
    if (existing && !isOwned(existing.name)) {
      throw new GatewayError("unowned-sheet", messages.unownedSheet(existing.name), undefined, existing.name);
    }
  }

  // 2. Shape.
  const seen = new Set<string>();
  for (const report of plan.reports) {
    if (seen.has(lower(report.name))) throw invalid(`лист «${report.name}» дважды в плане`);
    seen.add(lower(report.name));
    checkReport(report);
  }
  const deleted = new Set<string>();
  for (const name of plan.deleteSheets) {
    if (seen.has(lower(name))) throw invalid(`лист «${name}» и пишется, и удаляется`);
    if (lower(name) === lower(SERVICE_SHEET)) throw new GatewayError("invalid-plan", messages.serviceSheetName());
    deleted.add(lower(name));
  }

  const s = plan.settings;
  if (s) {
    checkSheetName(s.sheet);
    const existing = sheets.get(s.sheet);
    if (seen.has(lower(s.sheet)) || lower(s.sheet) === lower(SERVICE_SHEET) || (existing && isOwned(existing.name))) {
      throw invalid(`лист настроек «${s.sheet}» не может быть листом отчёта`);
    }
    if (s.create && existing) throw invalid(`лист настроек «${s.sheet}» уже существует`);
    if (!s.create && !existing) throw new GatewayError("not-found", messages.sheetNotFound(s.sheet), undefined, s.sheet);
    if (!s.create && !(Number.isInteger(s.startRow) && s.startRow >= 0)) throw invalid(`лист настроек: строка ${s.startRow}`);
    if ((s.create ? 0 : s.startRow) + s.rows.length > MAX_ROWS) throw invalid("лист настроек: слишком много строк");
    s.rows.forEach((row, r) => row.forEach((v, c) => checkValue(v, `лист настроек, строка ${r + 1}, столбец ${c + 1}`)));
    for (const w of s.columnWidths ?? []) {
      if (!Number.isFinite(w) || w < 0 || w > 255) throw invalid(`лист настроек: ширина столбца ${w}`);
    }
  }

  for (const h of plan.highlights) {
    if (lower(h.sheet) === lower(SERVICE_SHEET)) throw invalid("служебный лист не подсвечивается");
    const target = sheets.get(h.sheet);
    const willExist = (target && !deleted.has(lower(target.name))) || seen.has(lower(h.sheet)) || (s?.create && lower(s.sheet) === lower(h.sheet));
    if (!willExist) throw new GatewayError("not-found", messages.sheetNotFound(h.sheet), undefined, h.sheet);
    if (!highlightAreas(h.range)) throw invalid(`подсветка «${h.sheet}»: неверный диапазон «${h.range}»`);
    for (const rule of h.rules) {
      if (typeof rule.formula !== "string" || rule.formula.replace(/^\s*=/, "").trim() === "") throw invalid(`подсветка «${h.sheet}»: пустая формула`);
      checkColor(rule.fill, `подсветка «${h.sheet}»`);
    }
  }

  // 3. Protection: every sheet this write changes must be unprotected.
  const changed = new Set<string>();
  for (const report of plan.reports) if (sheets.has(report.name)) changed.add(lower(report.name));
  if (s && !s.create) changed.add(lower(s.sheet));
  for (const h of plan.highlights) if (sheets.has(h.sheet)) changed.add(lower(h.sheet));
  for (const rec of state.service.highlights) if (sheets.has(rec.sheet) && !deleted.has(lower(rec.sheet))) changed.add(lower(rec.sheet));
  if (state.serviceExists) changed.add(lower(SERVICE_SHEET));
  for (const name of changed) {
    const sheet = sheets.get(name);
    if (sheet?.protected) throw new GatewayError("protected", messages.protectedSheet(sheet.name), "AccessDenied", sheet.name);
  }
  const addsOrDeletes =
    !state.serviceExists ||
    plan.reports.some((r) => !sheets.has(r.name)) ||
    plan.deleteSheets.some((n) => sheets.has(n)) ||
    (s?.create ?? false);
  if (state.structureProtected && addsOrDeletes) throw new GatewayError("protected", messages.protectedWorkbook(), "AccessDenied");
}
