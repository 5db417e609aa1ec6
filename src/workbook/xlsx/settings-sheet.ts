import type { Workbook } from "exceljs";
import type { SettingsUpdate } from "../gateway";
import { findSheet } from "./internals";

/**
 * Creates «Настройки» with `rows` from A1 (and the column widths), or writes `rows` from
 * `startRow` into the existing sheet. Only the cells of `rows` that hold a value are
 * written ("" is "nothing to write"); no other cell, style or width of the user's sheet is
 * touched. Strings are written as text.
 */
export function applySettings(wb: Workbook, update: SettingsUpdate): void {
  const existing = findSheet(wb, update.sheet);
  if (update.create && existing) throw new Error(`Лист настроек «${update.sheet}» уже существует`);
  if (!update.create && !existing) throw new Error(`Лист настроек «${update.sheet}» не найден`);
  const ws = existing ?? wb.addWorksheet(update.sheet);
  const start = update.create ? 0 : update.startRow;
  update.rows.forEach((values, i) => {
    if (!values.some((v) => v !== "")) return;
    const row = ws.getRow(start + i + 1);
    values.forEach((v, c) => {
      if (v !== "") row.getCell(c + 1).value = v;
    });
  });
  if (update.create) {
    (update.columnWidths ?? []).forEach((w, i) => {
      if (w > 0) ws.getColumn(i + 1).width = w;
    });
  }
}
