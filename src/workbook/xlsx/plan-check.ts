import type { Workbook } from "exceljs";
import type { CellRange, CellValue } from "../../domain/sheet/snapshot";
import type { ReportSheet } from "../../domain/report/model";
import type { WritePlan } from "../gateway";
import { findSheet } from "./internals";
import { SERVICE_SHEET } from "./service-sheet";
import { toArgb } from "./styles";

/** A report would overwrite (or a delete would remove) a sheet the add-in did not create. */
export class UnownedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`Лист «${sheet}» создан не надстройкой: он не будет перезаписан. Переименуйте его и запустите расчёт снова.`);
    this.name = "UnownedSheetError";
  }
}

/** The plan is malformed (a programming error upstream); nothing has been written. */
export class InvalidPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidPlanError";
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_TEXT = 32_767;
const A1_AREA = /^\$?[A-Z]{1,3}\$?[1-9]\d*(:\$?[A-Z]{1,3}\$?[1-9]\d*)?$/;

const lower = (s: string) => s.toLowerCase();

/** Excel's sheet-name rules. */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31) throw new InvalidPlanError(`Имя листа «${name}»: от 1 до 31 символа`);
  if (/[*?:/\\[\]]/.test(name)) throw new InvalidPlanError(`Имя листа «${name}» содержит запрещённый символ`);
  if (/^'|'$/.test(name)) throw new InvalidPlanError(`Имя листа «${name}» не может начинаться или кончаться апострофом`);
  if (lower(name) === "history") throw new InvalidPlanError(`Имя листа «${name}» зарезервировано Excel`);
}

function checkRange(r: CellRange, where: string): void {
  const ok =
    [r.top, r.left, r.bottom, r.right].every((n) => Number.isInteger(n) && n >= 0) &&
    r.top <= r.bottom &&
    r.left <= r.right &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS;
  if (!ok) throw new InvalidPlanError(`${where}: неверный диапазон ${JSON.stringify(r)}`);
}

function checkValue(v: CellValue | null | undefined, where: string): void {
  if (typeof v === "number" && !Number.isFinite(v)) throw new InvalidPlanError(`${where}: число ${v}`);
  if (typeof v === "string" && v.length > MAX_TEXT) throw new InvalidPlanError(`${where}: текст длиннее ${MAX_TEXT} символов`);
}

function checkReport(report: ReportSheet): void {
  const at = `Лист «${report.name}»`;
  checkSheetName(report.name);
  if (report.values.length > MAX_ROWS) throw new InvalidPlanError(`${at}: слишком много строк`);
  report.values.forEach((row, r) => {
    if (row.length > MAX_COLS) throw new InvalidPlanError(`${at}: слишком много столбцов`);
    row.forEach((v, c) => checkValue(v, `${at}, строка ${r + 1}, столбец ${c + 1}`));
  });
  report.columnWidths.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0 || w > 255) throw new InvalidPlanError(`${at}: ширина столбца ${i + 1} = ${w}`);
  });
  for (const b of report.numberFormats) {
    checkRange(b.range, `${at}, формат «${b.format}»`);
    if (typeof b.format !== "string" || b.format === "") throw new InvalidPlanError(`${at}: пустой формат числа`);
  }
  for (const b of report.styles) {
    checkRange(b.range, `${at}, стиль`);
    try {
      if (b.style.fill !== undefined) toArgb(b.style.fill);
      if (b.style.fontColor !== undefined) toArgb(b.style.fontColor);
    } catch (e) {
      throw new InvalidPlanError(`${at}: ${(e as Error).message}`);
    }
    if (b.style.fontSize !== undefined && !(b.style.fontSize >= 1 && b.style.fontSize <= 409)) {
      throw new InvalidPlanError(`${at}: размер шрифта ${b.style.fontSize}`);
    }
  }
  if (report.freezeRows !== undefined && !(Number.isInteger(report.freezeRows) && report.freezeRows >= 0 && report.freezeRows < MAX_ROWS)) {
    throw new InvalidPlanError(`${at}: закрепление строк ${report.freezeRows}`);
  }
  const merges = report.merges ?? [];
  merges.forEach((m, i) => {
    checkRange(m, `${at}, объединение`);
    for (let j = 0; j < i; j++) {
      const o = merges[j];
      if (m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right) {
        throw new InvalidPlanError(`${at}: объединения ${JSON.stringify(o)} и ${JSON.stringify(m)} пересекаются`);
      }
    }
  });
  const t = report.print?.titleRows;
  if (t && !(Number.isInteger(t[0]) && Number.isInteger(t[1]) && t[0] >= 0 && t[0] <= t[1] && t[1] < MAX_ROWS)) {
    throw new InvalidPlanError(`${at}: строки заголовка для печати ${JSON.stringify(t)}`);
  }
}

/**
 * Everything `write` could fail on is checked here, before the workbook is touched:
 * ownership first (a report or a delete that would hit a user's sheet), then the shape of
 * the plan. `owned` is the list recorded in the service sheet, not the plan's new list.
 */
export function checkPlan(wb: Workbook, plan: WritePlan, owned: readonly string[]): void {
  const ownedSet = new Set(owned);
  const isOwnedSheet = (name: string): boolean => {
    const ws = findSheet(wb, name);
    return ws !== undefined && ownedSet.has(ws.name);
  };

  // 1. Never overwrite or delete a sheet the add-in did not create.
  for (const report of plan.reports) {
    if (lower(report.name) === lower(SERVICE_SHEET)) throw new InvalidPlanError(`Имя «${SERVICE_SHEET}» занято служебным листом`);
    const existing = findSheet(wb, report.name);
    if (existing && !ownedSet.has(existing.name)) throw new UnownedSheetError(existing.name);
  }
  for (const name of plan.deleteSheets) {
    if (lower(name) === lower(SERVICE_SHEET)) throw new InvalidPlanError("Служебный лист не удаляется");
    const existing = findSheet(wb, name);
    if (existing && !ownedSet.has(existing.name)) throw new UnownedSheetError(existing.name);
  }
  // A plan must not claim a user's sheet as ours: the next run would overwrite it.
  const written = new Set(plan.reports.map((r) => lower(r.name)));
  for (const name of plan.ownedSheets) {
    if (written.has(lower(name))) continue;
    const existing = findSheet(wb, name);
    if (existing && !ownedSet.has(existing.name)) throw new UnownedSheetError(existing.name);
  }

  // 2. Shape.
  const seen = new Set<string>();
  for (const report of plan.reports) {
    if (seen.has(lower(report.name))) throw new InvalidPlanError(`Лист «${report.name}» дважды в плане`);
    seen.add(lower(report.name));
    checkReport(report);
  }
  for (const name of plan.deleteSheets) {
    if (seen.has(lower(name))) throw new InvalidPlanError(`Лист «${name}» и пишется, и удаляется`);
  }

  const s = plan.settings;
  if (s) {
    checkSheetName(s.sheet);
    const existing = findSheet(wb, s.sheet);
    if (seen.has(lower(s.sheet)) || lower(s.sheet) === lower(SERVICE_SHEET) || isOwnedSheet(s.sheet)) {
      throw new InvalidPlanError(`Лист настроек «${s.sheet}» не может быть листом отчёта`);
    }
    if (s.create && existing) throw new InvalidPlanError(`Лист настроек «${s.sheet}» уже существует`);
    if (!s.create && !existing) throw new InvalidPlanError(`Лист настроек «${s.sheet}» не найден`);
    if (!s.create && !(Number.isInteger(s.startRow) && s.startRow >= 0)) {
      throw new InvalidPlanError(`Лист настроек: строка ${s.startRow}`);
    }
    if ((s.create ? 0 : s.startRow) + s.rows.length > MAX_ROWS) throw new InvalidPlanError("Лист настроек: слишком много строк");
    s.rows.forEach((row, r) => row.forEach((v, c) => checkValue(v, `Лист настроек, строка ${r + 1}, столбец ${c + 1}`)));
    for (const w of s.columnWidths ?? []) {
      if (!Number.isFinite(w) || w < 0 || w > 255) throw new InvalidPlanError(`Лист настроек: ширина столбца ${w}`);
    }
  }

  const deleted = new Set(plan.deleteSheets.map(lower));
  for (const h of plan.highlights) {
    const target = findSheet(wb, h.sheet);
    const willExist = (target && !deleted.has(lower(target.name))) || seen.has(lower(h.sheet)) || (s?.create && lower(s.sheet) === lower(h.sheet));
    if (!willExist) throw new InvalidPlanError(`Лист «${h.sheet}» для подсветки не найден`);
    if (lower(h.sheet) === lower(SERVICE_SHEET)) throw new InvalidPlanError("Служебный лист не подсвечивается");
    const areas = h.range.trim().toUpperCase().split(/\s+/);
    if (!areas.every((a) => A1_AREA.test(a))) throw new InvalidPlanError(`Подсветка «${h.sheet}»: неверный диапазон «${h.range}»`);
    for (const rule of h.rules) {
      if (typeof rule.formula !== "string" || rule.formula.replace(/^\s*=/, "").trim() === "") {
        throw new InvalidPlanError(`Подсветка «${h.sheet}»: пустая формула`);
      }
      try {
        toArgb(rule.fill);
      } catch (e) {
        throw new InvalidPlanError(`Подсветка «${h.sheet}»: ${(e as Error).message}`);
      }
    }
  }
}
