import { PARAMS } from "./definitions";
import { readSettingsSheet, SETTINGS_SHEET } from "./read";
import { settingsUpdate } from "./update";
import type { CellValue } from "../sheet/snapshot";

const sheet = (values: CellValue[][]) => ({ name: SETTINGS_SHEET, values, merges: [], hidden: false });

describe("«Настройки» created and appended", () => {
  it("a created sheet reads back with every parameter, no problems and an empty «Сопоставление»", () => {
    const created = settingsUpdate(readSettingsSheet(undefined), false)!;
    expect(created.create).toBe(true);
    const back = readSettingsSheet(sheet(created.rows));
    expect(back.problems).toEqual([]);
    expect([...back.values.keys()].sort()).toEqual(PARAMS.map((p) => p.id).sort());
    expect(back.synonyms.size).toBe(0);
    expect(settingsUpdate(back, true)).toBeNull();
  });

  it("appends missing parameters under their own header after a «Сопоставление»-only sheet, and they read back", () => {
    const rows: CellValue[][] = [["Сопоставление"], ["Поле", "Заголовок в книге"], ["n_odn_kdn", "Дети на учёте"]];
    const update = settingsUpdate(readSettingsSheet(sheet(rows)), true)!;
    expect(update.create).toBe(false);
    expect(update.startRow).toBe(4); // one blank row after the last used row (row 3)
    const merged = [...rows, [], ...update.rows];
    const back = readSettingsSheet(sheet(merged));
    expect(back.problems).toEqual([]);
    expect(back.values.size).toBe(PARAMS.length);
    expect(back.synonyms.get("n_odn_kdn")).toEqual(["Дети на учёте"]);
  });

  it("appends only the parameters a sheet lacks", () => {
    const rows: CellValue[][] = [["Параметр", "Значение", "По умолчанию", "Описание"], ["shnor_threshold", 60, 50, ""]];
    const update = settingsUpdate(readSettingsSheet(sheet(rows)), true)!;
    const appended = update.rows.filter((r) => PARAMS.some((p) => p.id === r[0])).map((r) => r[0]);
    expect(appended).not.toContain("shnor_threshold");
    expect(appended).toHaveLength(PARAMS.length - 1);
  });
});
