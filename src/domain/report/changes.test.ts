import { transitionsBook } from "../../../test/support/dynamics-book";
import { noChanges, type Changes } from "../dynamics/changes";
import { run } from "../testing/workbook-builder";
import { changesBySchool } from "./changes";
import { buildSummarySheet, SUMMARY_COLUMNS } from "./summary";

/** The summary's tables (A–D), one line per row; the charts beside them are left out. */
const texts = (values: unknown[][]) => values.map((r) => r.slice(0, SUMMARY_COLUMNS).filter((c) => c !== null && c !== "").join(" | ")).filter(Boolean);

describe("«Что изменилось» on «Сводка»", () => {
  const result = run(transitionsBook());
  const changes: Changes = {
    previous_run: "2026-10-24 09:15:03",
    status_changes: [
      { school_id: "A", from: "risk_zone", to: "shnor" },
      { school_id: "Z", from: "shnsu", to: null },
    ],
    flags_added: [{ school_id: "A", flag: "basic_failing" }],
    flags_removed: [{ school_id: "A", flag: "risk_zone" }],
    index_changes: [{ school_id: "G", index: "isn", from: null, to: 37.5 }],
    newly_overdue: [{ sheet: "Дорожная карта", row: 6, event: "Семинар" }],
  };

  it("says so on the first run", () => {
    const lines = texts(buildSummarySheet({ ...result, changes: noChanges() }).values);
    expect(lines).toContain("Что изменилось с прошлого расчёта");
    expect(lines).toContain("Это первый расчёт в книге — сравнивать пока не с чем. Изменения появятся после следующего расчёта.");
  });

  it("says when nothing changed", () => {
    const lines = texts(buildSummarySheet({ ...result, changes: noChanges("2026-10-24 09:15:03") }).values);
    expect(lines).toContain("Что изменилось с прошлого расчёта");
    expect(lines).toContain("Изменений нет.");
  });

  it("lists the changes per school and the newly overdue events", () => {
    const lines = texts(buildSummarySheet({ ...result, changes }).values);
    const at = lines.indexOf("Что изменилось с прошлого расчёта");
    expect(lines.slice(at + 1, at + 8)).toEqual([
      "статусов изменилось: 2; флагов добавлено: 1, снято: 1; индексов изменилось: 1; впервые просрочено мероприятий: 1",
      "Наименование ОО | Код ОО | Что изменилось",
      "Школа A | A | статус: Зона риска → Кандидат в ШНОР; + базово неуспевающая; − зона риска",
      "Школа G | G | ИСН нет данных → 37,5",
      "Z | Z | нет в данных этого расчёта (было: Кандидат в ШНСУ)",
      "Впервые просрочены мероприятия дорожной карты",
      "Лист | Строка | Мероприятие",
    ]);
    expect(lines[at + 8]).toBe("Дорожная карта | 6 | Семинар");
  });

  it("groups the sentences by school", () => {
    expect([...changesBySchool(changes).keys()]).toEqual(["A", "Z", "G"]);
  });
});
