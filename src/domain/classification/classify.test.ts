/**
 * Classification for t = 2026 (methodology.md §5, Appendix A «Classification»), end to end
 * on tiny workbooks. Weights: R1 1, R2 1, R3a 1, R3b 1, R4 1,5, R5 1, R6 0,5 (total 7,
 * coverage needs 2,8). greenSchool covers R1 + R3a + R3b + R4 = 4,5 with all zones green.
 */
import { toResultJson } from "../engine/json";
import {
  ege,
  greenSchool,
  oge,
  passportSheet,
  registrySheet,
  resultsSheet,
  run,
  schoolJson,
  vpr,
  vprCombos,
  type PassportRow,
  type ResultRow,
  type SchoolJson,
} from "../testing/workbook-builder";
import type { SheetSnapshot } from "../sheet/snapshot";

const Y = [2025, 2026];

/** greenSchool without the rows `drop` matches, plus `add`. */
function greenBut(id: string, years: number[], drop: (r: ResultRow) => boolean, add: ResultRow[]): ResultRow[] {
  return [...greenSchool(id, years).filter((r) => !drop(r)), ...add];
}
const isOge = (r: ResultRow) => r.proc === "ОГЭ";
const isVpr = (r: ResultRow) => r.proc === "ВПР";
const isEge = (r: ResultRow) => r.proc === "ЕГЭ";

/** ИСН 62,5 with 2 red factors (200 pupils: S1 3 % red, S2 15 % red, S3 0,5 % yellow, S4 0 green). */
const socialHigh = (school: string, year = 2026): PassportRow => ({ school, year, pupils: 200, odn: 6, migr: 30, notAtt: 1, absent: 0 });

function one(id: string, rows: ResultRow[], extra: SheetSnapshot[] = []): SchoolJson {
  const sheets = rows.length > 0 ? [resultsSheet(rows), ...extra] : extra;
  return schoolJson(run(sheets), id);
}

const flagSet = (s: SchoolJson) => new Set(s.flags);

describe("statuses", () => {
  test("no_risk: everything green, with coverage", () => {
    const s = one("a", greenSchool("a", Y));
    expect(s.inr).toBe(0);
    expect(s.status).toBe("no_risk");
    expect(s.flags).toEqual([]);
  });

  test("shnor by the index: ИНР 59,1 ≥ 50, no override", () => {
    // per year: R1 0/20 red, R2 0/20 red, R3a 0 green, R3b 2/20 = 10 yellow, R4 combos 3/20 = 15 yellow
    // 100·(1 + 1 + 0 + 0,5 + 0,5·1,5)/(1 + 1 + 1 + 1 + 1,5) = 325/5,5 = 59,09
    const rows = Y.flatMap((y) => [ege("a", y, "rus", 20, { high: 0, below: 0 }), ege("a", y, "math_prof", 20, { high: 0, below: 0 }), oge("a", y, "rus", 20, 2), ...vprCombos("a", y, 20, [3, 3, 3, 3])]);
    const s = one("a", rows);
    expect(s.inr).toBeCloseTo(325 / 5.5, 9);
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["stable_low", "moderate_failing"]));
    expect(s.reasons).toEqual([
      "ИНР 59,1 ≥ 50",
      "Устойчиво низкие результаты: ИНР₁(2026) 59,1 и ИНР₁(2025) 59,1 ≥ 50",
      "Умеренно неуспевающая: нет красной зоны R3a, R3b и не более 2 комбинаций R4 в красной зоне",
      "R1 0,0 % — красная зона (n=40)",
      "R2 0,0 % — красная зона (n=40)",
    ]);
  });

  test("shnor by R7 (accreditation suspended) without any results", () => {
    const r = run([registrySheet([{ id: "r7", accreditation: "да" }, { id: "a" }]), resultsSheet(greenSchool("a", Y))]);
    const s = schoolJson(r, "r7");
    expect(s.inr).toBeNull();
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["accreditation_suspended", "moderate_failing"]));
    expect(s.reasons).toContain("Аккредитация приостановлена");
    // registry accreditation is for year t only: not ШНОР in t−1
    expect(s.extra.shnor_t1).toBe(false);
  });

  test("shnor by R3a red in both years, without coverage", () => {
    // ЕГЭ русский 1/20 below the minimum = 5 % ≥ 5 in 2025 and 2026; covered weight 1 < 2,8
    const s = one("a", Y.map((y) => ege("a", y, "rus", 20, { below: 1 })));
    expect(s.inr).toBeNull();
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["basic_failing"]));
    expect(s.reasons).toContain("R3a в красной зоне в обоих годах (5,0 % и 5,0 %)");
    expect(s.reasons).toContain("Базово неуспевающая: R3a в красной зоне в 2026");
  });

  test("R3a red in t only is not ШНОР but the risk zone", () => {
    const s = one("a", greenBut("a", Y, isEge, [ege("a", 2025, "rus", 20, { high: 10, below: 0 }), ege("a", 2026, "rus", 20, { high: 10, below: 1 })]));
    // pooled R3a 100·1/40 = 2,5 yellow → ИНР 100·0,5/4,5 = 11,1
    expect(s.inr).toBeCloseTo(50 / 4.5, 9);
    expect(s.status).toBe("risk_zone");
    expect(s.flags).toEqual(["risk_zone"]);
    expect(s.reasons).toEqual(["R3a в красной зоне в 2026: 5,0 %"]);
  });

  test("shnor by R3b red in both years", () => {
    const s = one("a", Y.map((y) => oge("a", y, "rus", 20, 4)));
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["basic_failing"]));
    expect(s.reasons).toContain("R3b в красной зоне в обоих годах (20,0 % и 20,0 %)");
  });

  test("shnor by ≥ 2 red R4 combos in both years (2 combos → moderate)", () => {
    // rus5 and math5 5/20 = 25 % red in both years; aggregate R4 100·10/80 = 12,5 green
    const s = one("a", Y.flatMap((y) => vprCombos("a", y, 20, [5, 0, 5, 0])));
    expect(s.indicators.R4).toBe(12.5);
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["moderate_failing"]));
    expect(s.reasons).toContain("R4: «2» по ВПР в красной зоне в 2 и 2 комбинациях (≥ 2 в обоих годах)");
  });

  test("3 red combos in both years → basic failing", () => {
    const s = one("a", Y.flatMap((y) => vprCombos("a", y, 20, [5, 5, 5, 0])));
    expect(s.status).toBe("shnor");
    expect(flagSet(s)).toEqual(new Set(["basic_failing"]));
    expect(s.reasons).toContain("Базово неуспевающая: R4 в красной зоне в 3 комбинациях в 2026");
  });

  test("2 red combos in t but 1 in t−1 → not ШНОР: risk zone", () => {
    const s = one("a", [...vprCombos("a", 2025, 20, [5, 0, 0, 0]), ...vprCombos("a", 2026, 20, [5, 0, 5, 0])]);
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toContain("R4: «2» по ВПР в красной зоне в 2026 (rus5, math5)");
  });

  test("shnsu by the index (no results → not resilient)", () => {
    // ИСН = 100·(1 + 1 + 0,5 + 0)/4 = 62,5; factors 2 < 3
    const s = one("a", [], [passportSheet([socialHigh("a")])]);
    expect(s.isn).toBe(62.5);
    expect(s.factors).toBe(2);
    expect(s.status).toBe("shnsu");
    expect(s.reasons).toEqual(["ИСН 62,5 ≥ 50"]);
  });

  test("shnsu by factors without ИСН coverage", () => {
    // S1 3 % red, S6 да, S8 да: 3 indicators with data (< 4 → no ИСН), 3 red factors
    const s = one("a", [], [passportSheet([{ school: "a", year: 2026, pupils: 100, odn: 3, remote: "да", infra: "да" }])]);
    expect(s.isn).toBeNull();
    expect(s.factors).toBe(3);
    expect(s.status).toBe("shnsu");
    expect(s.reasons).toEqual(["факторов неблагополучия 3 ≥ 3 (S1, S6, S8)"]);
  });

  test("shnor_shnsu: both", () => {
    const rows = Y.flatMap((y) => [ege("a", y, "rus", 20, { high: 0, below: 0 }), ege("a", y, "math_prof", 20, { high: 0, below: 0 }), oge("a", y, "rus", 20, 2), ...vprCombos("a", y, 20, [3, 3, 3, 3])]);
    const s = one("a", rows, [passportSheet([socialHigh("a")])]);
    expect(s.status).toBe("shnor_shnsu");
    expect(flagSet(s)).toEqual(new Set(["stable_low", "moderate_failing"]));
    expect(s.reasons.slice(0, 2)).toEqual(["ИНР 59,1 ≥ 50", "ИСН 62,5 ≥ 50"]);
  });

  test("resilient: ШНСУ with ИНР₁ ≤ 25 in both years and no signs", () => {
    const s = one("a", greenSchool("a", Y), [passportSheet([socialHigh("a")])]);
    expect(s.status).toBe("resilient");
    expect(s.flags).toEqual([]);
    expect(s.reasons).toEqual(["ИСН 62,5 ≥ 50", "ИНР₁(2026) 0,0 ≤ 25 и ИНР₁(2025) 0,0 ≤ 25, признаков необъективности нет"]);
  });

  test("resilient at ИНР₁ exactly 25", () => {
    // R3b 2/20 yellow .5, R4 combos 3/20 yellow .75, R1, R3a green, R6 green (0,5): 100·1,25/5 = 25
    const rows = Y.flatMap((y) => [ege("a", y, "rus", 20, { high: 10, below: 0 }), oge("a", y, "rus", 20, 2), ...vprCombos("a", y, 20, [3, 3, 3, 3]).map((r) => ({ ...r, lowered: 0, confirmed: 20, raised: 0 }))]);
    const s = one("a", rows, [passportSheet([socialHigh("a")])]);
    expect([s.inr_t, s.inr_t1]).toEqual([25, 25]);
    expect(s.status).toBe("resilient");
  });

  test("resilient needs both years: ИНР₁(t−1) without coverage → shnsu", () => {
    const s = one("a", greenSchool("a", [2026]), [passportSheet([socialHigh("a")])]);
    expect(s.inr_t1).toBeNull();
    expect(s.status).toBe("shnsu");
  });

  test("signs of non-objectivity in t block resilience (O1 in t and t−1)", () => {
    // ВПР rus5 lowered 8 of 20 = 40 % → O1 in both years; R6 40 red → ИНР₁ = 100·0,5/5 = 10 ≤ 25
    const rows = greenBut("a", Y, (r) => isVpr(r) && r.grade === 5 && r.subject === "Русский язык", Y.map((y) => vpr("a", y, "rus", 5, 20, 0, { lowered: 8, confirmed: 12, raised: 0 })));
    const s = one("a", rows, [passportSheet([socialHigh("a")])]);
    expect(s.inr_t).toBe(10);
    expect(s.objectivity_signs).toEqual(["O1"]);
    expect(s.status).toBe("shnsu");
    expect(flagSet(s)).toEqual(new Set(["objectivity_signs"]));
    expect(s.reasons).toContain("Признаки необъективности (2026: O1; 2025: O1) — требуется анализ");
  });

  test("signs in t−1 only (O1 in 2025 and 2024) also block resilience, without the flag for t", () => {
    const years = [2024, 2025, 2026];
    const rows = greenBut("a", years, (r) => isVpr(r) && r.grade === 5 && r.subject === "Русский язык", [
      vpr("a", 2024, "rus", 5, 20, 0, { lowered: 8, confirmed: 12, raised: 0 }),
      vpr("a", 2025, "rus", 5, 20, 0, { lowered: 8, confirmed: 12, raised: 0 }),
      vpr("a", 2026, "rus", 5, 20, 0, { lowered: 0, confirmed: 20, raised: 0 }),
    ]);
    const s = one("a", rows, [passportSheet([socialHigh("a")])]);
    expect(s.extra.has_signs_t).toBe(false);
    expect(s.extra.has_signs_t1).toBe(true);
    expect(s.status).toBe("shnsu");
    expect(s.flags).not.toContain("objectivity_signs");
  });

  test("insufficient_data: a registry school without data, and one with ВПР only", () => {
    const r = run([registrySheet([{ id: "empty" }, { id: "vpr" }]), resultsSheet(greenSchool("vpr", Y).filter(isVpr))]);
    const empty = schoolJson(r, "empty");
    expect(empty.status).toBe("insufficient_data");
    expect(empty.reasons).toEqual(["недостаточно данных для ИНР (покрытие весов 0,0 из 2,8)"]);
    const vprOnly = schoolJson(r, "vpr");
    expect(vprOnly.status).toBe("insufficient_data");
    expect(vprOnly.reasons).toEqual(["недостаточно данных для ИНР (покрытие весов 1,5 из 2,8)"]);
  });
});

describe("risk zone rules", () => {
  test("ИНР in the band 35 ≤ ИНР < 50", () => {
    // R1 0/20 red 1, R4 combos 3/20 yellow .75, R3a, R3b green → 100·1,75/4,5 = 38,9
    const s = one("a", greenBut("a", Y, (r) => isEge(r) || isVpr(r), Y.flatMap((y) => [ege("a", y, "rus", 20, { high: 0, below: 0 }), ...vprCombos("a", y, 20, [3, 3, 3, 3])])));
    expect(s.inr).toBeCloseTo(175 / 4.5, 9);
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["ИНР 38,9 в полосе зоны риска 35–50", "R1 0,0 % — красная зона (n=40)"]);
  });

  test("ИНР exactly 35 is in the band", () => {
    // as above plus R6 green (weight 0,5): 100·1,75/5 = 35
    const rows = Y.flatMap((y) => [ege("a", y, "rus", 20, { high: 0, below: 0 }), oge("a", y, "rus", 20, 0), ...vprCombos("a", y, 20, [3, 3, 3, 3]).map((r) => ({ ...r, lowered: 0, confirmed: 20, raised: 0 }))]);
    const s = one("a", rows);
    expect(s.inr).toBe(35);
    expect(s.status).toBe("risk_zone");
  });

  test("R3b red in t (Δ +5 is stable)", () => {
    // 2025 3/20 = 15, 2026 4/20 = 20 red; pooled 7/40 = 17,5 yellow
    const s = one("a", greenBut("a", Y, isOge, [oge("a", 2025, "rus", 20, 3), oge("a", 2026, "rus", 20, 4)]));
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["R3b в красной зоне в 2026: 20,0 %"]);
    expect(s.extra.dynamics.R3b).toEqual({ delta: 5, verdict: "stable" });
  });

  test("an R4 combo red in t", () => {
    // rus5: 2025 3/20 = 15, 2026 5/20 = 25 red; aggregate 3/80 → 5/80: Δ 2,5
    const s = one("a", greenBut("a", Y, isVpr, [...vprCombos("a", 2025, 20, [3, 0, 0, 0]), ...vprCombos("a", 2026, 20, [5, 0, 0, 0])]));
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["R4: «2» по ВПР в красной зоне в 2026 (rus5)"]);
  });

  test("negative dynamics of the aggregate R4 (Δ exactly +10)", () => {
    // 2025 0/80, 2026 8/80 = 10 → Δ +10; pooled 8/160 = 5 green; combos 10 % not red
    const s = one("a", greenBut("a", Y, isVpr, [...vprCombos("a", 2025, 20, [0, 0, 0, 0]), ...vprCombos("a", 2026, 20, [2, 2, 2, 2])]));
    expect(s.inr).toBe(0);
    expect(s.extra.dynamics.R4).toEqual({ delta: 10, verdict: "negative" });
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["отрицательная динамика R4: доля «2» выросла на 10,0 п.п. (≥ 10 п.п.)"]);
  });

  test("negative dynamics of R3b", () => {
    const s = one("a", greenBut("a", Y, isOge, [oge("a", 2025, "rus", 20, 0), oge("a", 2026, "rus", 20, 2)]));
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["отрицательная динамика R3b: доля «2» выросла на 10,0 п.п. (≥ 10 п.п.)"]);
  });

  test("negative dynamics of a combo alone does not make the risk zone", () => {
    // rus5 0 → 2/20 = 10: Δ +10 on the combo, aggregate 0 → 2/80: Δ +2,5
    const s = one("a", greenBut("a", Y, isVpr, [...vprCombos("a", 2025, 20, [0, 0, 0, 0]), ...vprCombos("a", 2026, 20, [2, 0, 0, 0])]));
    expect(s.extra.dynamics["R4.rus5"]).toEqual({ delta: 10, verdict: "negative" });
    expect(s.extra.dynamics.R4.verdict).toBe("stable");
    expect(s.status).toBe("no_risk");
  });

  test("was a ШНОР candidate in t−1 (R3b red in 2024 and 2025)", () => {
    const rows = greenBut("a", Y, isOge, [oge("a", 2024, "rus", 20, 4), oge("a", 2025, "rus", 20, 4), oge("a", 2026, "rus", 20, 0)]);
    const r = run([resultsSheet(rows)]);
    const s = schoolJson(r, "a");
    expect(s.extra.shnor_t1).toBe(true);
    expect(s.status).toBe("risk_zone");
    expect(s.reasons).toEqual(["кандидат в ШНОР в 2025"]);
    expect(toResultJson(r).transitions.shnor).toEqual({ entered: [], left: ["a"], stayed: [] });
  });

  test("the risk-zone flag rides along with other statuses (resilient, shnsu)", () => {
    // resilient: ИНР₁ 0 in both years, but rus5 5/20 = 25 % red in 2026
    const res = one("a", greenBut("a", Y, isVpr, [...vprCombos("a", 2025, 20, [0, 0, 0, 0]), ...vprCombos("a", 2026, 20, [5, 0, 0, 0])]), [passportSheet([socialHigh("a")])]);
    expect(res.status).toBe("resilient");
    expect(res.flags).toEqual(["risk_zone"]);
    expect(res.reasons).toContain("R4: «2» по ВПР в красной зоне в 2026 (rus5)");
    // shnsu without R coverage and a red combo in t
    const shnsu = one("b", vprCombos("b", 2026, 20, [5, 0, 0, 0]), [passportSheet([socialHigh("b")])]);
    expect(shnsu.status).toBe("shnsu");
    expect(shnsu.flags).toContain("risk_zone");
  });

  test("a risk-zone school without coverage is «Зона риска», not «Недостаточно данных»", () => {
    const s = one("a", vprCombos("a", 2026, 20, [5, 0, 0, 0]));
    expect(s.inr).toBeNull();
    expect(s.status).toBe("risk_zone");
  });
});

describe("flags", () => {
  test("needs_objectivity_check: a ШНОР candidate with signs keeps its status", () => {
    const rows = [...Y.map((y) => oge("a", y, "rus", 20, 4)), ...Y.map((y) => vpr("a", y, "rus", 5, 20, 0, { lowered: 8, confirmed: 12, raised: 0 }))];
    const s = one("a", rows);
    expect(s.status).toBe("shnor");
    // each year: R3b 20 % red (1·1), R4 0 green (0·1,5), R6 40 % red (1·0,5) → ИНР₁ = 100·1,5/3 = 50 → stable_low too
    expect(s.inr_t).toBe(50);
    expect(flagSet(s)).toEqual(new Set(["basic_failing", "stable_low", "objectivity_signs", "needs_objectivity_check"]));
    expect(s.reasons).toContain("Признаки необъективности (2026: O1; 2025: O1) — требуется проверка объективности");
  });

  test("one_year names the indicators and the year", () => {
    const s = one("a", [...greenSchool("a", [2026])]);
    expect(s.flags).toContain("one_year");
    expect(s.reasons).toContain("1 год данных: R1 (2026), R3a (2026), R3b (2026), R4 (2026)");
  });

  test("small_sample carries n", () => {
    const s = one("a", greenBut("a", Y, isOge, [oge("a", 2026, "rus", 3, 0), oge("a", 2025, "rus", 4, 0)]));
    // pooled n 7: scored (≥ 5) but < 10
    expect(s.reasons).toContain("Малая выборка: R3b n=7");
  });

  test("accreditation from the passport per year: 2025 да, 2026 нет → ШНОР in t−1 only", () => {
    const r = run([
      registrySheet([{ id: "a", accreditation: "" }]),
      passportSheet([
        { school: "a", year: 2025, pupils: 100, accreditation: "да" },
        { school: "a", year: 2026, pupils: 100, accreditation: "нет" },
      ]),
    ]);
    const s = schoolJson(r, "a");
    expect(s.indicators.R7).toBe(0);
    expect(s.extra.shnor_t1).toBe(true);
    expect(s.status).toBe("risk_zone");
    expect(s.flags).toEqual(["risk_zone"]);
    expect(s.reasons).toEqual(["кандидат в ШНОР в 2025"]);
  });

  test("the passport's «нет» for t overrides the registry's «да»", () => {
    const r = run([registrySheet([{ id: "a", accreditation: "да" }]), passportSheet([{ school: "a", year: 2026, pupils: 100, accreditation: "нет" }])]);
    const s = schoolJson(r, "a");
    expect(s.indicators.R7).toBe(0);
    expect(s.status).toBe("insufficient_data");
  });
});
