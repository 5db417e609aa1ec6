/**
 * Sheet names as Excel compares them: case-insensitively ("Сводка" and "сводка" are the
 * same sheet, and a workbook cannot hold both). Pure: shared by both adapters, the plan
 * check and the fake Excel.
 */

/** The comparison key of a sheet name. */
export function sheetKey(name: string): string {
  return name.toLocaleLowerCase("ru");
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/** Sheets (or anything named) looked up by name the way Excel does. */
export class SheetIndex<T extends { name: string } = { name: string }> {
  private readonly byKey = new Map<string, T>();

  constructor(items: Iterable<T>) {
    for (const item of items) this.byKey.set(sheetKey(item.name), item);
  }

  get(name: string): T | undefined {
    return this.byKey.get(sheetKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(sheetKey(name));
  }
}
