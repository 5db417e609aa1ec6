import { book, transitionsBook } from "../../../test/support/dynamics-book";
import { toResultJson } from "../engine/json";
import { run } from "../testing/workbook-builder";
import { changedPosition, membership, transitionMatrix, transitions } from "./transitions";

describe("transitions t−1 → t (methodology.md §6)", () => {
  const result = run(transitionsBook());

  it("lists entered, left and stayed for ШНОР and ШНСУ, in the order of the registry", () => {
    expect(transitions(result.schools)).toEqual({
      shnor: { entered: ["B"], left: ["C", "F"], stayed: ["A", "J"] },
      shnsu: { entered: ["E", "G"], left: ["H"], stayed: ["I", "J"] },
    });
  });

  it("is what the JSON carries as `transitions`", () => {
    expect(toResultJson(result).transitions).toEqual(transitions(result.schools));
  });

  it("counts «изменили позицию» as entered + left", () => {
    const tr = transitions(result.schools);
    expect(changedPosition(tr.shnor)).toBe(3);
    expect(changedPosition(tr.shnsu)).toBe(3);
  });

  it("classifies t−1 with its own t−2: a school red only since t−1 enters in t, not earlier", () => {
    const b = result.schools.find((s) => s.school.id === "B")!;
    expect(b.prev.lowResults).toBe(false);
    expect(b.classification.lowResults).toBe(true);
  });

  it("a school that left ШНОР stays in the risk zone as «was ШНОР in t−1»", () => {
    const c = result.schools.find((s) => s.school.id === "C")!;
    expect(c.classification.status).toBe("risk_zone");
    expect(c.classification.reasons.some((r) => r.includes("кандидат в ШНОР в 2025"))).toBe(true);
  });

  it("a school that disappears from the data in t leaves the list («1 год данных» for t)", () => {
    const f = result.schools.find((s) => s.school.id === "F")!;
    expect(f.prev.lowResults).toBe(true);
    expect(f.classification.lowResults).toBe(false);
    expect(f.classification.flags).toContain("one_year");
  });

  it("a school that appears in t enters ШНСУ from «not a member» in t−1", () => {
    const e = result.schools.find((s) => s.school.id === "E")!;
    expect(e.prev).toMatchObject({ lowResults: false, adverseContext: false });
    expect(e.classification.adverseContext).toBe(true);
  });

  it("counts the membership matrix: rows t−1, columns t; `shnor_shnsu` is in both lists", () => {
    const m = transitionMatrix(result.schools);
    expect(m).toEqual({
      both: { both: 1, shnor: 0, shnsu: 0, none: 0 },
      shnor: { both: 0, shnor: 1, shnsu: 0, none: 2 },
      shnsu: { both: 0, shnor: 0, shnsu: 1, none: 1 },
      none: { both: 0, shnor: 1, shnsu: 2, none: 1 },
    });
    const total = Object.values(m).reduce((n, row) => n + Object.values(row).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(result.schools.length);
  });

  it("membership codes", () => {
    expect([membership(true, true), membership(true, false), membership(false, true), membership(false, false)]).toEqual(["both", "shnor", "shnsu", "none"]);
  });

  it("with one year of data nobody can have been in a list in t−1: every member has entered", () => {
    const r = run(book([{ id: "X", results: { 2026: "green" }, passport: { 2026: true } }, { id: "Y", results: { 2026: "red" } }]));
    expect(transitions(r.schools)).toEqual({ shnor: { entered: [], left: [], stayed: [] }, shnsu: { entered: ["X"], left: [], stayed: [] } });
  });
});
