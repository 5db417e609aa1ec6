import { parseNumber, isNoData } from "./number";
import { parseYear } from "./year";
import { parseYesNo } from "./yesno";
import { parseMonth } from "./month";
import { parseProcedure, subjectKey } from "./subject";
import type { CellValue } from "../sheet/snapshot";

describe("parseNumber", () => {
  test.each<[CellValue, number, boolean]>([
    [42, 42, false],
    [0, 0, false],
    ["42", 42, false],
    ["12,5", 12.5, false],
    ["12.5", 12.5, false],
    [" 7 ", 7, false],
    ["1 234", 1234, false],
    ["1\u00a0234,5", 1234.5, false], // NBSP thousands
    ["1\u202f234", 1234, false], // narrow NBSP thousands
    ["12 345 678", 12345678, false],
    ["12,5%", 12.5, true],
    ["12,5 %", 12.5, true],
    ["100%", 100, true],
    [",5", 0.5, false],
    ["−3", -3, false], // Unicode minus
    ["-3", -3, false],
  ])("%p → %p (percent %p)", (raw, value, percent) => {
    expect(parseNumber(raw)).toEqual({ kind: "number", value, percent });
  });

  test.each<CellValue>(["", "   ", "-", "—", "–", "−", "---", "нет данных", "Нет данных", "н/д"])("%p is blank (no data)", (raw) => {
    expect(parseNumber(raw)).toEqual({ kind: "blank" });
  });

  test.each(["#N/A", "#Н/Д", "#DIV/0!", "#ДЕЛ/0!", "#VALUE!", "#ЗНАЧ!", "#REF!", "#ССЫЛКА!", "#NAME?", "#ИМЯ?", "#NUM!", "#ЧИСЛО!", "#NULL!", "#ПУСТО!"])("%p is an Excel error", (raw) => {
    expect(parseNumber(raw)).toEqual({ kind: "error", text: raw });
  });

  test.each<CellValue>(["abc", "12abc", "1,2,3", "12 чел", "%", "пять", true, false, NaN, Infinity])("%p is invalid", (raw) => {
    expect(parseNumber(raw).kind).toBe("invalid");
  });

  test("isNoData: blank, dashes and «нет данных» only", () => {
    expect(["", " ", "—", "нет данных"].map(isNoData)).toEqual([true, true, true, true]);
    expect([0, "0", "нет", "x"].map(isNoData)).toEqual([false, false, false, false]);
  });
});

describe("parseYear", () => {
  test.each<[CellValue, number, boolean]>([
    [2026, 2026, false],
    ["2026", 2026, false],
    ["2026 г.", 2026, false],
    ["2026г", 2026, false],
    ["2026 год", 2026, false],
    ["2025/26", 2026, true],
    ["2025/2026", 2026, true],
    ["2025-2026", 2026, true],
    ["2025 – 2026", 2026, true],
    ["2025-2026 уч. г.", 2026, true],
    ["2025-2026 учебный год", 2026, true],
    ["2025/26 уч.г.", 2026, true],
  ])("%p → %p (school year %p)", (raw, year, schoolYear) => {
    expect(parseYear(raw)).toEqual({ year, schoolYear });
  });

  test.each<CellValue>(["", "abc", "26", "2025-2027", "2026/25", "2025/27", 2026.5, 1800, "1800", "3000", true, "2026 год выпуска"])("%p is not a year", (raw) => {
    expect(parseYear(raw)).toBeNull();
  });
});

describe("parseYesNo", () => {
  test.each<[CellValue, boolean]>([
    ["да", true],
    ["Да", true],
    ["ДА.", true],
    ["нет", false],
    ["Нет", false],
    [1, true],
    [0, false],
    ["1", true],
    ["0", false],
    ["+", true],
    ["−", false], // minus sign
    ["-", false],
    ["—", false],
    ["–", false],
    ["истина", true],
    ["ИСТИНА", true],
    ["ложь", false],
    [true, true],
    [false, false],
    ["x", true],
    ["X", true],
    ["х", true], // Cyrillic х
    ["Х", true],
    ["✓", true],
  ])("%p → %p", (raw, value) => {
    expect(parseYesNo(raw)).toEqual({ kind: "value", value });
  });

  test.each<CellValue>(["", "  ", "нет данных", "Нет данных"])("%p is no data (not «нет»)", (raw) => {
    expect(parseYesNo(raw)).toEqual({ kind: "blank" });
  });

  test.each<CellValue>(["может быть", "2", 2, "да/нет", "?"])("%p is invalid", (raw) => {
    expect(parseYesNo(raw).kind).toBe("invalid");
  });

  // Texts already folded («да», «нет», "") take a shared answer; written otherwise they are
  // folded first: both ways must agree.
  test("a folded text and the same text written otherwise give the same answer", () => {
    const folded = ["да", "нет", "", "нет данных", "н/д", "1", "0", "+", "истина", "ложь", "true", "false", "x", "х", "✓", "✔", "v", "-"];
    const otherwise = (t: string) => [` ${t}`, `${t} `, t.toUpperCase(), `${t}.`, t.replace(/ /g, "\u00a0")];
    for (const t of folded) for (const o of otherwise(t)) expect([o, parseYesNo(o)]).toEqual([o, parseYesNo(t)]);
  });
});

describe("parseMonth", () => {
  test.each<[CellValue, number]>([
    [1, 1],
    [12, 12],
    ["9", 9],
    ["Январь", 1],
    ["февраля", 2],
    ["Март", 3],
    ["марте", 3],
    ["апрель", 4],
    ["Май", 5],
    ["мая", 5],
    ["мае", 5],
    ["июнь", 6],
    ["Июль", 7],
    ["август", 8],
    ["Сентябрь", 9],
    ["октября", 10],
    ["ноябрь", 11],
    ["ДЕКАБРЬ", 12],
  ])("%p → %p", (raw, month) => {
    expect(parseMonth(raw)).toBe(month);
  });

  test.each<CellValue>([0, 13, 1.5, "13", "", "мамонт", "маргарин", "весна", true])("%p is not a month", (raw) => {
    expect(parseMonth(raw)).toBeNull();
  });
});

describe("subjectKey and parseProcedure", () => {
  test.each<[string, string | null]>([
    ["Русский язык", "rus"],
    ["русский", "rus"],
    ["РУССКИЙ ЯЗЫК", "rus"],
    ["Математика", "math"],
    ["Математика профильная", "math_prof"],
    ["Математика (профильный уровень)", "math_prof"],
    ["математика базовая", "math_base"],
    ["Математика (база)", "math_base"],
    ["История", "история"],
    ["  Окружающий   мир ", "окружающий мир"],
    ["", null],
    ["   ", null],
  ])("subject %p → %p", (raw, key) => {
    expect(subjectKey(raw)).toBe(key);
  });

  test.each<[string, string | null]>([
    ["ВПР", "ВПР"],
    ["впр", "ВПР"],
    [" ОГЭ ", "ОГЭ"],
    ["ЕГЭ", "ЕГЭ"],
    ["РДР", "РДР"],
    ["ГВЭ", "ГВЭ"],
    ["ОГЭ-9", "ОГЭ"],
    ["ЕГЭ (профиль)", "ЕГЭ"],
    ["Контрольная работа", null],
    ["ВПРК", null],
    ["", null],
  ])("procedure %p → %p", (raw, p) => {
    expect(parseProcedure(raw)).toBe(p);
  });
});
