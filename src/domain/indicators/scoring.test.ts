/** Zones, block indices and relative scoring (methodology.md §1, Appendix A, Appendix C). */
import { zoneOf } from "./zones";
import { blockIndex, IndexColumns, percentile, type IndexSpec } from "./scoring";
import { ege, oge, passportSheet, registrySheet, resultsSheet, run, schoolJson, settingsSheet, vprCombos, type PassportRow, type ResultRow } from "../testing/workbook-builder";

describe("zoneOf: inclusive on the bad side, 1e-9 tolerance", () => {
  const up = { yellow: 15, red: 25 };
  const down = { yellow: 10, red: 3 };
  test.each<[number, string]>([
    [25, "red"],
    [25 - 1e-10, "red"], // noise below the cut-off still reaches it
    [24.99, "yellow"],
    [15, "yellow"],
    [14.999, "green"],
    [0, "green"],
  ])("↑ %p → %s", (v, zone) => expect(zoneOf(v, up, "up")).toBe(zone));
  test.each<[number, string]>([
    [2.99, "red"],
    [3, "yellow"],
    [3 - 1e-10, "yellow"], // «< 3» tested as < 3 − 1e-9
    [9.99, "yellow"],
    [10, "green"],
    [100, "green"],
  ])("↓ %p → %s", (v, zone) => expect(zoneOf(v, down, "down")).toBe(zone));
  test("no yellow cut-off: green or red", () => {
    expect(zoneOf(0.5, { yellow: null, red: 1 }, "up")).toBe("green");
    expect(zoneOf(1, { yellow: null, red: 1 }, "up")).toBe("red");
  });
});

describe("percentile: p = (rank − 1)/(N − 1), rank 1 the best, ties at the average rank", () => {
  const values = [0, 5, 5, 15, 20];
  test.each<[number, "up" | "down", number]>([
    [0, "up", 0], // best for ↑
    [20, "up", 1],
    [5, "up", (1 + 1.5 - 1) / 4], // ranks 2 and 3 → 2,5 → 0,375
    [15, "up", 3 / 4],
    [20, "down", 0], // best for ↓
    [0, "down", 1],
    [5, "down", (3 + 0.5 - 1) / 4], // ranks 3 and 4 → 3,5 → 0,625
  ])("%p (%s) → %p", (v, dir, p) => expect(percentile(values, v, dir)).toBeCloseTo(p, 12));
  test("all equal → 0,5", () => expect(percentile([7, 7, 7, 7, 7], 7, "up")).toBe(0.5));
});

describe("blockIndex", () => {
  const weights = [1, 1.5, 0.5];
  const index = (points: (k: number) => number | null, covered: IndexSpec["covered"] = () => true) => {
    const out = new IndexColumns(1, 3);
    blockIndex({ weights, covered }, points, out, 0);
    return out.at(0);
  };
  test("weighted mean of points over indicators with data", () => {
    const pts = [1, 0.5, null];
    // 100·(1·1 + 1,5·0,5)/(1 + 1,5) = 70
    expect(index((k) => pts[k])).toEqual({ value: 70, coveredWeight: 2.5, totalWeight: 3, covered: true });
  });
  test("no indicator with data → not covered", () => {
    expect(index(() => null)).toEqual({ value: null, coveredWeight: 0, totalWeight: 3, covered: false });
  });
  test("coverage rule decides", () => {
    expect(index((k) => (k === 0 ? 0 : null), (cw, tw) => cw >= 0.5 * tw)).toEqual({ value: null, coveredWeight: 1, totalWeight: 3, covered: false });
  });
});

/**
 * Five schools of one municipality, identical but for the ВПР «2»: k of 20 in every combo
 * both years → R4 = 5k %. R1 (50 %), R3a (0), R3b (0) tie → p = 0,5 each.
 * ИНР(k) = 100·(0,5 + 0,5 + 0,5 + 1,5·p_R4)/4,5.
 */
function relativeSchools(ks: number[], municipality = "М1"): { registry: ReturnType<typeof registrySheet>; rows: ResultRow[] } {
  const rows = ks.flatMap((k, i) =>
    [2025, 2026].flatMap((y) => [...vprCombos(`s${i}`, y, 20, [k, k, k, k]), oge(`s${i}`, y, "rus", 20, 0), ege(`s${i}`, y, "rus", 20, { high: 10, below: 0 })]),
  );
  return { registry: registrySheet(ks.map((_, i) => ({ id: `s${i}`, municipality }))), rows };
}

describe("relative scoring", () => {
  test("ranks within the group; relative thresholds 75 / 60", () => {
    const { registry, rows } = relativeSchools([0, 1, 2, 3, 4]);
    const r = run([settingsSheet({ scoring_mode: "relative" }), registry, resultsSheet(rows)]);
    const inr = (p: number) => (100 * (1.5 + 1.5 * p)) / 4.5;
    const expected: [string, number, string][] = [
      ["s0", inr(0), "no_risk"], // 33,3
      ["s1", inr(0.25), "no_risk"], // 41,7
      ["s2", inr(0.5), "no_risk"], // 50: ШНОР in absolute terms, not with the relative 75
      ["s3", inr(0.75), "no_risk"], // 58,3 < 60
      ["s4", inr(1), "risk_zone"], // 66,7: 60 ≤ ИНР < 75
    ];
    for (const [id, value, status] of expected) {
      const s = schoolJson(r, id);
      expect(s.inr).toBeCloseTo(value, 9);
      expect(s.status).toBe(status);
    }
    expect(schoolJson(r, "s4").reasons).toContain("ИНР 66,7 в полосе зоны риска 60–75");
    // «Устойчиво низкие» compares ИНР₁ (66,7 in both years) with the relative 75, not 50
    expect(schoolJson(r, "s4").inr_t).toBeCloseTo(inr(1), 9);
    expect(schoolJson(r, "s4").flags).not.toContain("stable_low");
    // zones are still computed from the cut-offs: R4 = 20 % yellow
    expect(schoolJson(r, "s4").zones.R4).toBe("yellow");
  });

  test("ties get the average rank", () => {
    const { registry, rows } = relativeSchools([0, 1, 1, 3, 4]);
    const r = run([settingsSheet({ scoring_mode: "relative" }), registry, resultsSheet(rows)]);
    // k = 1 twice: ranks 2 and 3 → 2,5 → p = 0,375
    expect(schoolJson(r, "s1").inr).toBeCloseTo((100 * (1.5 + 1.5 * 0.375)) / 4.5, 9);
    expect(schoolJson(r, "s2").inr).toBeCloseTo((100 * (1.5 + 1.5 * 0.375)) / 4.5, 9);
  });

  test("a group with N < 5 falls back to absolute zone points", () => {
    const { registry, rows } = relativeSchools([1, 2, 3, 4]);
    const r = run([settingsSheet({ scoring_mode: "relative" }), registry, resultsSheet(rows)]);
    // k = 4: R4 20 % yellow (0,5·1,5), R1 50 % green, R3a, R3b green → 100·0,75/4,5
    expect(schoolJson(r, "s3").inr).toBeCloseTo((100 * 0.75) / 4.5, 9);
    expect(schoolJson(r, "s0").inr).toBe(0); // 5 % green
  });

  test("groups are per municipality unless comparison_group = workbook", () => {
    // two municipalities of 3 schools: N = 3 < 5 in each → absolute; the whole workbook: N = 6 → ranked
    const a = relativeSchools([0, 1, 4], "М1");
    const b = relativeSchools([0, 2, 3], "М2");
    const rows = [...a.rows, ...b.rows.map((x) => ({ ...x, school: `b${String(x.school)}` }))];
    const registry = registrySheet([
      ...[0, 1, 2].map((i) => ({ id: `s${i}`, municipality: "М1" })),
      ...[0, 1, 2].map((i) => ({ id: `bs${i}`, municipality: "М2" })),
    ]);
    const perMunicipality = run([settingsSheet({ scoring_mode: "relative" }), registry, resultsSheet(rows)]);
    expect(schoolJson(perMunicipality, "s2").inr).toBeCloseTo((100 * 0.75) / 4.5, 9); // absolute: R4 20 % yellow
    const workbook = run([settingsSheet({ scoring_mode: "relative", comparison_group: "workbook" }), registry, resultsSheet(rows)]);
    // R4 values 0, 5, 20, 0, 10, 15 → 20 is the worst of 6: p = 1; ties elsewhere: R1, R3a, R3b → 0,5
    expect(schoolJson(workbook, "s2").inr).toBeCloseTo((100 * (1.5 + 1.5)) / 4.5, 9);
  });

  test("yes/no indicators stay absolute; ИСН relative threshold 75", () => {
    // S1 = 0..4 % (distinct), S2 and S3 = 0 (tie → 0,5), S6 да only for s4
    const rows: PassportRow[] = [0, 1, 2, 3, 4].map((k) => ({ school: `s${k}`, year: 2026, pupils: 100, odn: k, migr: 0, notAtt: 0, remote: k === 4 ? "да" : "нет" }));
    const registry = registrySheet([0, 1, 2, 3, 4].map((k) => ({ id: `s${k}` })));
    const r = run([settingsSheet({ scoring_mode: "relative" }), registry, passportSheet(rows)]);
    // s0: S1 p 0, S2 .5, S3 .5, S6 нет → 0 (ranked it would be 0,375) → 100·1/4 = 25
    expect(schoolJson(r, "s0").isn).toBe(25);
    // s4: S1 p 1, .5, .5, S6 да 1 → 100·3/4 = 75 ≥ 75 → ШНСУ
    const s4 = schoolJson(r, "s4");
    expect(s4.isn).toBe(75);
    expect(s4.status).toBe("shnsu");
    // s3: S1 p .75 → 100·1,75/4 = 43,75
    expect(schoolJson(r, "s3").isn).toBe(43.75);
  });
});
