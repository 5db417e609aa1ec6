import { ResultTable } from "./result-table";
import { RESULT_COUNT_FIELDS } from "./types";

function filled(rows: number, capacity: number): ResultTable {
  const t = new ResultTable(capacity);
  for (let r = 0; r < rows; r++) {
    const i = t.add(`edu${r % 3}`, 2024 + (r % 3), r % 2 ? "ОГЭ" : "ВПР", r % 2 ? "rus" : "math", r % 12, 10 + r);
    RESULT_COUNT_FIELDS.forEach((f, k) => (t.counts[f][i] = r % 5 === 0 && k === 0 ? NaN : r + k));
    t.meanScore[i] = r / 2;
  }
  return t;
}

describe("ResultTable (results rows as columns)", () => {
  it("grows past its capacity and keeps every column of every row", () => {
    const t = filled(40, 3);
    expect(t.length).toBe(40);
    expect(t.year.length).toBeGreaterThanOrEqual(40);
    for (let r = 0; r < 40; r++) {
      expect([t.school[r], t.year[r], t.procedureCode[r], t.subject[r], t.grade[r], t.participants[r], t.meanScore[r]]).toEqual([`edu${r % 3}`, 2024 + (r % 3), r % 2 ? 1 : 0, r % 2 ? "rus" : "math", r % 12, 10 + r, r / 2]);
      expect(t.count("mark2", r)).toBe(r % 5 === 0 ? null : r);
      expect(t.count("raised", r)).toBe(r + RESULT_COUNT_FIELDS.indexOf("raised"));
    }
  });

  it("fit cuts the string columns to the rows added", () => {
    const t = filled(5, 100);
    t.fit();
    expect(t.school).toEqual(["edu0", "edu1", "edu2", "edu0", "edu1"]);
    expect(t.subject).toHaveLength(5);
  });

  it("keeps the rows asked for, in order, with all their columns", () => {
    const t = filled(10, 10);
    const before = filled(10, 10);
    const keep = [1, 0, 1, 1, 0, 0, 1, 0, 0, 1];
    t.keepRows(Uint8Array.from(keep));
    const kept = keep.flatMap((k, i) => (k ? [i] : []));
    expect(t.length).toBe(kept.length);
    expect(t.school).toHaveLength(kept.length);
    kept.forEach((i, j) => {
      expect([t.school[j], t.year[j], t.subject[j], t.grade[j], t.participants[j], t.meanScore[j]]).toEqual([before.school[i], before.year[i], before.subject[i], before.grade[i], before.participants[i], before.meanScore[i]]);
      for (const f of RESULT_COUNT_FIELDS) expect(t.count(f, j)).toBe(before.count(f, i));
    });
    expect(t.count("mark2", 0)).toBeNull();
  });
});
