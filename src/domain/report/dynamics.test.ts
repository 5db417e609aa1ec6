import { book, transitionsBook } from "../../../test/support/dynamics-book";
import { registrySheet, resultsSheet, run, vprCombos } from "../testing/workbook-builder";
import type { CellValue } from "../sheet/snapshot";
import { ZONE_FILLS } from "./builder";
import { buildDynamicsSheet, DELTA_FORMAT, VERDICT_FILLS } from "./dynamics";
import type { ReportSheet } from "./model";

const trim = (row: (CellValue | null)[]) => {
  const out = [...row];
  while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
  return out;
};

/** Index of the first row whose first cell starts with `title`. */
const rowOf = (sheet: ReportSheet, title: string) => sheet.values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(title));

/** The table right under a section title: header and data rows up to the next blank row. */
function table(sheet: ReportSheet, title: string, skip = 0): (CellValue | null)[][] {
  const start = rowOf(sheet, title) + 1 + skip;
  const out: (CellValue | null)[][] = [];
  for (let i = start; i < sheet.values.length && trim(sheet.values[i]).length > 0; i++) out.push(trim(sheet.values[i]));
  return out;
}

describe("«Динамика»", () => {
  const result = run(transitionsBook());
  const sheet = buildDynamicsSheet(result)!;

  it("is produced with a year before t and named «Динамика»", () => {
    expect(sheet.name).toBe("Динамика");
    expect(sheet.values[0][0]).toBe("Динамика 2025 → 2026: переходы в перечнях ШНОР и ШНСУ, изменение показателей");
    expect(sheet.values.every((r) => r.length === sheet.values[0].length)).toBe(true);
    expect(sheet.columnWidths).toHaveLength(sheet.values[0].length);
  });

  it("is not produced with one year of data", () => {
    expect(buildDynamicsSheet(run(book([{ id: "A", results: { 2026: "red" } }])))).toBeNull();
  });

  it("counts the transitions", () => {
    expect(table(sheet, "Переходы 2025 → 2026")).toEqual([
      ["Переход", "ШНОР", "ШНСУ"],
      ["Вошли в перечень", 1, 2],
      ["Вышли из перечня", 2, 1],
      ["Остались в перечне", 2, 2],
      ["Изменили позицию (вошли + вышли)", 3, 3],
    ]);
  });

  it("shows the matrix: rows t−1, columns t, with totals", () => {
    expect(table(sheet, "Матрица переходов")).toEqual([
      ["2025 ↓ / 2026 →", "ШНОР + ШНСУ", "Только ШНОР", "Только ШНСУ", "Вне перечней", "Всего"],
      ["ШНОР + ШНСУ", 1, 0, 0, 0, 1],
      ["Только ШНОР", 0, 1, 0, 2, 3],
      ["Только ШНСУ", 0, 0, 1, 1, 2],
      ["Вне перечней", 0, 1, 2, 1, 4],
      ["Всего", 1, 2, 3, 4, 10],
    ]);
  });

  it("lists who entered, left and stayed, with names, the status in t and missing years", () => {
    const rows = table(sheet, "Кто вошёл");
    expect(rows[0]).toEqual(["Код ОО", "Наименование ОО", "Перечень", "Переход", "Статус 2026", "Примечание"]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["B", "ШНОР", "вошла"],
      ["C", "ШНОР", "вышла"],
      ["F", "ШНОР", "вышла"],
      ["A", "ШНОР", "осталась"],
      ["J", "ШНОР", "осталась"],
      ["E", "ШНСУ", "вошла"],
      ["G", "ШНСУ", "вошла"],
      ["H", "ШНСУ", "вышла"],
      ["I", "ШНСУ", "осталась"],
      ["J", "ШНСУ", "осталась"],
    ]);
    expect(rows.find((r) => r[0] === "B")![1]).toBe("Школа B");
    expect(rows.find((r) => r[0] === "C")![4]).toBe("Зона риска");
    expect(rows.find((r) => r[0] === "F")![5]).toBe("нет данных за 2026 год; 1 год данных");
    expect(rows.find((r) => r[0] === "E")![5]).toBe("нет данных за 2025 год; 1 год данных");
  });

  it("colours the transition column in blocks: entered red, left green, stayed yellow", () => {
    const first = rowOf(sheet, "Кто вошёл") + 2;
    const fills = sheet.styles.filter((s) => s.range.left === 3 && s.range.right === 3 && s.style.fill && s.range.top >= first && s.range.top < first + 10);
    expect(fills.map((s) => [s.range.top - first, s.range.bottom - first, s.style.fill])).toEqual([
      [0, 0, ZONE_FILLS.red],
      [1, 2, ZONE_FILLS.green],
      [3, 4, ZONE_FILLS.yellow],
      [5, 6, ZONE_FILLS.red],
      [7, 7, ZONE_FILLS.green],
      [8, 9, ZONE_FILLS.yellow],
    ]);
  });

  it("shows the status per year when more than two years have data", () => {
    const rows = table(sheet, "Статусы по годам");
    expect(rows[0]).toEqual(["Код ОО", "Наименование ОО", "2024", "2025", "2026", "Нет данных за годы"]);
    expect(rows.find((r) => r[0] === "B")!.slice(2)).toEqual(["Без рисков", "Зона риска", "Кандидат в ШНОР"]);
    // E has no rows before 2026: «нет данных», not «Недостаточно данных».
    expect(rows.find((r) => r[0] === "E")!.slice(2)).toEqual(["нет данных", "нет данных", "Кандидат в ШНСУ", "2024, 2025"]);
    expect(rows.find((r) => r[0] === "F")!.slice(2)).toEqual(["Зона риска", "Кандидат в ШНОР", "Зона риска", "2026"]);
  });

  it("says when t−1 has no data at all", () => {
    const gap = buildDynamicsSheet(run(book([{ id: "A", results: { 2023: "red", 2024: "red", 2026: "red" } }])))!;
    expect(gap.values.some((r) => typeof r[0] === "string" && r[0].startsWith("За 2025 год в книге нет данных"))).toBe(true);
    expect(table(gap, "Статусы по годам")[1].slice(2)).toEqual(["Зона риска", "Кандидат в ШНОР", "нет данных", "Зона риска", "2025"]);
  });
});

describe("«Динамика»: indicator changes", () => {
  // V worsens (5 % → 30 % «2»), W improves (30 % → 5 %), X is stable, Y has 8 pupils a year, Z has no 2025.
  const rows = [
    ...vprCombos("V", 2025, 20, [1, 1, 1, 1]), ...vprCombos("V", 2026, 20, [6, 6, 6, 6]),
    ...vprCombos("W", 2025, 20, [6, 6, 6, 6]), ...vprCombos("W", 2026, 20, [1, 1, 1, 1]),
    ...vprCombos("X", 2025, 20, [1, 1, 1, 1]), ...vprCombos("X", 2026, 20, [1, 1, 1, 1]),
    ...vprCombos("Y", 2025, 2, [0, 0, 0, 0]), ...vprCombos("Y", 2026, 2, [1, 1, 1, 0]),
    ...vprCombos("Z", 2026, 20, [0, 0, 0, 0]),
  ];
  const result = run([registrySheet(["X", "W", "Y", "Z", "V"].map((id) => ({ id }))), resultsSheet(rows)]);
  const sheet = buildDynamicsSheet(result)!;
  const title = rowOf(sheet, "Изменение показателей 2025 → 2026");
  const header = title + 5; // four legend lines
  const first = header + 1;

  it("has a legend with the thresholds of the settings", () => {
    expect(sheet.values[title + 1][0]).toMatch(/^Δ — доля «2»/);
    expect(sheet.values[title + 2][0]).toContain("10 п.п.");
    expect(sheet.values[title + 3][0]).toContain("меньше 10 участников");
  });

  it("has one row per school, worst first, with Δ per indicator and a sentence for each verdict", () => {
    expect(trim(sheet.values[header])).toEqual(["Код ОО", "Наименование ОО", "Статус 2026", "R3a, Δ", "R3b, Δ", "R4, Δ", "R4 рус. 5, Δ", "R4 рус. 8, Δ", "R4 мат. 5, Δ", "R4 мат. 8, Δ", "R5, Δ", "Что изменилось"]);
    const body = sheet.values.slice(first, first + 5);
    expect(body.map((r) => r[0])).toEqual(["V", "W", "X", "Y", "Z"]);
    expect(body[0][5]).toBeCloseTo(25, 9);
    expect(body[0][3]).toBe("нет данных");
    expect(body[0][11]).toMatch(/^R4: 5,0 % → 30,0 % \(\+25,0 п\.п\.\) — отрицательная динамика; R4 рус\. 5: 5,0 % → 30,0 %/);
    expect(body[1][11]).toMatch(/^R4: 30,0 % → 5,0 % \(−25,0 п\.п\.\) — положительная динамика/);
    expect(body[2][11]).toBe("");
    expect(body[3][11]).toBe("R4: малая выборка (участников 8 и 8)");
    expect(body[4].slice(3, 11).every((c) => c === "нет данных")).toBe(true);
  });

  it("colours Δ cells by the shown verdict, one block per run of equal verdicts", () => {
    const fills = sheet.styles.filter((s) => s.range.left === 5 && s.range.right === 5 && s.range.top >= first && s.style.fill);
    expect(fills.map((s) => [s.range.top - first, s.range.bottom - first, s.style.fill])).toEqual([
      [0, 0, VERDICT_FILLS.negative],
      [1, 1, VERDICT_FILLS.positive],
      [3, 3, VERDICT_FILLS.small_sample],
    ]);
    expect(sheet.numberFormats).toContainEqual({ range: { top: first, left: 3, bottom: first + 4, right: 10 }, format: DELTA_FORMAT });
  });

  it("has no multi-year section with two years", () => {
    expect(rowOf(sheet, "Статусы по годам")).toBe(-1);
  });
});
