import { MemoryGateway, smallBook } from "../../test/support/memory-gateway";
import { inspectInputTables, inspectionFromRun } from "./inspect";
import { Orchestrator } from "./orchestrator";

describe("inspectInputTables", () => {
  test("finds the tables by their headers and lists the missing kinds", async () => {
    const gateway = MemoryGateway.of({
      ...smallBook(),
      Заметки: [["Просто текст"]],
      Соцпаспорт: [["Код ОО", "Год", "Месяц", "Численность"], ["edu1", 2026, 9, 100]],
    });
    const found = await inspectInputTables(gateway);
    expect(found.tables).toEqual([
      { kind: "registry", sheet: "Реестр ОО", headerRow: 1, rows: 6 },
      { kind: "results", sheet: "Результаты", headerRow: 1, rows: 48 },
    ]);
    expect(found.missing).toEqual(["social", "scores", "roadmap"]);
    expect(found.hasSettings).toBe(false);
    // «Соцпаспорт» looks like a table but lacks «Контингент»: reported with the reason.
    expect(found.notRecognized).toHaveLength(1);
    expect(found.notRecognized[0].sheet).toBe("Соцпаспорт");
    expect(found.notRecognized[0].message).toMatch(/Социальный паспорт.*Контингент/);
    expect(gateway.writes).toHaveLength(0);
  });

  test("skips hidden sheets and the add-in's own sheets; honours «Сопоставление» synonyms", async () => {
    const book = smallBook();
    const gateway = MemoryGateway.of({
      ...book,
      Настройки: [["Поле", "Заголовок в книге"], ["school_id", "Шифр школы"]],
      Свой: [["Шифр школы", "Наименование ОО"], ["edu9", "Школа 9"]],
    });
    gateway.sheets.set("Архив", { values: book["Результаты"], hidden: true });
    await new Orchestrator(gateway).calculate({ now: () => new Date(2026, 10, 24) });
    const found = await inspectInputTables(gateway);
    expect(found.hasSettings).toBe(true);
    expect(found.tables.map((t) => t.sheet)).toEqual(["Реестр ОО", "Результаты", "Свой"]);
  });

  test("a run's JSON tables give the same picture without reading again", () => {
    const after = inspectionFromRun([{ kind: "results", sheet: "Результаты", header_row: 2, rows: 10 }], {
      tables: [],
      missing: [],
      notRecognized: [
        { sheet: "Результаты", cell: "", message: "старое" },
        { sheet: "Лист2", cell: "", message: "по-прежнему" },
      ],
      hasSettings: false,
    });
    expect(after.tables).toEqual([{ kind: "results", sheet: "Результаты", headerRow: 2, rows: 10 }]);
    expect(after.missing).toEqual(["registry", "social", "scores", "roadmap"]);
    expect(after.notRecognized.map((p) => p.sheet)).toEqual(["Лист2"]);
  });
});
