import { book, transitionsBook } from "../../../test/support/dynamics-book";
import { toResultJson } from "../engine/json";
import { passportSheet, run, settingsSheet } from "../testing/workbook-builder";
import { ResultTable } from "../model/result-table";
import { dataYears, MAX_HISTORY_YEARS } from "./history";

const statuses = (r: ReturnType<typeof run>, id: string) => r.history.timeline?.bySchool.get(id)?.map((y) => y?.status ?? null);

describe("statuses per year (the multi-year view of «Динамика»)", () => {
  const result = run(transitionsBook());

  it("classifies every year with its own previous year", () => {
    expect(result.history.years).toEqual([2024, 2025, 2026]);
    expect(result.history.timeline!.years).toEqual([2024, 2025, 2026]);
    // The first year has no year before it: ШНОР by the two-year override is impossible.
    expect(statuses(result, "A")).toEqual(["risk_zone", "shnor", "shnor"]);
    expect(statuses(result, "B")).toEqual(["no_risk", "risk_zone", "shnor"]);
    expect(statuses(result, "C")).toEqual(["risk_zone", "shnor", "risk_zone"]);
    expect(statuses(result, "H")).toEqual(["no_risk", "resilient", "no_risk"]);
    expect(statuses(result, "J")).toEqual(["risk_zone", "shnor_shnsu", "shnor_shnsu"]);
  });

  it("agrees with the t−1 membership used for the transitions, and t is the run's own status", () => {
    const tl = result.history.timeline!;
    for (const s of result.schools) {
      const [, prev, now] = tl.bySchool.get(s.school.id)!;
      expect({ shnor: prev!.shnor, shnsu: prev!.shnsu }).toEqual({ shnor: s.prev.lowResults, shnsu: s.prev.adverseContext });
      expect(now!.status).toBe(s.classification.status);
    }
  });

  it("knows which years each school has data in (a school that appears, one that disappears)", () => {
    expect([...result.history.present.get("E")!]).toEqual([2026]);
    expect([...result.history.present.get("F")!].sort()).toEqual([2024, 2025]);
    // E is classified in every year (no data → «недостаточно данных»); the report shows «нет данных».
    expect(statuses(result, "E")).toEqual(["insufficient_data", "insufficient_data", "shnsu"]);
  });

  it("is in the JSON as `status_history`", () => {
    const json = toResultJson(result);
    expect(json.status_history!.years).toEqual([2024, 2025, 2026]);
    expect(json.status_history!.schools.B).toEqual(["no_risk", "risk_zone", "shnor"]);
  });

  it("is not computed with two years of data or fewer", () => {
    const r = run(book([{ id: "A", results: { 2025: "red", 2026: "red" } }]));
    expect(r.history.years).toEqual([2025, 2026]);
    expect(r.history.timeline).toBeNull();
    expect(toResultJson(r).status_history).toBeNull();
  });

  it("keeps a year without any data as a gap (null for every school)", () => {
    const r = run(book([
      { id: "A", results: { 2023: "red", 2024: "red", 2026: "red" } },
      { id: "D", results: { 2023: "green", 2024: "green", 2026: "green" } },
    ]));
    expect(r.history.years).toEqual([2023, 2024, 2026]);
    expect(r.history.timeline!.years).toEqual([2023, 2024, 2025, 2026]);
    expect(statuses(r, "A")).toEqual(["risk_zone", "shnor", null, "risk_zone"]);
    expect(statuses(r, "D")).toEqual(["no_risk", "no_risk", null, "no_risk"]);
  });

  it("takes the registry's accreditation for the report year only, the passport's for its own year", () => {
    const sheets = book([
      { id: "K", results: { 2024: "green", 2025: "green", 2026: "green" }, registry: { accreditation: "да" } },
      { id: "L", results: { 2024: "green", 2025: "green", 2026: "green" } },
    ]);
    sheets.push(passportSheet([{ school: "L", year: 2025, pupils: 100, accreditation: "да" }]));
    const r = run(sheets);
    expect(statuses(r, "K")).toEqual(["no_risk", "no_risk", "shnor"]);
    expect(statuses(r, "L")).toEqual(["no_risk", "shnor", "risk_zone"]);
  });

  it(`shows at most ${MAX_HISTORY_YEARS} years`, () => {
    const years = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [2015 + i, "green" as const]));
    const r = run(book([{ id: "D", results: years }]));
    expect(r.history.years).toHaveLength(12);
    expect(r.history.timeline!.years).toEqual(Array.from({ length: MAX_HISTORY_YEARS }, (_, i) => 2017 + i));
  });

  it("ignores years after the report year", () => {
    const sheets = [...book([{ id: "A", results: { 2023: "red", 2024: "red", 2025: "red", 2026: "red" } }]), settingsSheet({ report_year: 2025 })];
    const r = run(sheets);
    expect(r.reportYear).toBe(2025);
    expect(r.history.timeline!.years).toEqual([2023, 2024, 2025]);
  });

  it("dataYears reads results and passport rows", () => {
    const r = run(book([{ id: "E", results: { 2026: "green" }, passport: { 2025: true } }]));
    expect(r.history.years).toEqual([2025, 2026]);
    expect(dataYears({ schools: [], results: new ResultTable(), social: [], scores: [] }, 2026)).toEqual({ years: [], present: new Map() });
  });
});
