/**
 * «Что изменилось» end to end: two (and three) runs of the orchestrator on the in-memory
 * gateway, the input edited in between; the second run's `changes` lists exactly the edits.
 */
import { MemoryGateway } from "../../test/support/memory-gateway";
import type { CellValue } from "../domain/sheet/snapshot";
import { lastRun } from "../domain/dynamics/runlog";
import { previousLogRows } from "../domain/report/log";
import { Orchestrator } from "./orchestrator";
import { changeLines, summaryLines } from "./messages";

const REPORT_DATE = "2026-11-22";
const at = (h: number) => () => new Date(2026, 10, 24, h, 0, 0);

const RESULTS_HEADER = ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»", "«3»", "«4»", "«5»", "Не преодолели минимальный порог", "Высокобалльники"];

/** Three schools with green results in 2025 and 2026 (ВПР, ОГЭ, ЕГЭ: ИНР 0), a passport
 *  of 2026 (five share indicators at 0: ИСН 0) and a roadmap of three events. */
function workbook(): Record<string, CellValue[][]> {
  const ids = ["edu1", "edu2", "edu3"];
  const results: CellValue[][] = [RESULTS_HEADER];
  for (const id of ids) {
    for (const year of [2025, 2026]) {
      for (const subject of ["Русский язык", "Математика"]) for (const grade of [5, 8]) results.push([id, year, "ВПР", subject, grade, 20, 0, 10, 6, 4, "", ""]);
      results.push([id, year, "ОГЭ", "Русский язык", 9, 20, 0, 10, 6, 4, "", ""]);
      results.push([id, year, "ЕГЭ", "Русский язык", 11, 20, "", "", "", "", 0, 10]);
    }
  }
  return {
    "Реестр ОО": [["Код ОО", "Наименование ОО", "Муниципалитет"], ...ids.map((id, i) => [id, `МБОУ «Школа № ${i + 1}»`, "Район"])],
    Результаты: results,
    "Социальный паспорт": [
      ["Код ОО", "Год", "Контингент", "На учёте в ОДН/КДН", "Из семей мигрантов", "Не аттестованы", "Систематически пропускают", "ЗПР/УО"],
      ...ids.map((id) => [id, 2026, 100, 0, 0, 0, 0, 0]),
    ],
    "Дорожная карта": [
      ["Мероприятие", "Срок", "Фактический результат"],
      ["Совещание руководителей", "до 01.10.2026", ""],
      ["Семинар для учителей", "до 01.10.2026", "проведён 28.09"],
      ["Отчёт о реализации", "Декабрь", ""],
    ],
  };
}

/** Sets the «2» of edu2's ВПР rows of 2026 to 10 of 20 (red in every combo). */
function worsenEdu2(gw: MemoryGateway): void {
  for (const row of gw.sheets.get("Результаты")!.values) if (row[0] === "edu2" && row[1] === 2026 && row[2] === "ВПР") row.splice(6, 4, 10, 5, 3, 2);
}

describe("«что изменилось» between runs of the orchestrator", () => {
  it("the first run has nothing to compare with; the second lists exactly what was edited; a third without edits, nothing", async () => {
    const gw = MemoryGateway.of(workbook());
    const orchestrator = new Orchestrator(gw);

    const first = await orchestrator.calculate({ now: at(9), reportDate: REPORT_DATE });
    expect(first.json.changes).toEqual({ previous_run: null, status_changes: [], flags_added: [], flags_removed: [], index_changes: [], newly_overdue: [] });
    expect(first.json.schools.map((s) => [s.school_id, s.status, s.inr, s.isn])).toEqual([
      ["edu1", "no_risk", 0, 0],
      ["edu2", "no_risk", 0, 0],
      ["edu3", "no_risk", 0, 0],
    ]);
    expect(first.json.roadmap.map((e) => e.status)).toEqual(["overdue", "done", "in_progress"]);

    // The edits: edu2's ВПР 2026 gets 50 % «2»; edu3 has 5 pupils on the ОДН/КДН register
    // (S1 5 % — red); the seminar's fact is cleared (it becomes overdue).
    worsenEdu2(gw);
    gw.sheets.get("Социальный паспорт")!.values[3][3] = 5;
    gw.sheets.get("Дорожная карта")!.values[2][2] = "";

    const second = await orchestrator.calculate({ now: at(10), reportDate: REPORT_DATE });
    expect(second.json.changes).toEqual({
      previous_run: "2026-11-24 09:00:00",
      status_changes: [{ school_id: "edu2", from: "no_risk", to: "risk_zone" }],
      flags_added: [{ school_id: "edu2", flag: "risk_zone" }],
      flags_removed: [],
      index_changes: [
        { school_id: "edu2", index: "inr", from: 0, to: 33.3 },
        { school_id: "edu3", index: "isn", from: 0, to: 20 },
      ],
      newly_overdue: [{ sheet: "Дорожная карта", row: 3, event: "Семинар для учителей" }],
    });
    // «Совещание» was overdue already: not new.
    expect(second.json.roadmap.filter((e) => e.status === "overdue").map((e) => e.row)).toEqual([2, 3]);

    const third = await orchestrator.calculate({ now: at(11), reportDate: REPORT_DATE });
    expect(third.json.changes).toEqual({ previous_run: "2026-11-24 10:00:00", status_changes: [], flags_added: [], flags_removed: [], index_changes: [], newly_overdue: [] });

    const log = previousLogRows(gw.sheets.get("Журнал"));
    expect(log).toHaveLength(3);
    expect(lastRun(log)!.record.schools.get("edu2")).toEqual({ status: "risk_zone", flags: ["risk_zone"], inr: 33.3, isn: 0 });
  });

  it("shows the changes on «Сводка» and in the command line's summary", async () => {
    const gw = MemoryGateway.of(workbook());
    const orchestrator = new Orchestrator(gw);
    const first = await orchestrator.calculate({ now: at(9), reportDate: REPORT_DATE });
    expect(summaryLines(first.json)).toContain("Что изменилось: предыдущих расчётов в книге нет.");
    worsenEdu2(gw);
    const second = await orchestrator.calculate({ now: at(10), reportDate: REPORT_DATE });
    const lines = summaryLines(second.json);
    const i = lines.indexOf("Что изменилось с прошлого расчёта (2026-11-24 09:00:00):");
    expect(i).toBeGreaterThan(0);
    expect(lines.slice(i + 1, i + 3)).toEqual([
      "  статусов изменилось: 1; флагов добавлено: 1, снято: 0; индексов изменилось: 1; впервые просрочено мероприятий: 0",
      "  edu2: статус: Без рисков → Зона риска; + зона риска; ИНР 0,0 → 33,3",
    ]);
    // The summary's tables are in A–D (the charts are beside them).
    const summary = gw.sheets.get("Сводка")!.values.map((r) => r.slice(0, 4).filter((c) => c !== "").join(" | "));
    expect(summary).toContain("МБОУ «Школа № 2» | edu2 | статус: Без рисков → Зона риска; + зона риска; ИНР 0,0 → 33,3");
  });

  it("a further run on unchanged input rewrites every report sheet identically, «Журнал» aside", async () => {
    const gw = MemoryGateway.of(workbook());
    const orchestrator = new Orchestrator(gw);
    await orchestrator.calculate({ now: at(9), reportDate: REPORT_DATE });
    const second = await orchestrator.calculate({ now: at(10), reportDate: REPORT_DATE });
    const third = await orchestrator.calculate({ now: at(11), reportDate: REPORT_DATE });
    expect(third.written).toEqual(second.written);
    for (const name of second.written.filter((n) => n !== "Журнал")) {
      expect(gw.writes[2].reports.find((r) => r.name === name)).toEqual(gw.writes[1].reports.find((r) => r.name === name));
    }
  });

  it("keeps reading a log row of the first format (statuses and flags only)", async () => {
    const gw = MemoryGateway.of(workbook());
    const orchestrator = new Orchestrator(gw);
    await orchestrator.calculate({ now: at(9), reportDate: REPORT_DATE });
    // Replace the run record by the first format, as an earlier version wrote it.
    const log = gw.sheets.get("Журнал")!.values;
    log[1] = [...log[1].slice(0, 8), "edu1=no_risk;edu2=shnor/basic_failing;edu3=no_risk"];
    const second = await orchestrator.calculate({ now: at(10), reportDate: REPORT_DATE });
    expect(second.json.changes).toEqual({
      previous_run: "2026-11-24 09:00:00",
      status_changes: [{ school_id: "edu2", from: "shnor", to: "no_risk" }],
      flags_added: [],
      flags_removed: [{ school_id: "edu2", flag: "basic_failing" }],
      index_changes: [],
      newly_overdue: [],
    });
  });

  it("writes «Динамика» with two years of data and lists at most ten changes on the command line", async () => {
    const gw = MemoryGateway.of(workbook());
    const outcome = await new Orchestrator(gw).calculate({ now: at(9), reportDate: REPORT_DATE });
    expect(outcome.written).toContain("Динамика");
    const many = { ...outcome.json.changes, previous_run: "t", flags_added: Array.from({ length: 12 }, (_, i) => ({ school_id: `s${i}`, flag: "one_year" })) };
    const lines = changeLines(many);
    expect(lines).toHaveLength(2 + 10 + 1);
    expect(lines[lines.length - 1]).toBe("  … и ещё 2 (подробно — на листе «Сводка»)");
  });
});
