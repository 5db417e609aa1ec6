import type { CellValue, SheetSnapshot } from "../../src/domain/sheet/snapshot";
import type { SheetInfo, WorkbookGateway, WritePlan } from "../../src/workbook/gateway";

/** A workbook as plain arrays, for orchestrator tests: records every write it receives. */
export class MemoryGateway implements WorkbookGateway {
  readonly writes: WritePlan[] = [];
  owned: string[] = [];
  highlightsRemoved = 0;
  /** Resolves reads only when released, to test a run that is still going. */
  gate: Promise<void> | null = null;

  constructor(readonly sheets: Map<string, { values: CellValue[][]; hidden?: boolean }>) {}

  static of(sheets: Record<string, CellValue[][]>): MemoryGateway {
    return new MemoryGateway(new Map(Object.entries(sheets).map(([name, values]) => [name, { values }])));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets].map(([name, s]) => ({ name, hidden: s.hidden ?? false }));
  }

  async readSheets(names: string[]): Promise<SheetSnapshot[]> {
    if (this.gate) await this.gate;
    return names.map((name) => ({ name, values: this.sheets.get(name)!.values, merges: [], hidden: this.sheets.get(name)!.hidden ?? false }));
  }

  async readOwnedSheets(): Promise<string[]> {
    return this.owned;
  }

  async write(plan: WritePlan): Promise<void> {
    this.writes.push(plan);
    for (const name of plan.deleteSheets) this.sheets.delete(name);
    for (const r of plan.reports) this.sheets.set(r.name, { values: r.values.map((row) => row.map((c) => c ?? "")) });
    if (plan.settings?.create) this.sheets.set(plan.settings.sheet, { values: plan.settings.rows });
    this.owned = plan.ownedSheets;
  }

  async removeHighlights(): Promise<void> {
    this.highlightsRemoved++;
  }
}

/** A small monitoring workbook: 6 schools of one municipality, two years of ВПР. */
export function smallBook(): Record<string, CellValue[][]> {
  const registry: CellValue[][] = [["Код ОО", "Наименование ОО", "Муниципалитет", "Тип ОО"]];
  const results: CellValue[][] = [["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»", "«3»", "«4»", "«5»"]];
  for (let i = 1; i <= 6; i++) {
    const id = `edu10000${i}`;
    registry.push([id, `МБОУ «Школа № ${i}»`, "Демо-район", "СОШ"]);
    // School 1 is weak (40 % «2» in every combo); the others have 8 %.
    const twos = i === 1 ? 10 : 2;
    for (const year of [2025, 2026]) {
      for (const subject of ["Русский язык", "Математика"]) {
        for (const grade of [5, 8]) results.push([id, year, "ВПР", subject, grade, 25, twos, 25 - twos - 8, 5, 3]);
      }
    }
  }
  return { "Реестр ОО": registry, Результаты: results };
}
