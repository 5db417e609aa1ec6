/**
 * The planted archetypes must be classified as designed. The engine is written elsewhere, so
 * these tests use oracle.ts, an independent mini re-implementation of methodology.md with the
 * default settings (checked by hand against conformance case01: same statuses, flags, ИНР, ИСН).
 */
import { DEMO_OPTIONS } from "./demo-options";
import { ARCHETYPE_BY_ID, generateMonitoringData } from "./index";
import { evaluateModel, inrOf, zoneOf, type OracleSchool } from "./oracle";
import type { GeneratorOptions } from "./types";

const YEARS = [2024, 2025, 2026];

const configs: [string, Omit<GeneratorOptions, "seed">][] = [
  ["2 municipalities of 20–30", { municipalities: 2, schoolsPerMunicipality: [20, 30], years: YEARS, roadmapEvents: 25 }],
  ["1 municipality of 30, two-row headers, marks in %", { municipalities: 1, schoolsPerMunicipality: 30, years: YEARS, roadmapEvents: 20, layout: "two_row_headers", marksAsPercent: true }],
  ["3 municipalities of 5–40, monthly passport", { municipalities: 3, schoolsPerMunicipality: [5, 40], years: YEARS, roadmapEvents: 30, monthlyPassport: true }],
  ["two years only", { municipalities: 2, schoolsPerMunicipality: [15, 25], years: [2025, 2026], roadmapEvents: 20 }],
  ["6 small municipalities of 5–12", { municipalities: 6, schoolsPerMunicipality: [5, 12], years: YEARS, roadmapEvents: 20, layout: "two_row_headers" }],
];

function planted(opts: GeneratorOptions): { archetype: string; school: OracleSchool }[] {
  const m = generateMonitoringData(opts);
  const ev = evaluateModel(m);
  return Object.entries(m.planted).map(([id, archetype]) => ({ archetype, school: ev.get(id)! }));
}

describe.each(configs)("%s", (_name, cfg) => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: every planted school gets its designed status and flags", (seed) => {
    const got = planted({ ...cfg, seed });
    expect(got.length).toBeGreaterThanOrEqual(cfg.years.length === 2 ? 17 : 19);
    for (const { archetype, school } of got) {
      const def = ARCHETYPE_BY_ID[archetype];
      const summary = { archetype, status: school.status, flags: [...school.flags].sort(), signs: [...(school.signs[2026] ?? [])].sort() };
      expect(summary).toEqual({
        archetype,
        status: def.status,
        flags: [...def.flags].sort(),
        signs: expect.arrayContaining(def.signs ?? []),
      });
    }
  });
});

describe("the thresholds are crossed on purpose", () => {
  const got = new Map(planted({ ...configs[0][1], seed: 2026 }).map((p) => [p.archetype, p.school]));
  const s = (a: string) => got.get(a)!;

  test("ИНР bands", () => {
    expect(s("shnor_shnsu").inr!).toBeGreaterThanOrEqual(90);
    expect(s("shnor_shnsu").isn!).toBeGreaterThanOrEqual(60);
    expect(s("shnor_basic").inr!).toBeGreaterThanOrEqual(90);
    expect(s("shnor_entered").inr!).toBeGreaterThanOrEqual(60);
    expect(s("shnor_entered").inrT1!).toBeLessThan(50);
    expect(s("shnor_entered").shnorPrev).toBe(false);
    expect(s("risk_band").inr!).toBeCloseTo(39.29, 1);
    expect(s("shnsu").inrT!).toBeCloseTo(32.14, 1);
    expect(s("shnsu").inrT1!).toBeCloseTo(32.14, 1);
    expect(s("shnor_moderate").inr!).toBeLessThan(35);
    expect(s("shnor_accreditation").inr!).toBeLessThan(35);
  });

  test("the rules behind the risk zone", () => {
    const combosRed = (o: OracleSchool, y: number) => ["R4.rus5", "R4.rus8", "R4.math5", "R4.math8"].filter((c) => o.single[y][c] && zoneOf(c, o.single[y][c]!.v) === "red");
    expect(combosRed(s("risk_r4_single"), 2026)).toEqual(["R4.math8"]);
    expect(combosRed(s("risk_r4_single"), 2025)).toEqual([]);
    const d = s("risk_dynamics");
    expect(d.single[2026].R4!.v - d.single[2025].R4!.v).toBeGreaterThanOrEqual(12);
    expect(combosRed(d, 2026)).toEqual([]);
    const w = s("risk_was_shnor");
    expect(w.shnorPrev).toBe(true);
    expect(combosRed(w, 2025)).toHaveLength(4);
    expect(combosRed(w, 2024)).toHaveLength(4);
    expect(combosRed(w, 2026)).toHaveLength(0);
  });

  test("social context and resilience", () => {
    expect(s("resilient").factors).toBeGreaterThanOrEqual(4);
    expect(s("resilient").inrT!).toBeLessThanOrEqual(10);
    expect(s("resilient").inrT1!).toBeLessThanOrEqual(10);
    expect(s("shnsu").factors).toBeGreaterThanOrEqual(4);
    for (const a of ["no_risk", "shnor_basic", "shnor_moderate", "risk_band", "objectivity_signs"]) expect(s(a).factors).toBeLessThanOrEqual(1);
  });

  test("objectivity signs", () => {
    expect([...s("objectivity_signs").signs[2026]]).toEqual(expect.arrayContaining(["O1", "O2", "O6"]));
    expect([...s("needs_objectivity_check").signs[2026]]).toEqual(expect.arrayContaining(["O2", "O6"]));
    expect([...s("objectivity_repeat").signs[2026]]).toEqual(["O1"]);
    expect([...s("objectivity_repeat").signs[2025]]).toEqual(["O1"]);
    for (const a of ["resilient", "no_risk", "gymnasium_high", "shnor_shnsu", "risk_band"]) {
      expect(s(a).signs[2026]).toBeUndefined();
      expect(s(a).signs[2025]).toBeUndefined();
    }
  });
});

describe("oracle basics", () => {
  test("zones are inclusive on the bad side", () => {
    expect(zoneOf("R4", 25)).toBe("red");
    expect(zoneOf("R4", 24.99)).toBe("yellow");
    expect(zoneOf("R4.math8", 15)).toBe("yellow");
    expect(zoneOf("R1", 3)).toBe("yellow");
    expect(zoneOf("R1", 2.99)).toBe("red");
    expect(zoneOf("R1", 10)).toBe("green");
    expect(zoneOf("S12", 14.9)).toBe("red");
  });

  test("ИНР needs 40 % of the weight to be scored", () => {
    // R5 (1) + R6 (0.5) = 1.5 of 7 < 2.8
    expect(inrOf({ R5: { v: 30, n: 20 }, R6: { v: 10, n: 50 } })).toBeNull();
    // R3b (1) + R4 (1.5) + R5 (1) = 3.5 ≥ 2.8; R4 red, others green → 1.5/3.5
    expect(inrOf({ R3b: { v: 0, n: 40 }, R4: { v: 30, n: 40 }, R5: { v: 0, n: 20 } })).toBeCloseTo((100 * 1.5) / 3.5, 9);
    // n < 5 is not scored
    expect(inrOf({ R3b: { v: 50, n: 4 }, R4: { v: 30, n: 40 }, R5: { v: 0, n: 20 } })).toBeNull();
  });
});

describe("the demo workbook", () => {
  test("every planted school as designed; every status and flag occurs", () => {
    const m = generateMonitoringData(DEMO_OPTIONS);
    const ev = evaluateModel(m);
    for (const [id, a] of Object.entries(m.planted)) {
      expect({ a, status: ev.get(id)!.status, flags: [...ev.get(id)!.flags].sort() }).toEqual({ a, status: ARCHETYPE_BY_ID[a].status, flags: [...ARCHETYPE_BY_ID[a].flags].sort() });
    }
    const statuses = new Set([...ev.values()].map((s) => s.status));
    const flags = new Set([...ev.values()].flatMap((s) => [...s.flags]));
    expect([...statuses].sort()).toEqual(["insufficient_data", "no_risk", "resilient", "risk_zone", "shnor", "shnor_shnsu", "shnsu"]);
    expect([...flags].sort()).toEqual(
      ["accreditation_suspended", "basic_failing", "moderate_failing", "needs_objectivity_check", "objectivity_signs", "one_year", "risk_zone", "small_sample", "stable_low"].sort(),
    );
  });
});
