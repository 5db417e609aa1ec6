import { MemoryGateway, smallBook } from "../../test/support/memory-gateway";
import { computeSync, type Compute } from "./compute";
import { Orchestrator, RunError, type Progress } from "./orchestrator";

const fixedNow = () => new Date(2026, 10, 24, 9, 30, 0);

describe("Orchestrator", () => {
  it("reads, computes and writes the report sheets with the settings sheet on the first run", async () => {
    const gw = MemoryGateway.of(smallBook());
    const outcome = await new Orchestrator(gw).calculate({ now: fixedNow, reportDate: "2026-11-22" });
    expect(outcome.written).toEqual(["Сводка", "Индикаторы", "Кандидаты", "Динамика", "Объективность", "Справка", "Журнал"]);
    expect(gw.writes).toHaveLength(1);
    const plan = gw.writes[0];
    expect(plan.ownedSheets).toEqual(outcome.written);
    expect(plan.settings?.create).toBe(true);
    expect(plan.highlights[0].sheet).toBe("Реестр ОО");
    expect(plan.highlights[0].range).toBe("A2:D7");
    // 40 % «2» in all four combos in both years → ШНОР candidate by the override.
    expect(outcome.json.schools.find((s) => s.school_id === "edu100001")?.status).toBe("shnor");
    expect(outcome.json.report_date).toBe("2026-11-22");
  });

  it("computes without writing or building report sheets when asked (the JSON-only mode)", async () => {
    const full = await new Orchestrator(MemoryGateway.of(smallBook())).calculate({ now: fixedNow, reportDate: "2026-11-22" });
    const gw = MemoryGateway.of(smallBook());
    const stages: string[] = [];
    let built = -1;
    const compute: Compute = async (request) => {
      const response = computeSync(request);
      built = response.reports.length;
      return response;
    };
    const outcome = await new Orchestrator(gw, { compute }).calculate({ now: fixedNow, reportDate: "2026-11-22", write: false, onProgress: (p) => stages.push(p.stage) });
    expect(built).toBe(0);
    expect(gw.writes).toHaveLength(0);
    expect(outcome.written).toEqual([]);
    expect(stages).toEqual(["reading", "computing", "done"]);
    expect(outcome.json).toEqual(full.json);
  });

  it("reports progress through every stage in order", async () => {
    const stages: Progress[] = [];
    await new Orchestrator(MemoryGateway.of(smallBook())).calculate({ now: fixedNow, onProgress: (p) => stages.push(p) });
    expect(stages.map((s) => s.stage)).toEqual(["reading", "computing", "writing", "done"]);
    expect(stages.map((s) => s.fraction)).toEqual([...stages.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(stages[0].label).toBe("Чтение листов книги");
  });

  it("uses today as the report date when none is given", async () => {
    const outcome = await new Orchestrator(MemoryGateway.of(smallBook())).calculate({ now: fixedNow });
    expect(outcome.json.report_date).toBe("2026-11-24");
  });

  it("refuses a second run while one is going", async () => {
    const gw = MemoryGateway.of(smallBook());
    let release!: () => void;
    gw.gate = new Promise((r) => (release = r));
    const orchestrator = new Orchestrator(gw);
    const first = orchestrator.calculate({ now: fixedNow });
    expect(orchestrator.busy).toBe(true);
    await expect(orchestrator.calculate({ now: fixedNow })).rejects.toMatchObject({ code: "busy" });
    await expect(orchestrator.removeHighlights()).rejects.toBeInstanceOf(RunError);
    release();
    await first;
    expect(orchestrator.busy).toBe(false);
    expect(gw.writes).toHaveLength(1);
  });

  it("cancelled before the write stage leaves the workbook untouched", async () => {
    const gw = MemoryGateway.of(smallBook());
    const controller = new AbortController();
    const run = new Orchestrator(gw).calculate({ now: fixedNow, signal: controller.signal, onProgress: (p) => p.stage === "computing" && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: "cancelled", message: "Расчёт отменён; книга не изменена." });
    expect(gw.writes).toHaveLength(0);
  });

  it("stops before any write when a user's sheet has a report's name", async () => {
    const gw = MemoryGateway.of({ ...smallBook(), Сводка: [["моя сводка"]] });
    await expect(new Orchestrator(gw).calculate({ now: fixedNow })).rejects.toMatchObject({ code: "collision" });
    expect(gw.writes).toHaveLength(0);
    expect(gw.sheets.get("Сводка")!.values).toEqual([["моя сводка"]]);
  });

  it("rewrites its own sheets, keeps the log growing and deletes reports it no longer makes", async () => {
    const gw = MemoryGateway.of(smallBook());
    const orchestrator = new Orchestrator(gw);
    await orchestrator.calculate({ now: fixedNow });
    const log1 = gw.sheets.get("Журнал")!.values.length;
    gw.sheets.delete("Результаты"); // the next month's workbook has only the registry
    gw.sheets.set("Дорожная карта", { values: [["Мероприятие", "Срок"], ["Совещание", "Февраль"]] });
    const second = await orchestrator.calculate({ now: fixedNow });
    expect(second.written).toEqual(["Сводка", "Исполнение ДК", "Журнал"]);
    expect(gw.writes[1].deleteSheets.sort()).toEqual(["Индикаторы", "Кандидаты", "Динамика", "Объективность", "Справка"].sort());
    expect(gw.writes[1].settings).toBeNull(); // «Настройки» exists now and has every parameter
    expect(gw.sheets.get("Журнал")!.values.length).toBe(log1 + 1);
  });
});
