import { toResultJson } from "../engine/json";
import type { Change } from "../indicators/dynamics";
import { defaultSettings, ege, oge, rdr, registrySheet, resultsSheet, run, schoolResult, settingsSheet, vprCombos, type ResultRow } from "../testing/workbook-builder";
import { changeIds, indicatorChanges, shownVerdict, shownVerdicts } from "./indicators";

/** ОГЭ and ЕГЭ rows that give a school R coverage; green unless overridden. */
const base = (id: string, y: number, more: { ogeTwos?: number; egeBelow?: number } = {}): ResultRow[] => [
  oge(id, y, "rus", 20, more.ogeTwos ?? 0),
  ege(id, y, "rus", 20, { high: 10, below: more.egeBelow ?? 0 }),
];

function sheets(extra: ResultRow[] = [], params: Record<string, string | number> = {}) {
  const rows: ResultRow[] = [
    // P: «2» share 5 % → 15 % in every combo: Δ = +10 exactly → negative (the bound counts).
    ...vprCombos("P", 2025, 20, [1, 1, 1, 1]), ...vprCombos("P", 2026, 20, [3, 3, 3, 3]), ...base("P", 2025), ...base("P", 2026),
    // Q: 20 % → 10 %: Δ = −10 → positive; ОГЭ 10 % → 0 %: R3b positive.
    ...vprCombos("Q", 2025, 20, [4, 4, 4, 4]), ...vprCombos("Q", 2026, 20, [2, 2, 2, 2]), ...base("Q", 2025, { ogeTwos: 2 }), ...base("Q", 2026),
    // R: 10 % → 15 %: Δ = +5 → stable; ЕГЭ below the minimum 0 → 15 %: R3a negative.
    ...vprCombos("R", 2025, 20, [2, 2, 2, 2]), ...vprCombos("R", 2026, 20, [3, 3, 3, 3]), ...base("R", 2025), ...base("R", 2026, { egeBelow: 3 }),
    // S: two pupils per combo — combos not scored (n < 5), the aggregate R4 n = 8 < 10.
    ...vprCombos("S", 2025, 2, [0, 0, 0, 0]), ...vprCombos("S", 2026, 2, [1, 1, 1, 0]),
    // T: appears in 2026: nothing to compare with.
    ...vprCombos("T", 2026, 20, [0, 0, 0, 0]), ...base("T", 2026),
    // U: РДР 10/20 → 2/20: R5 positive.
    ...vprCombos("U", 2025, 20, [0, 0, 0, 0]), ...vprCombos("U", 2026, 20, [0, 0, 0, 0]), rdr("U", 2025, 20, 10), rdr("U", 2026, 20, 2),
    ...extra,
  ];
  const out = [registrySheet(["P", "Q", "R", "S", "T", "U"].map((id) => ({ id }))), resultsSheet(rows)];
  if (Object.keys(params).length > 0) out.push(settingsSheet(params));
  return out;
}

const verdicts = (r: ReturnType<typeof run>, id: string) => Object.fromEntries(indicatorChanges(schoolResult(r, id), r.settings).map((c) => [c.id, c.shown]));

describe("indicator changes t−1 → t with their verdicts (methodology.md §6)", () => {
  const result = run(sheets());

  it("lists R3a, R3b, R4, the four combos and R5", () => {
    expect(changeIds(result.schools)).toEqual(["R3a", "R3b", "R4", "R4.rus5", "R4.rus8", "R4.math5", "R4.math8", "R5"]);
  });

  it("Δ ≥ +10 p.p. on a «2» share is negative, the bound included", () => {
    const p = indicatorChanges(schoolResult(result, "P"), result.settings).find((c) => c.id === "R4")!;
    expect(p).toMatchObject({ prev: 5, now: 15, nPrev: 80, nNow: 80, verdict: "negative", shown: "negative" });
    expect(p.delta).toBeCloseTo(10, 9);
    expect(verdicts(result, "P")).toMatchObject({ "R4.rus5": "negative", "R4.math8": "negative", R3b: "stable", R3a: "stable" });
  });

  it("Δ ≤ −10 p.p. is positive (R4, R3b)", () => {
    expect(verdicts(result, "Q")).toMatchObject({ R4: "positive", "R4.rus8": "positive", R3b: "positive" });
  });

  it("|Δ| < 10 p.p. is stable; R3a from the ЕГЭ minimum turns negative", () => {
    expect(verdicts(result, "R")).toMatchObject({ R4: "stable", "R4.math5": "stable", R3a: "negative" });
  });

  it("R5 (РДР) gets a verdict from its single-year values", () => {
    expect(verdicts(result, "U").R5).toBe("positive");
  });

  it("no Δ without data in either year: a school that appears, indicators without rows, combos not scored", () => {
    const t = indicatorChanges(schoolResult(result, "T"), result.settings);
    expect(t.every((c) => c.delta === null && c.shown === null)).toBe(true);
    expect(t.find((c) => c.id === "R4")).toMatchObject({ prev: null, now: 0, nPrev: 0, nNow: 80 });
    expect(verdicts(result, "U").R3b).toBeNull();
    expect(verdicts(result, "S")["R4.rus5"]).toBeNull();
  });

  describe("small-sample guard", () => {
    it("shows «малая выборка» when either year has fewer than min_n_stable participants", () => {
      const s = indicatorChanges(schoolResult(result, "S"), result.settings).find((c) => c.id === "R4")!;
      expect(s).toMatchObject({ prev: 0, now: 37.5, nPrev: 8, nNow: 8, verdict: "negative", shown: "small_sample" });
    });

    it("leaves the classification as methodology.md defines it (the risk-zone rule uses the §6 verdict)", () => {
      const s = schoolResult(result, "S");
      expect(s.dynamics.R4.verdict).toBe("negative");
      expect(s.classification.status).toBe("risk_zone");
      expect(s.classification.reasons.some((r) => r.includes("отрицательная динамика R4"))).toBe(true);
    });

    it("applies to every direction and follows the min_n_stable setting", () => {
      const change: Change = { delta: -12, verdict: "positive" };
      const s10 = defaultSettings();
      expect(shownVerdict(change, 10, 10, s10)).toBe("positive");
      expect(shownVerdict(change, 9, 40, s10)).toBe("small_sample");
      expect(shownVerdict(change, 40, 9, s10)).toBe("small_sample");
      expect(shownVerdict({ delta: 1, verdict: "stable" }, 5, 40, s10)).toBe("small_sample");
      expect(shownVerdict(change, 9, 9, defaultSettings({ min_n_stable: 5 }))).toBe("positive");
      expect(shownVerdict(undefined, 40, 40, s10)).toBeNull();
    });

    it("with min_n_stable = 5 the small school gets its plain verdict", () => {
      const r = run(sheets([], { min_n_stable: 5 }));
      expect(verdicts(r, "S").R4).toBe("negative");
    });
  });

  it("follows the dynamics_threshold setting: +5 p.p. is negative at a threshold of 5", () => {
    const r = run(sheets([], { dynamics_threshold: 5 }));
    expect(verdicts(r, "R").R4).toBe("negative");
    expect(verdicts(r, "P").R4).toBe("negative");
  });

  it("JSON: `extra.dynamics` keeps the §6 verdicts, `extra.dynamics_shown` the shown ones", () => {
    const json = toResultJson(result);
    const s = json.schools.find((x) => x.school_id === "S")!;
    expect(s.extra.dynamics.R4.verdict).toBe("negative");
    expect(s.extra.dynamics_shown).toEqual({ R4: "small_sample" });
    expect(shownVerdicts(schoolResult(result, "Q"), result.settings)).toMatchObject({ R4: "positive", R3b: "positive" });
  });
});
