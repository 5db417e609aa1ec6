/**
 * Roadmaps as municipalities write them, read through the real recognition path
 * (recognizeSheet → readRoadmap), not through hand-built tables: header synonyms, a title
 * above the header, section rows, «2.1.» numbering, continuation rows, merged cells.
 */
import { ProblemLog } from "../problems";
import { recognizeSheet } from "../recognition/recognize";
import type { Settings } from "../settings/types";
import type { CellRange, CellValue, SheetSnapshot } from "../sheet/snapshot";
import { readRoadmap } from "./read";

const settings = { reportDate: "2026-11-22", roadmapYear: null, dueSoonDays: 30 } as Settings;
const SHEET = "План мероприятий";

function snapshot(values: CellValue[][], merges: CellRange[] = []): SheetSnapshot {
  return { name: SHEET, values, merges, hidden: false };
}

/** 0-based merge of one row across columns `left`..`right`. */
const across = (row: number, left: number, right: number): CellRange => ({ top: row, left, bottom: row, right });
/** 0-based merge of one column down rows `top`..`bottom`. */
const down = (col: number, top: number, bottom: number): CellRange => ({ top, left: col, bottom, right: col });

function recognizeAndRead(sheet: SheetSnapshot) {
  const found = recognizeSheet(sheet, new Map());
  expect(found.problems).toEqual([]);
  expect(found.table?.kind).toBe("roadmap");
  const problems = new ProblemLog();
  const events = readRoadmap(found.table!, settings, 2026, problems);
  return { table: found.table!, events, problems: problems.items };
}

describe("roadmap recognition with real headers and layouts", () => {
  // A: № п/п | B: Наименование мероприятия | C: Сроки исполнения | D: Ответственный |
  // E: Ожидаемый результат | F: Отметка о выполнении
  const header = ["№ п/п", "Наименование мероприятия", "Сроки исполнения", "Ответственный", "Ожидаемый результат", "Отметка о выполнении"];
  const values: CellValue[][] = [
    ["План мероприятий («дорожная карта») по поддержке школ с низкими результатами на 2026 год"],
    [],
    header,
    ["1. Организационные мероприятия"], // row 4, merged A:F
    ["1.1.", "Формирование перечня ШНОР", "Февраль", "Управление образования", "Приказ", "Приказ от 10.02.2026 № 15"],
    ["1.2.", "Закрепление кураторов", "Март - апрель", "ИМЦ", "Приказ", ""],
    ["Подпрограмма 2 «Методическое сопровождение»"], // row 7, not merged
    ["2.1.", "Курсы повышения квалификации", "В течение учебного года", "ИМЦ", "Удостоверения", "Выполнено частично"],
    ["", "учителей русского языка и математики"], // continuation
    ["2.2.", "Выездные методические дни", "До 31 мая ежегодно", "ИМЦ", "Справка", "нет"],
    ["", "в ШНОР"], // continuation; № and срок of 2.2 are merged down over rows 10–11
    ["2.3.", "Семинар для заместителей директоров", "Февраль 2022 г. – далее ежегодно", "ИМЦ", "Протокол", "—"],
    ["3.", "Мониторинг, анализ результатов", "", "", "", ""], // row 13: number + title merged B:F
    ["3.1.", "Анализ результатов ВПР", "Постоянно", "ИМЦ", "Справка", ""],
  ];
  const merges = [across(0, 0, 5), across(3, 0, 5), down(0, 9, 10), down(2, 9, 10), across(12, 1, 5)];
  const { table, events, problems } = recognizeAndRead(snapshot(values, merges));

  it("recognises the header synonyms «№ п/п», «Наименование мероприятия», «Сроки исполнения», «Отметка о выполнении»", () => {
    expect(table.headerRow).toBe(2);
    expect(table.columns).toEqual({ number: 0, event: 1, due: 2, responsible: 3, expected: 4, actual: 5 });
  });

  it("reads every event once, at its first row, with «2.1.» numbering without the final dot", () => {
    expect(events.map((e) => [e.row, e.number])).toEqual([
      [5, "1.1"],
      [6, "1.2"],
      [8, "2.1"],
      [10, "2.2"],
      [12, "2.3"],
      [14, "3.1"],
    ]);
  });

  it("carries merged, «Подпрограмма» and «number + merged title» section rows onto their events", () => {
    expect(events.map((e) => e.section)).toEqual([
      "1. Организационные мероприятия",
      "1. Организационные мероприятия",
      "Подпрограмма 2 «Методическое сопровождение»",
      "Подпрограмма 2 «Методическое сопровождение»",
      "Подпрограмма 2 «Методическое сопровождение»",
      "3. Мониторинг, анализ результатов",
    ]);
  });

  it("appends continuation rows to the event above, also under merged № and «Срок» cells", () => {
    expect(events[2].event).toBe("Курсы повышения квалификации учителей русского языка и математики");
    expect(events[3].event).toBe("Выездные методические дни в ШНОР");
  });

  it("reads deadlines and «Отметка о выполнении» into statuses without problems", () => {
    expect(events.map((e) => [e.due, e.fact, e.status])).toEqual([
      ["2026-02-28", true, "done"],
      ["2026-04-30", false, "overdue"],
      ["2026-05-31", true, "done"],
      ["2026-05-31", false, "overdue"],
      ["2026-02-28", false, "overdue"],
      [null, false, "continuous"],
    ]);
    expect(problems).toEqual([]);
  });
});

describe("roadmap recognition: other real layouts", () => {
  it("«Содержание деятельности» / «Срок исполнения» / «Направление» column, a column-numbering row under the header", () => {
    const { table, events, problems } = recognizeAndRead(
      snapshot([
        ["№", "Направление", "Содержание деятельности", "Срок исполнения", "Ответственные", "Фактический результат"],
        [1, 2, 3, 4, 5, 6],
        [1, "Кадры", "Курсы", "I квартал", "УО", ""],
        [2, "Кадры", "Наставничество", "Сентябрь–май", "ОО", "Выполнено"],
      ]),
    );
    expect(table.columns).toMatchObject({ number: 0, section: 1, event: 2, due: 3, responsible: 4, actual: 5 });
    expect(events.map((e) => [e.row, e.number, e.section, e.event, e.due, e.status])).toEqual([
      [3, "1", "Кадры", "Курсы", "2026-03-31", "overdue"],
      [4, "2", "Кадры", "Наставничество", "2026-05-31", "done"],
    ]);
    expect(problems).toEqual([]);
  });

  it("a two-row header under merged group titles and a table from column B", () => {
    const { table, events, problems } = recognizeAndRead(
      snapshot(
        [
          [],
          ["", "№ п/п", "Мероприятие", "Срок", "Исполнение", ""],
          ["", "", "", "", "Отметка о выполнении", "Дата выполнения"],
          ["", "I. Организационно-управленческие мероприятия"],
          ["", "1.", "Совещание руководителей ОО", "20.05.2026", "Проведено", "19.05.2026"],
          ["", "2.", "Публичный отчёт", "Май – июнь 2026 г.", "", ""],
        ],
        [down(1, 1, 2), down(2, 1, 2), down(3, 1, 2), across(1, 4, 5), across(3, 1, 5)],
      ),
    );
    expect(table.columns).toMatchObject({ number: 1, event: 2, due: 3, actual: 4, done_date: 5 });
    expect(events.map((e) => [e.row, e.number, e.section, e.status])).toEqual([
      [5, "1", "I. Организационно-управленческие мероприятия", "done_on_time"],
      [6, "2", "I. Организационно-управленческие мероприятия", "overdue"],
    ]);
    expect(problems).toEqual([]);
  });
});

describe("further header wordings of municipal roadmaps", () => {
  it.each([
    ["Мероприятия", "Сроки реализации", "Ответственные исполнители"],
    ["Мероприятие", "Срок выполнения", "Исполнитель"],
    ["Содержание деятельности", "Сроки проведения", "Исполнители"],
  ])("«%s» | «%s» | «%s» is a roadmap", (event, due, responsible) => {
    const { table, events } = recognizeAndRead(snapshot([[event, due, responsible], ["Совещание директоров", "Февраль", "Отдел образования"]]));
    expect(table.columns).toEqual({ event: 0, due: 1, responsible: 2 });
    expect(events[0]).toMatchObject({ event: "Совещание директоров", due: "2026-02-28", responsible: "Отдел образования" });
  });
});
