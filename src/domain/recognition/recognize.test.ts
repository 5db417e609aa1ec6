import { recognizeSheet } from "./recognize";
import { TableCursor } from "./table";
import type { CellValue } from "../sheet/snapshot";
import {
  problemLines,
  PASSPORT_HEADER,
  registrySheet,
  resultCells,
  RESULTS_HEADER,
  resultsSheet,
  run,
  schoolJson,
  settingsSheet,
  sheet,
  vpr,
  vprCombos,
} from "../testing/workbook-builder";

const noExtra = new Map<string, string[]>();

describe("header position and layout", () => {
  test("title line above, header in row 3 starting in column C, blank row before the data", () => {
    const pad = (cells: CellValue[]) => ["", "", ...cells];
    const s = sheet("ВПР 2026", [
      ["Результаты ВПР по району, 2026 г."],
      [],
      pad(RESULTS_HEADER),
      [],
      pad(resultCells(vpr("edu1", 2026, "rus", 5, 20, 5))),
      pad(resultCells(vpr("edu2", 2026, "rus", 5, 10, 1))),
    ]);
    const { table, problems } = recognizeSheet(s, noExtra);
    expect(problems).toEqual([]);
    expect(table).not.toBeNull();
    expect(table!.kind).toBe("results");
    expect(table!.headerRow).toBe(2);
    expect(table!.columns.school_id).toBe(2); // column C
    expect(table!.columns.participants).toBe(7); // column H
    expect(table!.rows.map((r) => r.row)).toEqual([4, 5]);
  });

  test("two-row header: merged group titles, vertical merges, line breaks and «(чел.)»", () => {
    // A1:A2 … F1:F2 merged vertically; G1:J1 «Получили отметку, %» over «2»–«5»;
    // K1:K2 «Не преодолели» over «минимальный порог» (only the upper+lower text matches).
    const values: CellValue[][] = [
      ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во\nучастников (чел.)", "Получили отметку, %", "", "", "", "Не преодолели"],
      ["", "", "", "", "", "", "«2»", "«3»", "«4»", "«5»", "минимальный порог"],
      ["edu1", 2026, "ВПР", "Русский язык", "5А", 20, 25, 50, 20, 5, ""],
      ["edu1", 2026, "ЕГЭ", "Русский язык", 11, 40, "", "", "", "", 2],
    ];
    const merges = [0, 1, 2, 3, 4, 5].map((c) => ({ top: 0, left: c, bottom: 1, right: c }));
    merges.push({ top: 0, left: 6, bottom: 0, right: 9 });
    const s = sheet("Результаты", values, { merges });
    const { table } = recognizeSheet(s, noExtra);
    expect(table!.headerRow).toBe(1);
    expect(table!.columns).toMatchObject({ school_id: 0, year: 1, procedure: 2, subject: 3, grade: 4, participants: 5, mark2: 6, mark5: 9, below_min: 10 });
    expect([...table!.percentColumns].sort()).toEqual(["mark2", "mark3", "mark4", "mark5"]);
    // The marks are percentages: «2» = floor(20·25/100 + 0.5) = 5 → R4.rus5 = 100·5/20 = 25.
    const r = run([s]);
    const school = schoolJson(r, "edu1");
    expect(school.indicators["R4.rus5"]).toBe(25);
    // R3a = 100·2/40 = 5 (below_min from the upper+lower header).
    expect(school.indicators.R3a).toBe(5);
  });

  test("the group title alone names a column whose lower cell is blank", () => {
    // «Код ОО» and «Год» stand in row 1 without a vertical merge; row 2 under them is blank.
    const values: CellValue[][] = [
      ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "Отметки", "", "", ""],
      ["", "", "", "", "", "", "«2»", "«3»", "«4»", "«5»"],
      ["edu1", 2026, "ВПР", "Математика", 8, 10, 3, 3, 3, 1],
    ];
    const { table } = recognizeSheet(sheet("Р", values, { merges: [{ top: 0, left: 6, bottom: 0, right: 9 }] }), noExtra);
    expect(table!.headerRow).toBe(1);
    expect(table!.columns).toMatchObject({ school_id: 0, year: 1, participants: 5, mark2: 6 });
    expect(table!.percentColumns.size).toBe(0);
  });
});

describe("where a table ends", () => {
  test("«Итого» and «Всего по району» end the table; «Итоговое собеседование» does not", () => {
    const header = ["Предмет", "Код ОО", "Год", "Процедура", "Класс", "Кол-во участников", "«2»"];
    const s = sheet("Результаты", [
      header,
      ["Русский язык", "edu1", 2026, "ОГЭ", 9, 20, 2],
      ["Итоговое собеседование", "edu1", 2026, "ОГЭ", 9, 20, 0],
      ["Математика", "edu1", 2026, "ОГЭ", 9, 20, 4],
      ["Итого:", "", "", "", "", 60, 6],
      ["Русский язык", "edu2", 2026, "ОГЭ", 9, 20, 20],
    ]);
    const { table } = recognizeSheet(s, noExtra);
    expect(table!.rows.map((r) => r.row)).toEqual([1, 2, 3]);

    const s2 = sheet("Результаты", [RESULTS_HEADER, resultCells(vpr("edu1", 2026, "rus", 5, 20, 1)), ["Всего по району", "", "", "", "", 20, 1], resultCells(vpr("edu2", 2026, "rus", 5, 20, 1))]);
    expect(recognizeSheet(s2, noExtra).table!.rows.map((r) => r.row)).toEqual([1]);
    const s3 = sheet("Результаты", [RESULTS_HEADER, resultCells(vpr("edu1", 2026, "rus", 5, 20, 1)), ["ИТОГО", 20], resultCells(vpr("edu2", 2026, "rus", 5, 20, 1))]);
    expect(recognizeSheet(s3, noExtra).table!.rows).toHaveLength(1);
  });

  test("«Итого» after rows with the same first filled cell (tested once per run of them)", () => {
    const header = ["", ...RESULTS_HEADER];
    const row = ["", ...resultCells(vpr("edu1", 2026, "rus", 5, 20, 1))];
    const s = sheet("Результаты", [header, row, row, ["", "Итого", "", "", "", "", 40, 2], row]);
    expect(recognizeSheet(s, noExtra).table!.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  test("the first fully blank row after the data ends the table", () => {
    const s = sheet("Результаты", [RESULTS_HEADER, resultCells(vpr("edu1", 2026, "rus", 5, 20, 1)), ["", "  "], resultCells(vpr("edu2", 2026, "rus", 5, 20, 1))]);
    expect(recognizeSheet(s, noExtra).table!.rows.map((r) => r.row)).toEqual([1]);
  });

  test("a school code merged over several class rows is read on every row", () => {
    const s = sheet(
      "Результаты",
      [RESULTS_HEADER, resultCells(vpr("edu1", 2026, "rus", "5А", 10, 1)), resultCells(vpr("", 2026, "rus", "5Б", 10, 2))],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
    );
    // Both rows are edu1 × 2026 × ВПР × rus × 5 and are summed: 100·(1+2)/(10+10) = 15.
    expect(schoolJson(run([s]), "edu1").indicators["R4.rus5"]).toBe(15);
  });
});

describe("several sheets, synonyms, duplicates, missing fields", () => {
  test("two results sheets (one per year) are merged and pooled", () => {
    const r = run([resultsSheet(vprCombos("edu1", 2025, 20, [2, 0, 0, 0]), { name: "ВПР 2025" }), resultsSheet(vprCombos("edu1", 2026, 20, [6, 0, 0, 0]), { name: "ВПР 2026" })]);
    expect(r.tables.map((t) => [t.kind, t.sheet, t.rows])).toEqual([
      ["results", "ВПР 2025", 4],
      ["results", "ВПР 2026", 4],
    ]);
    // R4.rus5 pooled = 100·(2+6)/(20+20) = 20
    expect(schoolJson(r, "edu1").indicators["R4.rus5"]).toBe(20);
  });

  test("«Сопоставление» adds a header synonym", () => {
    const header = RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "Число сдававших" : h));
    const data = resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)], { header });
    const without = run([data]);
    expect(without.tables).toEqual([]);
    const withMap = run([data, settingsSheet({}, [["participants", "Число сдававших"]])]);
    expect(withMap.tables.map((t) => t.kind)).toEqual(["results"]);
    expect(schoolJson(withMap, "edu1").indicators["R4.rus5"]).toBe(25); // 100·5/20
  });

  test("the field id itself is accepted as a header", () => {
    const header = RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "participants" : h));
    expect(recognizeSheet(resultsSheet([], { header }), noExtra).table!.columns.participants).toBe(5);
  });

  test("two columns match one field: the first-listed synonym wins, the other is reported with its cell", () => {
    // F1 «Участники» (2nd synonym) and P1 «Кол-во участников» (1st synonym).
    const header = [...RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "Участники" : h)), "Кол-во участников"];
    const row = [...resultCells(vpr("edu1", 2026, "rus", 5, 999, 5)), 20];
    const s = sheet("Результаты", [header, row]);
    const { table, problems } = recognizeSheet(s, noExtra);
    expect(table!.columns.participants).toBe(15); // column P
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: "Результаты", cell: "F1" });
    expect(problems[0].message).toContain("«Участники»");
    expect(problems[0].message).toContain("«Кол-во участников»");
    expect(schoolJson(run([s]), "edu1").indicators["R4.rus5"]).toBe(25); // 100·5/20, not 5/999
  });

  test("a missing required field: not recognised, reported with the closest header", () => {
    const header = RESULTS_HEADER.map((h) => (h === "Кол-во участников" ? "Кол-во участ." : h));
    const { table, problems } = recognizeSheet(resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)], { header }), noExtra);
    expect(table).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0].sheet).toBe("Результаты");
    expect(problems[0].message).toContain("«Результаты»");
    expect(problems[0].message).toContain("«Кол-во участников» (ближайший заголовок: «Кол-во участ.»)");
  });

  test("a missing field with nothing close is listed without a closest header", () => {
    const header = RESULTS_HEADER.filter((h) => h !== "Процедура");
    const { table, problems } = recognizeSheet(sheet("Р", [header]), noExtra);
    expect(table).toBeNull();
    expect(problems[0].message).toContain("«Процедура»;");
    expect(problems[0].message).not.toContain("ближайший");
  });
});

describe("which kind a header is", () => {
  test("registry + passport fields → social passport (preferred over registry)", () => {
    const s = sheet("Лист1", [["Код ОО", "Наименование ОО", "Год", "Контингент"], ["edu1", "Школа 1", 2026, 100]]);
    expect(recognizeSheet(s, noExtra).table!.kind).toBe("social");
  });

  test("results + passport fields → results", () => {
    const s = sheet("Лист1", [[...RESULTS_HEADER, "Контингент"]]);
    expect(recognizeSheet(s, noExtra).table!.kind).toBe("results");
  });

  test("results + primary-score fields → Баллы ВПР", () => {
    const s = sheet("Лист1", [[...RESULTS_HEADER, "Первичный балл", "Количество"]]);
    expect(recognizeSheet(s, noExtra).table!.kind).toBe("scores");
  });

  test("registry alone", () => {
    expect(recognizeSheet(registrySheet([{ id: "edu1" }]), noExtra).table!.kind).toBe("registry");
  });

  test("passport header", () => {
    expect(recognizeSheet(sheet("П", [PASSPORT_HEADER]), noExtra).table!.kind).toBe("social");
  });
});

describe("sheets that are not input", () => {
  test("hidden sheets and ignored (report) sheets are not read", () => {
    const hidden = { ...resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)], { name: "Скрытый" }), hidden: true };
    const report = resultsSheet([vpr("edu2", 2026, "rus", 5, 20, 5)], { name: "Индикаторы" });
    const r = run([hidden, report], { ignore: ["Индикаторы"] });
    expect(r.tables).toEqual([]);
    expect(r.schools).toEqual([]);
  });

  test("an empty sheet: no table, no problem", () => {
    expect(recognizeSheet(sheet("Пусто", []), noExtra)).toEqual({ table: null, problems: [] });
    expect(recognizeSheet(sheet("Пусто", [[], ["", ""]]), noExtra)).toEqual({ table: null, problems: [] });
  });

  test("a sheet of only headers: a table without rows; registry schools get «Недостаточно данных»", () => {
    const r = run([registrySheet([{ id: "edu1" }]), resultsSheet([])]);
    expect(r.tables.map((t) => [t.kind, t.rows])).toEqual([
      ["registry", 1],
      ["results", 0],
    ]);
    expect(schoolJson(r, "edu1").status).toBe("insufficient_data");
    expect(problemLines(r)).toEqual([]);
  });

  test("a registry without any results or passport: no school is classified (Appendix C)", () => {
    const r = run([registrySheet([{ id: "edu1" }])]);
    expect(r.schools).toEqual([]);
  });
});

describe("a table's rows one at a time (TableCursor)", () => {
  test("a recognised table: the same rows as its list, without the list being made", () => {
    const s = sheet("Результаты", [["Итоги"], RESULTS_HEADER, [], resultCells(vpr("edu1", 2026, "rus", 5, 20, 1)), resultCells(vpr("edu2", 2026, "rus", 5, 20, 1)), []]);
    const table = recognizeSheet(s, noExtra).table!;
    const rows = new TableCursor(table);
    const read = Array.from({ length: rows.count }, (_, k) => ({ ...rows.at(k) }));
    expect(read.map((r) => r.row)).toEqual([3, 4]);
    expect(read).toEqual(table.rows);
    expect(rows.copyOf(1)).toEqual(table.rows[1]);
  });

  test("a table given as a list is read from its list", () => {
    const list = [{ row: 7, cells: ["edu1"] }];
    const rows = new TableCursor({ kind: "registry", sheet: "Р", headerRow: 0, columns: { school_id: 0 }, percentColumns: new Set(), rows: list, merges: [] });
    expect(rows.count).toBe(1);
    expect(rows.at(0)).toBe(list[0]);
  });
});
