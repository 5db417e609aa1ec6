/** Block R (methodology.md §2, Appendix A) on tiny hand-made data; t = 2026, t−1 = 2025. */
import { ege, greenSchool, oge, rdr, registrySheet, REPORT_DATE, resultsSheet, run, schoolJson, settingsSheet, vpr, vprCombos, type ResultRow } from "../testing/workbook-builder";
import { readWorkbook } from "../engine/input";
import { rBlockOf, tallyR } from "./r-block";

describe("R1–R7 on one school", () => {
  const rows: ResultRow[] = [
    // ЕГЭ русский: 2026 n 20, 81–100: 1, below min 1; 2025 n 30, 81–100: 2, below 0
    ege("a", 2026, "rus", 20, { high: 1, below: 1 }),
    ege("a", 2025, "rus", 30, { high: 2, below: 0 }),
    // ЕГЭ профильная математика 2026 only: n 10, 81–100: 0, below 0
    ege("a", 2026, "math_prof", 10, { high: 0, below: 0 }),
    // ЕГЭ базовая математика: «2» = 2 is used, not below_min = 9
    ege("a", 2026, "math_base", 10, { m2: 2, below: 9 }),
    // ОГЭ: русский 2026 2/20, математика 2025 4/20; обществознание is not in R3b
    oge("a", 2026, "rus", 20, 2),
    oge("a", 2025, "math", 20, 4),
    oge("a", 2026, "Обществознание", 20, 20),
    // ВПР: rus5 2026 5/20, math8 2025 3/20; grade 6 and История are outside the R4 scope
    vpr("a", 2026, "rus", 5, 20, 5, { lowered: 2, confirmed: 16, raised: 2 }),
    vpr("a", 2025, "math", 8, 20, 3, { lowered: 10, confirmed: 10, raised: 0 }),
    vpr("a", 2026, "rus", 6, 20, 20, { lowered: 6, confirmed: 12, raised: 2 }),
    vpr("a", 2026, "История", 5, 20, 20),
    // a journal row missing «Повысили» is skipped by R6
    vpr("a", 2026, "Биология", 6, 20, 0, { lowered: 10, confirmed: 10, raised: "" }),
    // РДР: 2026 4/20; 2025 20/20 (R5 is year t only)
    rdr("a", 2026, 20, 4),
    rdr("a", 2025, 20, 20),
  ];
  const s = schoolJson(run([resultsSheet(rows)]), "a");

  test.each<[string, number | null, string]>([
    ["R1", (100 * (1 + 2)) / (20 + 30), "yellow"], // 6 — pooled, not the mean of 5 and 6,67
    ["R2", (100 * 0) / 10, "red"], // 0 < 1
    ["R3a", (100 * (1 + 0 + 0 + 2)) / (20 + 30 + 10 + 10), "yellow"], // 3/70 = 4,29
    ["R3b", (100 * (2 + 4)) / (20 + 20), "yellow"], // 15
    ["R4", (100 * (5 + 3)) / (20 + 20), "yellow"], // 20
    ["R4.rus5", (100 * 5) / 20, "red"], // 25
    ["R4.math8", (100 * 3) / 20, "yellow"], // 15
    ["R4.rus8", null, "none"],
    ["R4.math5", null, "none"],
    ["R5", (100 * 4) / 20, "yellow"], // 20 — 2025's 20/20 not used
    ["R6a", (100 * (2 + 6)) / (20 + 20), "yellow"], // 20: 2026 rows rus5 + rus6
    ["R6b", (100 * (2 + 2)) / (20 + 20), "green"], // 10
    ["R6", (100 * (2 + 6)) / (20 + 20), "yellow"], // max(R6a, R6b) = 20
    ["R7", null, "none"], // no registry: no data, not «нет»
  ])("%s = %p (%s)", (id, value, zone) => {
    if (value === null) expect(s.indicators[id]).toBeNull();
    else expect(s.indicators[id]).toBeCloseTo(value, 12);
    expect(s.zones[id]).toBe(zone);
  });

  test("denominators n", () => {
    expect(s.extra.n).toMatchObject({ R1: 50, R2: 10, R3a: 70, R3b: 40, R4: 40, R5: 20, R6: 40 });
  });

  test("single-year values", () => {
    expect(s.extra.indicators_t).toMatchObject({ R1: (100 * 1) / 20, R3a: (100 * 3) / 40, R3b: (100 * 2) / 20, R4: (100 * 5) / 20 });
    expect(s.extra.indicators_t1).toMatchObject({ R1: (100 * 2) / 30, R3a: 0, R3b: (100 * 4) / 20, R4: (100 * 3) / 20, R5: (100 * 20) / 20, R6: (100 * 10) / 20 });
    expect(s.extra.indicators_t1.R2).toBeNull();
  });

  test("ИНР and single-year ИНР₁", () => {
    // pooled points: R1 .5·1 + R2 1·1 + R3a .5·1 + R3b .5·1 + R4 .5·1.5 + R5 .5·1 + R6 .5·.5 = 4 over weight 7
    expect(s.inr).toBeCloseTo((100 * 4) / 7, 12);
    // t: R1 5 yellow .5, R2 red 1, R3a 7,5 red 1, R3b 10 yellow .5, R4 25 red 1.5, R5 yellow .5, R6 yellow .25 → 5.25/7
    expect(s.inr_t).toBeCloseTo((100 * 5.25) / 7, 12);
    // t−1: R1 6,67 yellow .5, R3a green 0, R3b 20 red 1, R4 15 yellow .75, R5 100 red 1, R6 50 red .5 → 3.75 over 6 (no R2)
    expect(s.inr_t1).toBeCloseTo((100 * 3.75) / 6, 12);
  });

  test("status and flags follow: ИНР 57,1 ≥ 50, R3a red in t → basic, R2 only in 2026 → 1 год данных", () => {
    expect(s.status).toBe("shnor");
    expect(new Set(s.flags)).toEqual(new Set(["stable_low", "basic_failing", "one_year"]));
    expect(s.reasons).toContain("ИНР 57,1 ≥ 50");
    expect(s.reasons).toContain("Базово неуспевающая: R3a в красной зоне в 2026");
  });

  test("dynamics t−1 → t: Δ in p.p. and verdicts (combos computed only when both years scored)", () => {
    expect(s.extra.dynamics.R3b).toEqual({ delta: 10 - 20, verdict: "positive" });
    expect(s.extra.dynamics.R4).toEqual({ delta: 25 - 15, verdict: "negative" }); // exactly +10 → negative
    expect(s.extra.dynamics.R3a).toEqual({ delta: 7.5 - 0, verdict: "stable" });
    expect(s.extra.dynamics.R5).toEqual({ delta: 20 - 100, verdict: "positive" });
    expect(s.extra.dynamics["R4.rus5"]).toBeUndefined();
  });
});

describe("R3a base mathematics falls back to below_min without «2»", () => {
  test("math_base «2» empty → below_min", () => {
    const s = schoolJson(run([resultsSheet([ege("a", 2026, "math_base", 20, { below: 3 })])]), "a");
    expect(s.indicators.R3a).toBe((100 * 3) / 20); // 15
  });
  test("a row with participants but an empty numerator is left out of both sums", () => {
    // rus: 1/20 below; prof: participants 80, below empty → R3a = 100·1/20 = 5, not 1/100
    const s = schoolJson(run([resultsSheet([ege("a", 2026, "rus", 20, { below: 1 }), ege("a", 2026, "math_prof", 80, {})])]), "a");
    expect(s.indicators.R3a).toBe(5);
    expect(s.extra.n.R3a).toBe(20);
  });
});

describe("R6 uses year t only and skips incomplete rows", () => {
  test("only t−1 journal data → R6 no data", () => {
    const s = schoolJson(run([resultsSheet([vpr("a", 2025, "rus", 5, 20, 0, { lowered: 10, confirmed: 10, raised: 0 }), vpr("a", 2026, "rus", 5, 20, 0)])]), "a");
    expect(s.indicators.R6).toBeNull();
    expect(s.zones.R6).toBe("none");
  });
  test("R6b worse than R6a: R6 = R6b", () => {
    // l 1, c 9, r 10 → R6a 5, R6b 50 → R6 50 red
    const s = schoolJson(run([resultsSheet([vpr("a", 2026, "rus", 5, 20, 0, { lowered: 1, confirmed: 9, raised: 10 })])]), "a");
    expect([s.indicators.R6a, s.indicators.R6b, s.indicators.R6, s.zones.R6]).toEqual([5, 50, 50, "red"]);
  });
});

describe("zone boundaries on both sides (single year, n = 10 000)", () => {
  // R4 ↑: yellow ≥ 15, red ≥ 25.   R1 ↓: yellow < 10, red < 3.
  const cases: [string, string, number, string, ResultRow][] = [
    ["r4_25", "R4", 25, "red", vpr("r4_25", 2026, "rus", 5, 10000, 2500)],
    ["r4_2499", "R4", 24.99, "yellow", vpr("r4_2499", 2026, "rus", 5, 10000, 2499)],
    ["r4_15", "R4", 15, "yellow", vpr("r4_15", 2026, "rus", 5, 10000, 1500)],
    ["r4_1499", "R4", 14.99, "green", vpr("r4_1499", 2026, "rus", 5, 10000, 1499)],
    ["r1_3", "R1", 3, "yellow", ege("r1_3", 2026, "rus", 10000, { high: 300 })],
    ["r1_299", "R1", 2.99, "red", ege("r1_299", 2026, "rus", 10000, { high: 299 })],
    ["r1_10", "R1", 10, "green", ege("r1_10", 2026, "rus", 10000, { high: 1000 })],
    ["r1_999", "R1", 9.99, "yellow", ege("r1_999", 2026, "rus", 10000, { high: 999 })],
  ];
  const r = run([resultsSheet(cases.map((c) => c[4]))]);
  test.each(cases)("%s: %s = %p → %s", (id, indicator, value, zone) => {
    const s = schoolJson(r, id);
    expect(s.indicators[indicator]).toBeCloseTo(value, 12);
    expect(s.zones[indicator]).toBe(zone);
  });
});

describe("pooling and «1 год данных»", () => {
  test("pooled, not averaged: 1/10 and 9/30 → 100·10/40 = 25, not (10 + 30)/2 = 20", () => {
    const s = schoolJson(run([resultsSheet([oge("a", 2025, "rus", 10, 1), oge("a", 2026, "rus", 30, 9)])]), "a");
    expect(s.indicators.R3b).toBe(25);
    expect(s.flags).not.toContain("one_year");
  });

  test("data in one of t, t−1 only → computed on that year, flag «1 год данных»", () => {
    const s = schoolJson(run([resultsSheet([oge("a", 2026, "rus", 20, 3)])]), "a");
    expect(s.indicators.R3b).toBe(15);
    expect(s.flags).toContain("one_year");
  });

  test("R4 combos alone in one year do not set «1 год данных» while the aggregate R4 has both years", () => {
    // rus5 only in 2026, math5 only in 2025: aggregate R4 has both years
    const s = schoolJson(run([resultsSheet([vpr("a", 2026, "rus", 5, 20, 1), vpr("a", 2025, "math", 5, 20, 1)])]), "a");
    expect(s.flags).not.toContain("one_year");
  });

  test("R5 and R6 in one year only do not set «1 год данных»", () => {
    const s = schoolJson(run([resultsSheet([...greenSchool("a", [2025, 2026]), rdr("a", 2026, 20, 0)])]), "a");
    expect(s.flags).not.toContain("one_year");
  });

  test("data older than t−1 is not pooled", () => {
    const s = schoolJson(run([resultsSheet([oge("a", 2024, "rus", 20, 20), oge("a", 2026, "rus", 20, 2)])]), "a");
    expect(s.indicators.R3b).toBe(10);
  });
});

describe("small samples (min_n_scored 5, min_n_stable 10)", () => {
  const base = greenSchool("a", [2025, 2026]);
  test("n = 4 < 5: shown, not scored (zone none), flag «малая выборка»", () => {
    const s = schoolJson(run([resultsSheet([...base.filter((r) => r.proc !== "ОГЭ"), oge("a", 2026, "rus", 4, 1)])]), "a");
    expect(s.indicators.R3b).toBe(25); // 100·1/4
    expect(s.zones.R3b).toBe("none");
    // ИНР without R3b: all green → 0; covered weight R1 + R3a + R4 = 3.5 ≥ 2.8
    expect(s.inr).toBe(0);
    expect(s.flags).toContain("small_sample");
    expect(s.reasons).toContain("Малая выборка: R3b n=4");
  });

  test("n = 8 (5 ≤ n < 10): scored, flag «малая выборка»", () => {
    const s = schoolJson(run([resultsSheet([...base.filter((r) => r.proc !== "ОГЭ"), oge("a", 2026, "rus", 8, 2)])]), "a");
    expect(s.zones.R3b).toBe("red"); // 100·2/8 = 25 ≥ 20
    expect(s.flags).toContain("small_sample");
    expect(s.reasons).toContain("Малая выборка: R3b n=8");
  });

  test("pooled n decides: 3 + 3 = 6 ≥ 5 → scored", () => {
    const s = schoolJson(run([resultsSheet([oge("a", 2025, "rus", 3, 0), oge("a", 2026, "rus", 3, 0)])]), "a");
    expect(s.extra.n.R3b).toBe(6);
    expect(s.zones.R3b).toBe("green");
  });

  test("n = 10: no flag", () => {
    const s = schoolJson(run([resultsSheet([...base.filter((r) => r.proc !== "ОГЭ"), oge("a", 2026, "rus", 10, 0), oge("a", 2025, "rus", 10, 0)])]), "a");
    expect(s.flags).not.toContain("small_sample");
  });

  test("R6's n is Σ(lowered + confirmed + raised)", () => {
    // participants 20 but only 6 compared with the journal → R6 n = 6: scored, small sample
    const s = schoolJson(run([resultsSheet([...base, vpr("a", 2026, "История", 5, 20, 0, { lowered: 1, confirmed: 5, raised: 0 })])]), "a");
    expect(s.extra.n.R6).toBe(6);
    expect(s.zones.R6).toBe("green"); // 100·1/6 = 16,7 < 20
    expect(s.reasons).toContain("Малая выборка: R6 n=6");
  });
});

describe("the 1e-9 tolerance and coverage", () => {
  test("ИНР that is 50 up to floating-point noise reaches 50", () => {
    // weights R3a 0,1, R3b 0,2, R4 0,3 (others 0,1): R3a green, R3b green, R4 red
    // ИНР = 100·(0·0,1 + 0·0,2 + 1·0,3)/(0,1 + 0,2 + 0,3) = 50, computed as 49,99999999999999
    const weights = { weight_R1: "0,1", weight_R2: "0,1", weight_R3a: "0,1", weight_R3b: "0,2", weight_R4: "0,3", weight_R5: "0,1", weight_R6: "0,1" };
    const rows = [ege("a", 2026, "rus", 20, { below: 0 }), oge("a", 2026, "rus", 20, 0), vpr("a", 2026, "rus", 5, 20, 5)];
    const s = schoolJson(run([settingsSheet(weights), resultsSheet(rows)]), "a");
    expect(s.inr).toBeLessThan(50); // the noise is real
    expect(s.inr).toBeCloseTo(50, 9);
    expect(s.status).toBe("shnor");
    expect(s.reasons).toContain("ИНР 50,0 ≥ 50");
  });

  test("ИНР exactly 50 reaches 50 (R1 red + R3b yellow + R4 yellow over 4,5)", () => {
    // R1 0/20 red 1; R3a 0 green; R3b 2/20 = 10 yellow .5; R4 combos 3/20 = 15 yellow .5·1.5 → 2.25/4.5 = 50
    const rows = [2025, 2026].flatMap((y) => [ege("a", y, "rus", 20, { high: 0, below: 0 }), oge("a", y, "rus", 20, 2), ...vprCombos("a", y, 20, [3, 3, 3, 3])]);
    const s = schoolJson(run([resultsSheet(rows)]), "a");
    expect(s.inr).toBe(50);
    expect(s.status).toBe("shnor");
  });

  test("covered weight exactly 40 % → index; below → «Недостаточно данных»", () => {
    // weight_R5 = 4 → total 1+1+1+1+1,5+4+0,5 = 10; R3a 1 + R3b 1 + R4 1,5 + R6 0,5 = 4 = 40 %
    const withR6 = [ege("a", 2026, "rus", 20, { below: 0 }), oge("a", 2026, "rus", 20, 0), vpr("a", 2026, "rus", 5, 20, 0, { lowered: 0, confirmed: 20, raised: 0 })];
    const s = schoolJson(run([settingsSheet({ weight_R5: 4 }), resultsSheet(withR6)]), "a");
    expect(s.inr).toBe(0);
    expect(s.status).toBe("no_risk");
    // without R6: 3,5 of 10 < 40 %
    const without = [ege("a", 2026, "rus", 20, { below: 0 }), oge("a", 2026, "rus", 20, 0), vpr("a", 2026, "rus", 5, 20, 0)];
    const t = schoolJson(run([settingsSheet({ weight_R5: 4 }), resultsSheet(without)]), "a");
    expect(t.inr).toBeNull();
    expect(t.status).toBe("insufficient_data");
    expect(t.reasons).toContain("недостаточно данных для ИНР (покрытие весов 3,5 из 4,0)");
  });

  test("an unscored indicator (n < 5) does not count towards coverage", () => {
    // R3a 1 + R4 1,5 + R3b(n=4, unscored) → 2,5 < 2,8
    const rows = [ege("a", 2026, "rus", 20, { below: 0 }), vpr("a", 2026, "rus", 5, 20, 0), oge("a", 2026, "rus", 4, 0)];
    expect(schoolJson(run([resultsSheet(rows)]), "a").inr).toBeNull();
  });
});

describe("R7 — accreditation (registry yes/no, year t)", () => {
  test("да → 1, red; нет → 0; blank → no data", () => {
    const r = run([
      registrySheet([
        { id: "yes", accreditation: "да" },
        { id: "no", accreditation: "нет" },
        { id: "blank", accreditation: "" },
      ]),
      resultsSheet([...greenSchool("yes", [2026]), ...greenSchool("no", [2026]), ...greenSchool("blank", [2026])]),
    ]);
    expect([schoolJson(r, "yes").indicators.R7, schoolJson(r, "yes").zones.R7]).toEqual([1, "red"]);
    expect([schoolJson(r, "no").indicators.R7, schoolJson(r, "no").zones.R7]).toEqual([0, "green"]);
    expect([schoolJson(r, "blank").indicators.R7, schoolJson(r, "blank").zones.R7]).toEqual([null, "none"]);
  });
});

describe("the years of a pooled share", () => {
  // ВПР rus5 in 2024 and 2026, ОГЭ in 2025 only, РДР nowhere: lists of 1, 2 and 3 years
  const rows: ResultRow[] = [vpr("a", 2024, "rus", 5, 20, 5), vpr("a", 2026, "rus", 5, 20, 2), oge("a", 2025, "rus", 20, 2)];
  const { data, settings } = readWorkbook([registrySheet([{ id: "a" }]), resultsSheet(rows)], { ignoreSheets: new Set(), reportDate: REPORT_DATE, today: REPORT_DATE });
  const tally = tallyR(data.results, settings);

  it("are ascending, whatever the order of the view's years", () => {
    for (const pooledYears of [[2026, 2025, 2024], [2024, 2026, 2025], [2024, 2025, 2026]]) {
      const block = rBlockOf(tally, { pooledYears, singleYear: 2026 });
      expect(block.R4.years).toEqual([2024, 2026]);
      expect(block.R3b.years).toEqual([2025]);
      expect(block.R1.years).toEqual([]);
      expect(rBlockOf(tally, { pooledYears: [...pooledYears, 2023], singleYear: 2026 }).R4.years).toEqual([2024, 2026]);
    }
    const all = rBlockOf(tally, { pooledYears: [2026, 2025, 2024], singleYear: 2026 });
    // R4 pools ВПР over every year, the combos too; three years only where three have rows
    expect(all["R4.rus5"].years).toEqual([2024, 2026]);
    expect(rBlockOf(tallyR(data.results, settings), { pooledYears: [2025, 2026], singleYear: 2025 }).R4.years).toEqual([2026]);
  });

  it("lists three years when three have rows", () => {
    const three = [...rows, vpr("a", 2025, "rus", 5, 20, 1)];
    const book = readWorkbook([registrySheet([{ id: "a" }]), resultsSheet(three)], { ignoreSheets: new Set(), reportDate: REPORT_DATE, today: REPORT_DATE });
    const block = rBlockOf(tallyR(book.data.results, book.settings), { pooledYears: [2026, 2024, 2025], singleYear: 2026 });
    expect(block.R4.years).toEqual([2024, 2025, 2026]);
    expect(Object.isFrozen(block.R4.years)).toBe(true);
  });
});
