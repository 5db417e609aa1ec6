/**
 * «Анализ эффективности принятых мер»: the change of the indicator an event names, through
 * the whole engine (recognition → calculation → linkIndicators).
 */
import { runEngine } from "../engine/run";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import type { Settings } from "../settings/types";
import { canonicalIndicator } from "./effect";
import { roadmapToJson } from "./json";
import type { RoadmapEvent } from "./types";

const sheet = (name: string, values: CellValue[][]): SheetSnapshot => ({ name, values, merges: [], hidden: false });

const registry = sheet("Реестр ОО", [
  ["Код ОО", "Наименование ОО", "Муниципалитет"],
  ["edu1", "Школа 1", "Район"],
  ["edu2", "Школа 2", "Район"],
  ["edu3", "Школа 3", "Район"],
]);

// ВПР русский язык, 5 класс: (school, year, participants, «2»); ЕГЭ русский for R1.
const RESULTS_HEADER = ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»", "Высокобалльники"];
const vpr = (school: string, year: number, n: number, m2: number): CellValue[] => [school, year, "ВПР", "Русский язык", 5, n, m2, ""];
const ege = (school: string, year: number, n: number, high: number): CellValue[] => [school, year, "ЕГЭ", "Русский язык", 11, n, "", high];
const results = sheet("Результаты", [
  RESULTS_HEADER,
  vpr("edu1", 2025, 20, 6), // 30 %
  vpr("edu1", 2026, 20, 2), // 10 %: Δ −20 → положительная
  vpr("edu2", 2025, 20, 2), // 10 %
  vpr("edu2", 2026, 20, 4), // 20 %: Δ +10 → отрицательная
  vpr("edu3", 2025, 3, 1), // n = 3 < min_n_scored
  vpr("edu3", 2026, 20, 0),
  ege("edu1", 2025, 10, 1), // R1 10 %
  ege("edu1", 2026, 10, 3), // R1 30 %
]);

// A: № | B: Мероприятие | C: Срок | D: Ответственный | E: Фактический результат | F: Школа | G: Показатель
const ROADMAP_HEADER = ["№", "Мероприятие", "Срок", "Ответственный", "Фактический результат", "Школа", "Показатель"];
const roadmap = sheet("Дорожная карта", [
  ROADMAP_HEADER,
  [1, "Адресная помощь школе 1", "Март", "ИМЦ", "", "edu1", "R4"],
  [2, "Сопровождение школы 2", "Март", "ИМЦ", "", "edu2", "Р4.RUS5"], // Cyrillic Р, upper case
  [3, "Курсы для учителей района", "Май", "ИМЦ", "", "", "r4"],
  [4, "Помощь малой школе", "Май", "ИМЦ", "", "edu3", "R4"],
  [5, "Подготовка к ЕГЭ", "Май", "ИМЦ", "", "edu1", "R1"],
  [6, "Профилактика пропусков", "Май", "ИМЦ", "", "edu1", "S4"],
  [7, "Школа не из реестра", "Май", "ИМЦ", "", "edu9", "R4"],
  [8, "Опечатка в коде", "Май", "ИМЦ", "", "", "R44"],
  [9, "Без показателя", "Май", "ИМЦ", "", "edu1", ""],
]);

const run = (sheets: SheetSnapshot[]) => runEngine(sheets, { ignoreSheets: new Set(), reportDate: "2026-11-22", today: "2026-11-22" });

describe("linkIndicators through the engine", () => {
  const result = run([registry, results, roadmap]);
  const byNumber = (n: string): RoadmapEvent => result.roadmap.find((e) => e.number === n)!;

  it("shows the school's single-year values, Δ and the engine's verdict", () => {
    expect(byNumber("1").effect).toEqual({ indicator: "R4", scope: "school", valueT1: 30, valueT: 10, nT1: 20, nT: 20, delta: -20, verdict: "positive", note: null });
    const school = result.schools.find((s) => s.school.id === "edu1")!;
    expect(byNumber("1").effect!.delta).toBe(school.dynamics.R4.delta);
  });

  it("reads «Р4.RUS5» (Cyrillic Р, upper case) as the combo R4.rus5", () => {
    expect(byNumber("2").indicatorId).toBe("R4.rus5");
    expect(byNumber("2").indicator).toBe("Р4.RUS5");
    expect(byNumber("2").effect).toMatchObject({ indicator: "R4.rus5", valueT1: 10, valueT: 20, delta: 10, verdict: "negative" });
  });

  it("without a school: the indicator pooled over every school of the workbook (Σ«2» / Σ participants)", () => {
    const t1 = (100 * (6 + 2 + 1)) / (20 + 20 + 3);
    const t = (100 * (2 + 4 + 0)) / (20 + 20 + 20);
    const effect = byNumber("3").effect!;
    expect(effect).toMatchObject({ indicator: "R4", scope: "all", nT1: 43, nT: 60, verdict: "positive" });
    expect(effect.valueT1).toBeCloseTo(t1, 10);
    expect(effect.valueT).toBeCloseTo(t, 10);
    expect(effect.delta).toBeCloseTo(t - t1, 10);
    expect(effect.note).toBe("по всем школам книги (школа не указана)");
  });

  it("a small sample in t−1: values shown, no Δ and no verdict, the reason in the note", () => {
    const effect = byNumber("4").effect!;
    expect(effect).toMatchObject({ valueT1: (100 * 1) / 3, valueT: 0, nT1: 3, delta: null, verdict: null });
    expect(effect.note).toBe("2025: малая выборка (3 < 5), изменение не оценивается");
  });

  it("R1 has a Δ but no verdict rule in §6", () => {
    expect(byNumber("5").effect).toMatchObject({ indicator: "R1", valueT1: 10, valueT: 30, delta: 20, verdict: null, note: "для R1 вывод о динамике методикой не предусмотрен" });
  });

  it("a block S indicator is known but has no single-year change: blank, with the reason", () => {
    expect(byNumber("6").indicatorId).toBe("S4");
    expect(byNumber("6").effect).toMatchObject({ indicator: "S4", valueT1: null, valueT: null, delta: null });
    expect(byNumber("6").effect!.note).toContain("только для показателей результатов");
  });

  it("an unknown school code or indicator id is a problem with the cell address; no change is shown", () => {
    expect(byNumber("7").effect).toBeNull();
    expect(byNumber("8").effect).toBeNull();
    expect(byNumber("8").indicatorId).toBeNull();
    const roadmapProblems = result.problems.filter((p) => p.sheet === "Дорожная карта");
    expect(roadmapProblems).toEqual([
      { sheet: "Дорожная карта", cell: "F8", message: expect.stringContaining("«edu9» не найдена") },
      { sheet: "Дорожная карта", cell: "G9", message: expect.stringContaining("показатель «R44» не найден") },
    ]);
  });

  it("an event without an indicator has no change", () => {
    expect(byNumber("9")).toMatchObject({ indicatorId: null, effect: null });
  });

  it("carries the change into the JSON roadmap entries", () => {
    const json = roadmapToJson(result.roadmap);
    expect(json.find((e) => e.number === "1")!.indicator_change).toEqual({ indicator: "R4", scope: "school", value_t1: 30, value_t: 10, n_t1: 20, n_t: 20, delta: -20, verdict: "positive" });
    expect(json.find((e) => e.number === "9")!.indicator_change).toBeNull();
  });
});

describe("linkIndicators without school data (a roadmap-only workbook)", () => {
  it("shows no change and does not check school codes; a malformed indicator id is still reported", () => {
    const result = run([roadmap]);
    expect(result.schools).toEqual([]);
    expect(result.roadmap.every((e) => e.effect === null)).toBe(true);
    expect(result.roadmap.find((e) => e.number === "2")!.indicatorId).toBe("R4.rus5");
    expect(result.problems.map((p) => p.cell)).toEqual(["G9"]);
  });
});

describe("canonicalIndicator", () => {
  const settings = { vprSubjects: ["rus", "math"], vprGrades: [5, 8] } as Settings;
  it.each([
    ["R4", "R4"],
    [" r3b ", "R3b"],
    ["R3б", "R3b"],
    ["Р3а", "R3a"],
    ["R3В", "R3b"],
    ["R4.math8", "R4.math8"],
    ["R4 . rus5", "R4.rus5"],
    ["R6a", "R6a"],
    ["s13", "S13"],
    ["R7", "R7"],
  ])("«%s» → %s", (text, id) => {
    expect(canonicalIndicator(text, settings)).toBe(id);
  });

  it.each(["R44", "R4.math6", "R4, R3b", "ВПР", ""])("«%s» is not an indicator", (text) => {
    expect(canonicalIndicator(text, settings)).toBeNull();
  });
});
