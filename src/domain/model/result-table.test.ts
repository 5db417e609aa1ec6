import { ResultTable, rowsBySchool } from "./result-table";
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

  it("copies a row with all its columns, unknown counts included", () => {
    const from = filled(10, 10);
    const to = new ResultTable(1);
    for (const i of [5, 2, 9]) to.copyRow(from, i);
    expect(to.length).toBe(3);
    [5, 2, 9].forEach((i, j) => {
      expect(to.school[j]).toBe(from.school[i]);
      expect(to.procedureCode[j]).toBe(from.procedureCode[i]);
      for (const f of RESULT_COUNT_FIELDS) expect(to.count(f, j)).toBe(from.count(f, i));
      expect(to.meanScore[j]).toBe(from.meanScore[i]);
    });
    expect(to.count("mark2", 0)).toBeNull();
  });

  it("lists each school's rows in row order", () => {
    expect(rowsBySchool(filled(7, 7))).toEqual(
      new Map([
        ["edu0", [0, 3, 6]],
        ["edu1", [1, 4]],
        ["edu2", [2, 5]],
      ]),
    );
  });
});
