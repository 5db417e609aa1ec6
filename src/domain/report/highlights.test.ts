import { runEngine } from "../engine/run";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import { highlightPlan } from "./highlights";

const sheet = (name: string, values: CellValue[][], merges: SheetSnapshot["merges"] = []): SheetSnapshot => ({ name, values, merges, hidden: false });
const run = (sheets: SheetSnapshot[]) => runEngine(sheets, { ignoreSheets: new Set(), reportDate: "2026-11-22", today: "2026-11-22" });

/** A roadmap from column B under a title: B №, C Мероприятие, D Срок, E Ответственный, F Фактический результат. */
function roadmap(name: string, rows: CellValue[][]): SheetSnapshot {
  return sheet(name, [["", "Дорожная карта на 2026 год"], [], ["", "№", "Мероприятие", "Срок", "Ответственный", "Фактический результат"], ...rows.map((r) => ["", ...r])]);
}

describe("highlightPlan: overdue roadmap events", () => {
  it("adds one rule over the table's data rows, coloured by color_overdue, looking the row key up in «Исполнение ДК»", () => {
    const result = run([
      roadmap("Дорожная карта", [
        ["1", "Совещание", "Февраль", "УО", ""], // overdue
        ["2", "Семинар", "Декабрь", "ИМЦ", ""], // due soon
        ["3", "Курсы", "Март", "ИМЦ", "Проведены"], // done
      ]),
    ]);
    const plans = highlightPlan(result);
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan.sheet).toBe("Дорожная карта");
    expect(plan.range).toBe("B4:F6");
    expect(plan.rules).toHaveLength(1);
    expect(plan.rules[0].fill).toBe("#FFC7CE");
    // The key is built from the first data row's own cells (row 4), C/D/F and B.
    expect(plan.rules[0].formula).toMatch(/^SUMPRODUCT\(\('Исполнение ДК'!\$R\$4:\$R\$6=.*\$B4.*\$C4.*\$D4.*\$F4.*\)\*\('Исполнение ДК'!\$I\$4:\$I\$6="просрочено"\)\)>0$/);
    expect(plan.rules[0].formula).not.toMatch(/\$E4/); // «Ответственный» is not part of the key
  });

  it("uses the colour set in «Настройки»", () => {
    const settings = sheet("Настройки", [["Параметр", "Значение"], ["color_overdue", "#FF0000"]]);
    const plans = highlightPlan(run([settings, roadmap("ДК", [["1", "Совещание", "Февраль", "УО", ""]])]));
    expect(plans.map((p) => p.rules[0].fill)).toEqual(["#FF0000"]);
  });

  it("covers every roadmap sheet with an overdue event, and no sheet without one", () => {
    const result = run([roadmap("ДК 1", [["1", "Совещание", "Февраль", "УО", ""]]), roadmap("ДК 2", [["1", "Семинар", "Декабрь", "ИМЦ", ""]]), roadmap("ДК 3", [["1", "Курсы", "Март", "ИМЦ", ""]])]);
    expect(highlightPlan(result).map((p) => [p.sheet, p.range])).toEqual([
      ["ДК 1", "B4:F4"],
      ["ДК 3", "B4:F4"],
    ]);
    // The report lists the events of all three sheets, so the lookup spans three lines.
    expect(highlightPlan(result)[0].rules[0].formula).toContain("'Исполнение ДК'!$I$4:$I$6");
  });

  it("keeps the school highlight in the registry next to the roadmap one", () => {
    const registry = sheet("Реестр ОО", [["Код ОО", "Наименование ОО"], ["edu1", "Школа 1"]]);
    const results = sheet("Результаты", [
      ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»"],
      ["edu1", 2026, "ВПР", "Русский язык", 5, 20, 2],
    ]);
    const plans = highlightPlan(run([registry, results, roadmap("ДК", [["1", "Совещание", "Февраль", "УО", ""]])]));
    expect(plans.map((p) => p.sheet)).toEqual(["Реестр ОО", "ДК"]);
  });
});
