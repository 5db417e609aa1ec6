import type { SettingsUpdate } from "../report/model";
import type { CellValue } from "../sheet/snapshot";
import { PARAMS } from "./definitions";
import { SETTINGS_SHEET, type SettingsSheetContent } from "./read";

const PARAM_HEADER = ["Параметр", "Значение", "По умолчанию", "Описание"];
const MAP_HEADER = ["Поле", "Заголовок в книге"];
const WIDTHS = [30, 16, 16, 90];

/**
 * «Настройки» is created with every parameter on the first run; later runs only append
 * parameters the sheet lacks, under a header of their own so they are read as parameters.
 * An empty «Значение» means the default.
 */
export function settingsUpdate(content: SettingsSheetContent, exists: boolean): SettingsUpdate | null {
  const missing = PARAMS.filter((p) => !content.values.has(p.id));
  const paramRows: CellValue[][] = missing.map((p) => [p.id, "", p.default, p.description]);
  if (!exists) {
    const rows = [["Параметры"], PARAM_HEADER, ...paramRows, [], ["Сопоставление (дополнительные заголовки столбцов)"], MAP_HEADER];
    return { sheet: SETTINGS_SHEET, create: true, startRow: 0, rows, columnWidths: WIDTHS };
  }
  if (missing.length === 0) return null;
  const title = content.hasParamsTable ? "Параметры (добавлены новой версией)" : "Параметры";
  return { sheet: SETTINGS_SHEET, create: false, startRow: content.endRow + 1, rows: [[title], PARAM_HEADER, ...paramRows] };
}
