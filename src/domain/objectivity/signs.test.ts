/** Signs of non-objective results O1–O6 (methodology.md §4, Appendix A «Objectivity statistics»). */
import fc from "fast-check";
import { hasSigns, type Sign, type SignId } from "./signs";
import { ascending, mean, median, sampleSd, thirdQuartile } from "./stats";
import type { EngineResult } from "../engine/run";
import { distribution, oge, registrySheet, resultsSheet, run, schoolJson, schoolResult, scoresSheet, settingsSheet, vpr, type RegistryRow, type ResultRow } from "../testing/workbook-builder";
import type { SheetSnapshot } from "../sheet/snapshot";

/** "O1 2026 rus 5" for each sign of a school. */
function signsOf(r: EngineResult, id: string): string[] {
  return schoolResult(r, id).signs.map((s) => `${s.sign} ${s.year} ${s.subject} ${s.grade}`);
}

/** ВПР rus 5, 2026, n 10 with quality 10·q4 % («4» = q4, «5» = 0). */
const q = (school: string, q4: number, more: Partial<ResultRow> = {}, year = 2026, grade = 5): ResultRow => vpr(school, year, "rus", grade, 10, 0, { m4: q4, m5: 0, ...more });

describe("statistics as Excel computes them", () => {
  test("QUARTILE.INC(…, 3)", () => {
    expect(thirdQuartile([1, 2, 3, 4, 5, 6])).toBeCloseTo(4.75, 12); // h = 5·0,75 = 3,75 → 4 + 0,75·(5 − 4)
    expect(thirdQuartile([50, 10, 40, 20, 30])).toBe(40); // h = 3 → 4th value
    expect(thirdQuartile([1, 2])).toBe(1.75);
    expect(thirdQuartile([5])).toBe(5);
  });
  test("sample SD (СТАНДОТКЛОН), mean, median", () => {
    // Σ(x − 5)² = 32 over n − 1 = 7
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean([2, 4, 9])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  test("the typed-array sort gives the order and statistics of a sort by a − b (NaN too)", () => {
    const byDifference = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const oldMedian = (s: number[]) => (s.length % 2 ? s[Math.floor(s.length / 2)] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
    const oldQ3 = (s: number[]) => {
      const h = (s.length - 1) * 0.75;
      const lo = Math.floor(h);
      return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    };
    // −0 and 0 are equal in either order: compared as numbers, not by Object.is
    const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 40 }), (xs) => {
        const old = byDifference(xs);
        expect(Array.from(ascending(xs)).every((x, i) => same(x, old[i]))).toBe(true);
        expect(same(median(xs), oldMedian(old))).toBe(true);
        expect(same(thirdQuartile(xs), oldQ3(old))).toBe(true);
      }),
    );
  });
});

describe("O1 — «понизили» ≥ 40 %", () => {
  test.each<[number, number, boolean]>([
    [8, 12, true], // 40 % exactly
    [7, 13, false], // 35 %
  ])("lowered %p, confirmed %p → %p", (lowered, confirmed, has) => {
    const r = run([resultsSheet([vpr("a", 2026, "rus", 5, 20, 0, { lowered, confirmed, raised: 0 })])]);
    expect(signsOf(r, "a")).toEqual(has ? ["O1 2026 rus 5"] : []);
    if (has) expect(schoolResult(r, "a").signs[0].text).toBe("O1 понизили 40,0 % ≥ 40 % (рус. 5 кл. 2026)");
  });

  test("rows with n < min_n_scored are not looked at", () => {
    const r = run([resultsSheet([vpr("a", 2026, "rus", 5, 4, 0, { lowered: 4, confirmed: 0, raised: 0 })])]);
    expect(signsOf(r, "a")).toEqual([]);
  });
});

describe("O2 — «повысили» ≥ 20 % and quality above the group median (strict)", () => {
  test("quality 60 > median 50 → O2", () => {
    const r = run([resultsSheet([q("a", 6, { lowered: 0, confirmed: 8, raised: 2 }), q("b", 4), q("c", 5)])]);
    expect(signsOf(r, "a")).toEqual(["O2 2026 rus 5"]);
    expect(schoolResult(r, "a").signs[0].text).toBe("O2 повысили 20,0 % ≥ 20 %, качество 60,0 % выше медианы 50,0 (рус. 5 кл. 2026)");
  });
  test("quality equal to the median → no O2", () => {
    const r = run([resultsSheet([q("a", 5, { lowered: 0, confirmed: 8, raised: 2 }), q("b", 4), q("c", 6)])]);
    expect(signsOf(r, "a")).toEqual([]);
  });
  test("raised 10 % → no O2", () => {
    const r = run([resultsSheet([q("a", 6, { lowered: 0, confirmed: 9, raised: 1 }), q("b", 4), q("c", 5)])]);
    expect(signsOf(r, "a")).toEqual([]);
  });
});

describe("O3 — peaks at mark boundaries (primary scores)", () => {
  const results = resultsSheet([vpr("a", 2026, "rus", 5, 30, 0)]);
  const withScores = (counts: (number | string)[], extra: SheetSnapshot[] = [], bounds: { b3?: number } = { b3: 4 }) =>
    run([results, scoresSheet(distribution("a", 2026, "Русский язык", 5, counts, bounds)), ...extra]);

  test("a peak: n 30 over 10 scores (mean 3), count(4) = 8 ≥ max(2; 4,5) and ≥ 4", () => {
    const r = withScores([2, 2, 2, 2, 8, 3, 3, 3, 3, 2]);
    expect(signsOf(r, "a")).toEqual(["O3 2026 rus 5"]);
    expect(schoolResult(r, "a").signs[0].text).toBe("O3 пик на границе отметки: балл 4 — 8 чел. при среднем 3,0 (рус. 5 кл. 2026)");
  });
  test("an empty score just below the boundary and count(b) ≥ 3", () => {
    expect(signsOf(withScores([4, 4, 4, 0, 3, 4, 4, 4, 3, 0]), "a")).toEqual(["O3 2026 rus 5"]);
  });
  test("rows with the same score are summed (4 + 4 = 8 at score 4); an unknown one makes the sum unknown", () => {
    const split = (last: number | string) => run([results, scoresSheet([...distribution("a", 2026, "Русский язык", 5, [2, 2, 2, 2, 4, 3, 3, 3, 3, 2], { b3: 4 }), { school: "a", year: 2026, subject: "Русский язык", grade: 5, score: 4, count: last }])]);
    expect(signsOf(split(4), "a")).toEqual(["O3 2026 rus 5"]);
    expect(signsOf(split(""), "a")).toEqual([]);
  });
  test("a flat distribution: no peak", () => {
    expect(signsOf(withScores([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), "a")).toEqual([]);
  });
  test("n < o3_min_n (20): not analysed", () => {
    expect(signsOf(withScores([1, 1, 1, 1, 5, 1, 1, 1, 1, 1]), "a")).toEqual([]);
  });
  test("a score whose count is unknown turns O3 off", () => {
    expect(signsOf(withScores([2, 2, 2, 2, 8, 3, 3, 3, 3, ""]), "a")).toEqual([]);
  });
  test("boundaries from «Настройки» when the table has none", () => {
    expect(signsOf(withScores([2, 2, 2, 2, 8, 3, 3, 3, 3, 2], [], {}), "a")).toEqual([]);
    expect(signsOf(withScores([2, 2, 2, 2, 8, 3, 3, 3, 3, 2], [settingsSheet({ boundary_3: 4 })], {}), "a")).toEqual(["O3 2026 rus 5"]);
  });
});

describe("O4 — quality ≥ mean + 2·SD in a group of ≥ 6, not гимназия/лицей", () => {
  const group = (q4s: number[], types: Record<string, string> = {}) => {
    const registry: RegistryRow[] = q4s.map((_, i) => ({ id: `s${i}`, type: types[`s${i}`] ?? "СОШ" }));
    return run([registrySheet(registry), resultsSheet(q4s.map((x, i) => q(`s${i}`, x)))]);
  };

  test("10, 10, 10, 10, 10, 90: 90 ≥ 23,3 + 2·32,7 = 88,6", () => {
    const r = group([1, 1, 1, 1, 1, 9]);
    expect(signsOf(r, "s5")).toEqual(["O4 2026 rus 5"]);
    expect(schoolResult(r, "s5").signs[0].text).toBe("O4 качество 90,0 % ≥ среднее 23,3 + 2·СКО 32,7 (рус. 5 кл. 2026)");
    expect(signsOf(r, "s0")).toEqual([]);
  });

  test("the sample SD is used: 0, 10, 20, 30, 40, 100 → 100 < 33,3 + 2·35,6 = 104,5 (population SD would flag it)", () => {
    expect(signsOf(group([0, 1, 2, 3, 4, 10]), "s5")).toEqual([]);
  });

  test.each(["Гимназия", "лицей", "СОШ с углублённым изучением отдельных предметов"])("type «%s» is excluded", (type) => {
    expect(signsOf(group([1, 1, 1, 1, 1, 9], { s5: type }), "s5")).toEqual([]);
  });

  test("a group of 5 is too small", () => {
    expect(signsOf(group([1, 1, 1, 1, 9]), "s4")).toEqual([]);
  });

  test("groups are per municipality", () => {
    // the same six schools split over two municipalities → groups of 3 → no O4
    const registry: RegistryRow[] = [0, 1, 2, 3, 4, 5].map((i) => ({ id: `s${i}`, municipality: i < 3 ? "М1" : "М2" }));
    const r = run([registrySheet(registry), resultsSheet([1, 1, 1, 1, 1, 9].map((x, i) => q(`s${i}`, x)))]);
    expect(signsOf(r, "s5")).toEqual([]);
  });
});

describe("O5 — the cohort's quality drops ≥ 25 p.p. from grade g in y−1 to g+1 in y", () => {
  test.each<[number, boolean]>([
    [70, true], // 70 → 40: 30
    [65, true], // 65 → 40: 25 exactly
    [60, false], // 60 → 40: 20
  ])("grade 4 quality %p %% in 2025, grade 5 40 %% in 2026 → %p", (quality, has) => {
    // n 20: «4» = quality/5
    const earlier = vpr("a", 2025, "rus", 4, 20, 0, { m4: quality / 5, m5: 0 });
    const later = vpr("a", 2026, "rus", 5, 20, 0, { m4: 8, m5: 0 });
    const r = run([resultsSheet([earlier, later])]);
    expect(signsOf(r, "a")).toEqual(has ? ["O5 2026 rus 5"] : []);
  });

  test("only the school's own earlier cohort counts, not another school's", () => {
    // b had grade 4 at 70 % in 2025 and a drops to 40 % in grade 5: no O5 for a (a had no grade 4)
    const r = run([resultsSheet([vpr("b", 2025, "rus", 4, 20, 0, { m4: 14, m5: 0 }), vpr("a", 2026, "rus", 5, 20, 0, { m4: 8, m5: 0 }), vpr("b", 2026, "rus", 5, 20, 0, { m4: 8, m5: 0 })])]);
    expect(signsOf(r, "a")).toEqual([]);
    expect(signsOf(r, "b")).toEqual(["O5 2026 rus 5"]);
  });

  test("schools' rows interleaved: each cell compared with its own school's earlier cohort only", () => {
    const row = fc.record({ school: fc.constantFrom("a", "b", "c"), subject: fc.constantFrom("rus", "math"), grade: fc.integer({ min: 4, max: 6 }), year: fc.integer({ min: 2024, max: 2026 }), m4: fc.integer({ min: 0, max: 20 }) });
    const key = (x: { school: string; subject: string; grade: number; year: number }) => `${x.school} ${x.subject} ${x.grade} ${x.year}`;
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: key, maxLength: 30 }), (rows) => {
        const r = run([resultsSheet(rows.map((x) => vpr(x.school, x.year, x.subject, x.grade, 20, 0, { m4: x.m4, m5: 0 })))]);
        for (const school of ["a", "b", "c"]) {
          // quality 5·m4 %: a drop of ≥ 25 p.p. is m4 falling by ≥ 5
          const expected = rows
            .filter((x) => x.school === school)
            .filter((x) => rows.some((e) => key(e) === key({ ...x, grade: x.grade - 1, year: x.year - 1 }) && e.m4 - x.m4 >= 5))
            .map((x) => `O5 ${x.year} ${x.subject} ${x.grade}`);
          const found = rows.some((x) => x.school === school) ? signsOf(r, school).filter((x) => x.startsWith("O5")) : [];
          expect(found).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("the text names both grades and years", () => {
    const r = run([resultsSheet([vpr("a", 2025, "rus", 4, 10, 0, { m4: 7, m5: 0 }), vpr("a", 2026, "rus", 5, 10, 0, { m4: 4, m5: 0 })])]);
    expect(schoolResult(r, "a").signs[0].text).toBe("O5 качество 4 кл. в 2025 70,0 % − 5 кл. в 2026 40,0 % ≥ 25 п.п. (рус.)");
  });
});

describe("O6 — ВПР grade 8 in the top quartile, ОГЭ «2» in the worst quartile", () => {
  // ВПР rus 8 quality 10..50 (Q3 = 40); ОГЭ rus «2» 0..4 of 20 = 0..20 % (Q3 = 15)
  const rows = (oge2: number[]) => [0, 1, 2, 3, 4].flatMap((i) => [q(`s${i}`, i + 1, {}, 2026, 8), oge(`s${i}`, 2026, "rus", 20, oge2[i])]);

  test("≥ Q3 on both (inclusive)", () => {
    const r = run([resultsSheet(rows([0, 1, 2, 3, 4]))]);
    expect(signsOf(r, "s4")).toEqual(["O6 2026 rus 8"]);
    expect(signsOf(r, "s3")).toEqual(["O6 2026 rus 8"]);
    expect(signsOf(r, "s2")).toEqual([]);
    expect(schoolResult(r, "s4").signs[0].text).toBe("O6 качество ВПР 50,0 % ≥ Q3 40,0, но доля «2» на ОГЭ 20,0 % ≥ Q3 15,0 (рус. 8 кл. 2026)");
  });

  test("an ОГЭ «2» share of 0 never gives O6", () => {
    expect(signsOf(run([resultsSheet(rows([0, 0, 0, 0, 0]))]), "s4")).toEqual([]);
  });

  test("groups of 4 are too small", () => {
    const r = run([resultsSheet(rows([0, 1, 2, 3, 4]).filter((x) => x.school !== "s0"))]);
    expect(signsOf(r, "s4")).toEqual([]);
  });
});

describe("«has signs»: 2 different in the year, or the same in the year and the one before", () => {
  const s = (sign: SignId, year: number, subject = "rus"): Sign => ({ sign, year, subject, grade: 5, text: "" });
  test.each<[string, Sign[], number, boolean]>([
    ["O1 + O2 in 2026", [s("O1", 2026), s("O2", 2026)], 2026, true],
    ["O1 twice in 2026 (two subjects)", [s("O1", 2026, "rus"), s("O1", 2026, "math")], 2026, false],
    ["O1 in 2026 and 2025 (any subject)", [s("O1", 2026, "rus"), s("O1", 2025, "math")], 2026, true],
    ["O1 in 2026, O2 in 2025", [s("O1", 2026), s("O2", 2025)], 2026, false],
    ["O1 + O2 in 2025, asked for 2026", [s("O1", 2025), s("O2", 2025)], 2026, false],
    ["O1 + O2 in 2025, asked for 2025", [s("O1", 2025), s("O2", 2025)], 2025, true],
    ["none", [], 2026, false],
  ])("%s → %p", (_name, signs, year, expected) => {
    expect(hasSigns(signs, year)).toBe(expected);
  });

  test("the same answers as a Set of the year's signs", () => {
    const SIGNS: SignId[] = ["O1", "O2", "O3", "O4", "O5", "O6"];
    const old = (signs: Sign[], year: number) => {
      const now = new Set(signs.filter((x) => x.year === year).map((x) => x.sign));
      return now.size >= 2 || signs.some((x) => x.year === year - 1 && now.has(x.sign));
    };
    const sign = fc.record({ sign: fc.constantFrom(...SIGNS), year: fc.integer({ min: 2023, max: 2027 }) }).map((x) => s(x.sign, x.year));
    fc.assert(fc.property(fc.array(sign, { maxLength: 8 }), fc.integer({ min: 2023, max: 2027 }), (signs, year) => hasSigns(signs, year) === old(signs, year)));
  });

  test("one sign in t is listed in the JSON but is not «has signs»", () => {
    const r = run([resultsSheet([vpr("a", 2026, "rus", 5, 20, 0, { lowered: 8, confirmed: 12, raised: 0 })])]);
    const j = schoolJson(r, "a");
    expect(j.objectivity_signs).toEqual(["O1"]);
    expect(j.extra.has_signs_t).toBe(false);
    expect(j.flags).not.toContain("objectivity_signs");
  });

  test("two different signs in t (O1 and O5) set the flag", () => {
    const r = run([resultsSheet([vpr("a", 2025, "rus", 4, 10, 0, { m4: 8, m5: 0 }), vpr("a", 2026, "rus", 5, 10, 0, { m4: 4, m5: 0, lowered: 4, confirmed: 6, raised: 0 })])]);
    const j = schoolJson(r, "a");
    expect(j.objectivity_signs).toEqual(["O1", "O5"]);
    expect(j.flags).toContain("objectivity_signs");
    expect(j.reasons).toContain("Признаки необъективности (2026: O1, O5) — требуется анализ");
  });
});
