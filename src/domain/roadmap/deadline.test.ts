import fc from "fast-check";
import { isoToSerial } from "../parse/date";
import type { CellValue } from "../sheet/snapshot";
import { deadlineText, parseDeadline } from "./deadline";
import { normalizeDeadline } from "./normalize";
import type { DeadlineKind } from "./types";

/** Roadmap year 2026, report date 22.11.2026 (the conformance examples' setting). */
const ctx = { roadmapYear: 2026, reportDate: "2026-11-22" };

type Case = [CellValue, DeadlineKind, string, string | null];

/** Real deadline forms with hand-computed due dates (Appendix B). */
const CORPUS: Case[] = [
  // points: dates
  ["20.05.2022", "once", "date", "2022-05-20"],
  ["20.05.22", "once", "date", "2022-05-20"],
  ["20.05.2022 г.", "once", "date", "2022-05-20"],
  ["20.05.2022г", "once", "date", "2022-05-20"],
  ["2022-05-20", "once", "date", "2022-05-20"],
  [46308, "once", "date_cell", "2026-10-13"],
  [46308.75, "once", "date_cell", "2026-10-13"],
  // points: a day and month
  ["31 мая", "once", "day_month", "2026-05-31"],
  ["15 июня 2026 г.", "once", "day_month", "2026-06-15"],
  ["1 сентября 2025 года", "once", "day_month", "2025-09-01"],
  ["15.06", "once", "day_month", "2026-06-15"],
  // points: months in several cases
  ["Февраль", "once", "month", "2026-02-28"],
  ["ФЕВРАЛЬ", "once", "month", "2026-02-28"],
  ["Декабрь 2022 г.", "once", "month", "2022-12-31"],
  ["декабрь 2022 года", "once", "month", "2022-12-31"],
  ["в мае", "once", "month", "2026-05-31"],
  ["В феврале 2028 г.", "once", "month", "2028-02-29"],
  ["август", "once", "month", "2026-08-31"],
  // points: quarters (roman, arabic, «кв.», ordinal endings and words)
  ["I квартал", "once", "quarter", "2026-03-31"],
  ["1 квартал 2027 г.", "once", "quarter", "2027-03-31"],
  ["IV кв.", "once", "quarter", "2026-12-31"],
  ["3 кв. 2025 г.", "once", "quarter", "2025-09-30"],
  ["2-й квартал", "once", "quarter", "2026-06-30"],
  ["в III квартале", "once", "quarter", "2026-09-30"],
  ["в 1-м квартале", "once", "quarter", "2026-03-31"],
  ["четвёртый квартал", "once", "quarter", "2026-12-31"],
  // points: half-years
  ["1 полугодие", "once", "half_year", "2026-06-30"],
  ["II полугодие 2025", "once", "half_year", "2025-12-31"],
  ["первое полугодие", "once", "half_year", "2026-06-30"],
  ["во втором полугодии", "once", "half_year", "2026-12-31"],
  ["в первом полугодии 2027 г.", "once", "half_year", "2027-06-30"],
  ["во II квартале", "once", "quarter", "2026-06-30"],
  // «до» / «не позднее» / «к» / «в срок до»
  ["до 15.06.2022", "once", "до", "2022-06-15"],
  ["До 15.06.2022 г.", "once", "до", "2022-06-15"],
  ["не позднее 1 сентября", "once", "до", "2026-09-01"],
  ["к 25 декабря 2026 г.", "once", "до", "2026-12-25"],
  ["в срок до 10.03.2026", "once", "до", "2026-03-10"],
  ["до 01.09", "once", "до", "2026-09-01"],
  // «до конца» + a month, quarter or half-year
  ["До конца мая", "once", "до_конца", "2026-05-31"],
  ["до конца I квартала", "once", "до_конца", "2026-03-31"],
  ["до конца первого полугодия 2027 года", "once", "до_конца", "2027-06-30"],
  // ranges (every dash, «с … по …», across the new year)
  ["Апрель-декабрь", "once", "range", "2026-12-31"],
  ["Март - апрель", "once", "range", "2026-04-30"],
  ["  Март  —  апрель  ", "once", "range", "2026-04-30"],
  ["Май – июнь 2022 г.", "once", "range", "2022-06-30"],
  ["Сентябрь−май", "once", "range", "2026-05-31"],
  ["сентябрь 2025 – май 2026", "once", "range", "2026-05-31"],
  ["сентябрь 2025 - май", "once", "range", "2026-05-31"],
  ["Ноябрь 2026 г.-январь 2027 г.", "once", "range", "2027-01-31"],
  ["с 1 сентября по 31 мая", "once", "range", "2026-05-31"],
  ["с сентября 2025 г. по май", "once", "range", "2026-05-31"],
  ["с 01.09.2025 по 31.05.2026", "once", "range", "2026-05-31"],
  ["I–II квартал", "once", "range", "2026-06-30"],
  ["15-20 мая", "once", "range", "2026-05-20"],
  ["в течение марта-апреля", "once", "range", "2026-04-30"],
  ["1-2 квартал", "once", "range", "2026-06-30"],
  ["III-IV кв. 2026 г.", "once", "range", "2026-12-31"],
  ["с 1 по 15 мая", "once", "range", "2026-05-15"],
  ["декабрь-январь", "once", "range", "2026-01-31"],
  ["декабрь 2025-январь", "once", "range", "2026-01-31"],
  // lists
  ["июнь, декабрь", "once", "list", "2026-12-31"],
  ["июнь и декабрь 2025 г.", "once", "list", "2025-12-31"],
  ["март; июнь", "once", "list", "2026-06-30"],
  ["в марте и декабре", "once", "list", "2026-12-31"],
  // years and school years
  ["В течение года", "once", "year", "2026-12-31"],
  ["до конца года", "once", "year", "2026-12-31"],
  ["в течение 2027 года", "once", "year", "2027-12-31"],
  ["до конца 2025 года", "once", "year", "2025-12-31"],
  ["2026 год", "once", "year", "2026-12-31"],
  ["в 2027 году", "once", "year", "2027-12-31"],
  ["в течение 2024–2026 гг.", "once", "year", "2026-12-31"],
  ["2024-2026 годы", "once", "year", "2026-12-31"],
  ["в течение 2025/2026 уч.г.", "once", "school_year", "2026-05-31"],
  ["В течение учебного года", "once", "school_year", "2026-05-31"],
  ["до конца учебного года", "once", "school_year", "2026-05-31"],
  ["2025-2026 уч. год", "once", "school_year", "2026-05-31"],
  ["2026/27 учебный год", "once", "school_year", "2027-05-31"],
  ["в течение 2025–2026 учебного года", "once", "school_year", "2026-05-31"],
  ["в течение I полугодия", "once", "half_year", "2026-06-30"],
  // annual
  ["ежегодно", "annual", "annual", "2026-12-31"],
  ["Ежегодно.", "annual", "annual", "2026-12-31"],
  ["До 31 мая ежегодно", "annual", "annual_до", "2026-05-31"],
  ["Ежегодно май", "annual", "annual_month", "2026-05-31"],
  ["Февраль 2022 г. – далее ежегодно", "annual", "annual_month", "2026-02-28"],
  ["декабрь 2027 г. - далее ежегодно", "annual", "annual_month", "2027-12-31"],
  ["ежегодно, в IV квартале", "annual", "annual_quarter", "2026-12-31"],
  ["ежегодно в течение учебного года", "annual", "annual_school_year", "2026-05-31"],
  ["Сентябрь–май ежегодно", "annual", "annual_range", "2026-05-31"],
  ["20.05.2022 ежегодно", "annual", "annual_date", "2026-05-20"],
  ["IV квартал 2026 г. - далее ежегодно", "annual", "annual_quarter", "2026-12-31"],
  // monthly and continuous
  ["Ежемесячно", "monthly", "monthly", "2026-10-31"],
  ["Постоянно", "continuous", "continuous", null],
  ["ПОСТОЯННО.", "continuous", "continuous", null],
  ["По отдельному плану", "continuous", "continuous", null],
  ["По графику", "continuous", "continuous", null],
  ["в соответствии с графиком", "continuous", "continuous", null],
  ["По мере необходимости", "continuous", "continuous", null],
];

/** Texts Appendix B leaves unrecognised, and odd cells. */
const NOT_RECOGNISED: CellValue[] = [
  "по итогам четверти",
  "в установленные сроки",
  "31.02.2026",
  "31 июня",
  "ежемесячно до 5 числа",
  "до мая",
  "не позднее мая",
  "май 2026 - март 2026",
  "2025-2027 уч. год",
  "ежеквартально",
  "ежегодно ежемесячно",
  "5 квартал",
  "III полугодие",
  "2026",
  "2025-2026",
  "2 раза в год",
  "с марта",
  "по май",
  "март-",
  "в течение",
  "",
  "   ",
  12345,
  90000,
  true,
];

describe("parseDeadline: Appendix B corpus", () => {
  it("has at least 40 real forms", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)("%p → %s %s %s", (value, kind, form, due) => {
    expect(parseDeadline(value, ctx)).toEqual({ kind, form, due });
  });

  it.each(NOT_RECOGNISED.map((v) => [v]))("%p is not recognised", (value) => {
    expect(parseDeadline(value, ctx)).toEqual({ kind: "unparsed", form: "unparsed", due: null });
  });
});

describe("parseDeadline: years", () => {
  it("a day and month that exists only in leap years", () => {
    expect(parseDeadline("29 февраля", ctx).kind).toBe("unparsed");
    expect(parseDeadline("29 февраля", { ...ctx, roadmapYear: 2028 }).due).toBe("2028-02-29");
  });

  it("the roadmap year applies to points without a year", () => {
    const y2025 = { ...ctx, roadmapYear: 2025 };
    expect(parseDeadline("Февраль", y2025).due).toBe("2025-02-28");
    expect(parseDeadline("В течение учебного года", y2025).due).toBe("2025-05-31");
    expect(parseDeadline("Февраль 2022 г. – далее ежегодно", y2025).due).toBe("2025-02-28");
  });

  it("monthly deadlines follow the report date, also across the new year", () => {
    expect(parseDeadline("Ежемесячно", { ...ctx, reportDate: "2027-01-10" }).due).toBe("2026-12-31");
    expect(parseDeadline("ежемесячно", { ...ctx, reportDate: "2026-03-31" }).due).toBe("2026-02-28");
  });

  it("a date cell ignores the roadmap year", () => {
    expect(parseDeadline(isoToSerial("2022-05-20"), ctx)).toEqual({ kind: "once", form: "date_cell", due: "2022-05-20" });
  });
});

describe("parseDeadline: robustness", () => {
  const TOKENS = ["май", "мая", "i", "iv", "квартал", "кв.", "полугодие", "2026", "г.", "гг.", "-", "–", ",", " и ", "с", "по", "до", "конца", "в", "течение", "года", "учебного", "ежегодно", "далее", "31", "05", ".", " ", "2025/26", "уч."];

  it("never throws and always returns a due date consistent with its kind", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }), (tokens) => {
        const result = parseDeadline(tokens.join(" "), ctx);
        if (result.kind === "continuous" || result.kind === "unparsed") expect(result.due).toBeNull();
        else expect(result.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("normalizeDeadline", () => {
  it("lower-cases, folds ё, dashes, spaces and final dots", () => {
    expect(normalizeDeadline("  Май –\u00a0июнь   2022 Г.. ")).toBe("май - июнь 2022 г");
    expect(normalizeDeadline("Четвёртый—квартал")).toBe("четвертый-квартал");
  });
});

describe("deadlineText", () => {
  it("shows a date cell as its ISO date and keeps typed text", () => {
    expect(deadlineText(46308)).toBe("2026-10-13");
    expect(deadlineText(" Май – июнь 2022 г. ")).toBe("Май – июнь 2022 г.");
    expect(deadlineText(12)).toBe("12");
  });
});
