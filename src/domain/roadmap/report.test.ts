import { isoToSerial } from "../parse/date";
import { ProblemLog } from "../problems";
import type { RecognizedTable } from "../recognition/table";
import type { Settings } from "../settings/types";
import { computeExecution } from "./execution";
import { readRoadmap } from "./read";
import { STATUS_LABELS } from "./messages";
import { STATUS_FILLS, buildRoadmapReport, reportLookup } from "./report";

const settings = { reportDate: "2026-11-22", roadmapYear: null, dueSoonDays: 30 } as Settings;
const context = { reportYear: 2026, hasSchoolData: true };

function events() {
  const rows = [
    ["1", "Раздел А", "Совет", "Февраль", "УО", "Проведено", isoToSerial("2026-02-10")],
    ["2", "Раздел А", "Семинар", "Февраль", "ИМЦ", ""],
    ["3", "Раздел А", "Справка", "Март", "ИМЦ", ""],
    ["4", "Раздел Б", "Совещание", "Постоянно", "УО", ""],
    ["5", "Раздел Б", "=Формула?", "по итогам четверти", "УО", ""],
  ];
  const table: RecognizedTable = {
    kind: "roadmap",
    sheet: "ДК",
    headerRow: 0,
    columns: { number: 0, section: 1, event: 2, due: 3, responsible: 4, actual: 5, done_date: 6 },
    percentColumns: new Set(),
    rows: rows.map((cells, i) => ({ row: i + 1, cells })),
    merges: [],
  };
  return readRoadmap(table, settings, 2026, new ProblemLog());
}

describe("buildRoadmapReport", () => {
  const list = events();
  const report = buildRoadmapReport(list, computeExecution(list), settings, context);
  const header = report.values.findIndex((r) => r[0] === "№");
  const find = (text: string) => report.values.findIndex((r) => r[0] === text);

  it("names the sheet and titles it with the report date", () => {
    expect(report.name).toBe("Исполнение ДК");
    expect(report.values[0][0]).toBe("Исполнение дорожной карты на 22.11.2026");
    expect(report.values[1][0]).toContain("Выполнено в срок 1 из 3");
  });

  it("lists every event with its due date as a date number, status and overdue days", () => {
    const first = report.values[header + 1];
    expect(first.slice(0, 10)).toEqual(["1", "Раздел А", "Совет", "Февраль", isoToSerial("2026-02-28"), "УО", "Проведено", isoToSerial("2026-02-10"), "выполнено в срок", null]);
    expect(report.values[header + 2].slice(8, 10)).toEqual(["просрочено", 267]);
    expect(report.values[header + 4].slice(8, 10)).toEqual(["постоянно", null]);
    expect(report.values[header + 5][2]).toBe("=Формула?");
    expect(report.values[header + 5][16]).toBe("срок не распознан");
    const dueFormat = report.numberFormats.find((f) => f.range.left === 4 && f.range.top === header + 1);
    expect(dueFormat).toEqual({ range: { top: header + 1, left: 4, bottom: header + 5, right: 4 }, format: "dd.mm.yyyy" });
  });

  it("fills status cells in blocks of equal statuses", () => {
    const fills = report.styles.filter((s) => s.range.left === 8 && s.range.right === 8 && s.style.fill);
    expect(fills.map((f) => [f.range.top - header, f.range.bottom - header, f.style.fill])).toEqual([
      [1, 1, STATUS_FILLS.done_on_time],
      [2, 3, STATUS_FILLS.overdue],
      [4, 4, STATUS_FILLS.continuous],
      [5, 5, STATUS_FILLS.unparsed],
    ]);
  });

  it("adds the execution tables per section and per responsible with a total", () => {
    const bySection = find("Исполнение по разделам");
    const byResponsible = find("Исполнение по ответственным");
    expect(bySection).toBeGreaterThan(header + 5);
    expect(report.values[bySection + 2].slice(0, 8)).toEqual(["Раздел А", null, null, 3, 1, 1, 100 / 3, 100 / 3]);
    expect(report.values[bySection + 3].slice(0, 8)).toEqual(["Раздел Б", null, null, 0, 0, 0, "нет данных", "нет данных"]);
    expect(report.values[bySection + 4].slice(0, 6)).toEqual(["Всего", null, null, 3, 1, 1]);
    expect(report.values[byResponsible + 2].slice(0, 6)).toEqual(["УО", null, null, 1, 1, 1]);
    expect(report.values[byResponsible + 3].slice(0, 6)).toEqual(["ИМЦ", null, null, 2, 0, 0]);
    expect(report.numberFormats).toContainEqual({ range: { top: bySection + 2, left: 6, bottom: bySection + 4, right: 7 }, format: "0.0" });
  });

  it("is a rectangle with widths, a frozen header and print set-up", () => {
    const width = report.columnWidths.length;
    expect(report.values.every((r) => r.length === width)).toBe(true);
    expect(report.columnWidths.every((w) => w >= 6)).toBe(true);
    expect(report.freezeRows).toBe(header + 1);
    expect(report.print).toEqual({ titleRows: [header, header], landscape: true });
    expect(report.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: width - 1 });
  });

  it("says so when there are no events", () => {
    const empty = buildRoadmapReport([], computeExecution([]), settings, context);
    expect(empty.values.some((r) => r[0] === "Мероприятия дорожной карты не найдены.")).toBe(true);
    expect(empty.values.some((r) => r[0] === "Исполнение по разделам")).toBe(false);
  });
});

describe("buildRoadmapReport: indicator changes and row keys", () => {
  const base = events();
  const effect = { indicator: "R4", scope: "school" as const, valueT1: 30, valueT: 10, nT1: 20, nT: 20, delta: -20, verdict: "positive" as const, note: null };
  const list = [
    { ...base[0], schoolId: "edu1", indicator: "Р4", indicatorId: "R4", effect },
    { ...base[1], indicator: "R3b", indicatorId: "R3b", effect: { ...effect, indicator: "R3b", scope: "all" as const, valueT1: null, delta: null, verdict: null, note: "по всем школам книги (школа не указана); нет данных за 2025" } },
    { ...base[2], indicator: "S4", indicatorId: "S4", effect: { ...effect, indicator: "S4", valueT1: null, valueT: null, delta: null, verdict: null, note: "изменение S4 не показывается" } },
    ...base.slice(3),
  ];
  const report = buildRoadmapReport(list, computeExecution(list), settings, context);
  const header = report.values.findIndex((r) => r[0] === "№");

  it("names the years of the value columns and ends with the row key", () => {
    expect(report.values[header].slice(11)).toEqual(["Показатель", "Значение 2025, %", "Значение 2026, %", "Изменение, п.п.", "Динамика", "Примечание", "Ключ строки (для подсветки)"]);
  });

  it("shows t−1, t, Δ and the verdict beside the event, the id as the methodology writes it", () => {
    expect(report.values[header + 1].slice(10, 17)).toEqual(["edu1", "R4", 30, 10, -20, "положительная динамика", null]);
    expect(report.values[header + 2].slice(10, 17)).toEqual([null, "R3b", "нет данных", 10, null, null, "по всем школам книги (школа не указана); нет данных за 2025"]);
    expect(report.values[header + 3].slice(11, 17)).toEqual(["S4", null, null, null, null, "изменение S4 не показывается"]);
    expect(report.numberFormats).toContainEqual({ range: { top: header + 1, left: 14, bottom: header + 5, right: 14 }, format: "+0.0;-0.0;0.0" });
    expect(report.styles).toContainEqual({ range: { top: header + 1, left: 15, bottom: header + 1, right: 15 }, style: { fill: "#C6EFCE" } });
  });

  it("writes each event's row key where reportLookup says the rule will look", () => {
    const lookup = reportLookup(list.length)!;
    expect(lookup).toEqual({ sheet: "Исполнение ДК", firstRow: header + 1, lastRow: header + list.length, statusCol: 8, keyCol: 17 });
    for (let i = 0; i < list.length; i++) {
      expect(report.values[lookup.firstRow + i][lookup.keyCol]).toBe(list[i].rowKey);
      expect(report.values[lookup.firstRow + i][lookup.statusCol]).toBe(STATUS_LABELS[list[i].status]);
    }
    expect(list[1].rowKey).toBe("2|Семинар|Февраль||"); // №, event, deadline, fact, completion date
    expect(reportLookup(0)).toBeNull();
  });

  it("says why no change is shown when the workbook has no school data", () => {
    const noData = buildRoadmapReport(list, computeExecution(list), settings, { reportYear: 2026, hasSchoolData: false });
    expect(noData.values[1][0]).toContain("Изменения показателей не показаны");
    expect(report.values[1][0]).not.toContain("Изменения показателей не показаны");
  });
});
