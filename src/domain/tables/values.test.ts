/** Values and data problems (workbook.md §2, §6): every problem names its sheet and cell. */
import {
  ege,
  oge,
  passportSheet,
  problemLines,
  registrySheet,
  RESULTS_HEADER,
  resultsSheet,
  run,
  schoolJson,
  settingsSheet,
  sheet,
  vpr,
  type ResultRow,
} from "../testing/workbook-builder";

/** R4.rus5 and the problems for one ВПР rus-5 row of edu1 in 2026 (row 2 of «Результаты»). */
function oneRow(row: Partial<ResultRow>) {
  const r = run([resultsSheet([{ ...vpr("edu1", 2026, "rus", 5, 20, 5), ...row }])]);
  const school = r.schools.length ? schoolJson(r, "edu1") : null;
  return { value: school?.indicators["R4.rus5"] ?? null, problems: problemLines(r), result: r };
}

describe("marks as percentages give the same result as counts", () => {
  // Counts: n = 20, «2» 5, «3» 8, «4» 5, «5» 2 → R4.rus5 = 100·5/20 = 25; quality 100·7/20 = 35.
  const counts = vpr("edu1", 2026, "rus", 5, 20, 5, { m3: 8, m4: 5, m5: 2 });
  const asCounts = run([resultsSheet([counts])]);

  test("counts", () => {
    expect(schoolJson(asCounts, "edu1").indicators["R4.rus5"]).toBe(25);
    expect(asCounts.notes.some((n) => n.includes("процентах"))).toBe(false);
  });

  test("«%» in the mark headers", () => {
    const header = RESULTS_HEADER.map((h) => (/^«[2-5]»$/.test(h) ? `${h}, %` : h));
    const r = run([resultsSheet([{ ...counts, m2: 25, m3: 40, m4: 25, m5: 10 }], { header })]);
    expect(schoolJson(r, "edu1").indicators["R4.rus5"]).toBe(25);
    expect(r.notes.some((n) => n.includes("«2»–«5»") && n.includes("процентах"))).toBe(true);
    expect(problemLines(r)).toEqual([]);
  });

  test("a «%» in one cell makes the whole mark group percent", () => {
    const r = run([resultsSheet([{ ...counts, m2: "25%", m3: 40, m4: 25, m5: 10 }])]);
    expect(schoolJson(r, "edu1").indicators["R4.rus5"]).toBe(25);
    expect(problemLines(r)).toEqual([]);
  });

  test("the fractional-sum rule: values ≤ 100, one fractional, rows summing to 100 ± 1", () => {
    // n = 8: 12,5 / 37,5 / 37,5 / 12,5 → «2» = floor(8·12.5/100 + 0.5) = floor(1.5) = 1 → 100·1/8 = 12.5
    const row = vpr("edu1", 2026, "rus", 5, 8, "12,5", { m3: "37,5", m4: "37,5", m5: "12,5" });
    const r = run([resultsSheet([row])]);
    expect(schoolJson(r, "edu1").indicators["R4.rus5"]).toBe(12.5);
    // The same as the count row 1/3/3/1:
    const c = run([resultsSheet([vpr("edu1", 2026, "rus", 5, 8, 1, { m3: 3, m4: 3, m5: 1 })])]);
    expect(schoolJson(c, "edu1").indicators["R4.rus5"]).toBe(12.5);
  });

  test("integer values summing to 100 without any «%» are counts (and 25 > 20 is a problem)", () => {
    const r = run([resultsSheet([{ ...counts, m2: 25, m3: 40, m4: 25, m5: 10 }])]);
    expect(schoolJson(r, "edu1").indicators["R4.rus5"]).toBeNull();
    expect(problemLines(r)).toContain("Результаты!G2: «2» = 25 больше числа участников 20; значение не учтено (нет данных)");
  });

  test("journal group in percent by a «%» header: Понизили/Подтвердили/Повысили", () => {
    // n = 20; 10 % / 70 % / 20 % → 2 / 14 / 4 → R6a = 100·2/20 = 10, R6b = 100·4/20 = 20, R6 = 20
    const header = RESULTS_HEADER.map((h) => (["Понизили", "Подтвердили", "Повысили"].includes(h) ? `${h} (%)` : h));
    const r = run([resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 0, { lowered: 10, confirmed: 70, raised: 20 })], { header })]);
    const s = schoolJson(r, "edu1");
    expect([s.indicators.R6a, s.indicators.R6b, s.indicators.R6]).toEqual([10, 20, 20]);
  });

  test("below_min in percent only when its own header has «%»; a «%» cell otherwise is a problem", () => {
    // ЕГЭ rus n = 40, 5 % below → floor(40·5/100 + 0.5) = 2 → R3a = 100·2/40 = 5
    const header = RESULTS_HEADER.map((h) => (h === "Не преодолели минимальный порог" ? "Не преодолели минимальный порог, %" : h));
    const withHeader = run([resultsSheet([ege("edu1", 2026, "rus", 40, { below: 5 })], { header })]);
    expect(schoolJson(withHeader, "edu1").indicators.R3a).toBe(5);
    const withCell = run([resultsSheet([ege("edu1", 2026, "rus", 40, { below: "5%" })])]);
    expect(schoolJson(withCell, "edu1").indicators.R3a).toBeNull();
    expect(problemLines(withCell)).toEqual([
      "Результаты!K2: «5%» в столбце «Не преодолели минимальный порог» — проценты допускаются, только если в заголовке столбца есть «%»; значение не учтено (нет данных)",
    ]);
  });
});

describe("bad values in results (workbook.md §6)", () => {
  test("«12,5%» in participants: the row is skipped, reported at its cell", () => {
    const { value, problems, result } = oneRow({ n: "12,5%" });
    expect(value).toBeNull();
    expect(result.schools).toEqual([]); // the only row was skipped: no school seen
    expect(problems).toEqual(["Результаты!F2: «12,5%» в столбце «Кол-во участников» — ожидалось целое неотрицательное число; строка пропущена"]);
  });

  test("a fractional or empty participants cell skips the row", () => {
    expect(oneRow({ n: "20,5" }).problems).toEqual(["Результаты!F2: «20,5» в столбце «Кол-во участников» — ожидалось целое неотрицательное число; строка пропущена"]);
    expect(oneRow({ n: "" }).problems).toEqual(["Результаты!F2: «» в столбце «Кол-во участников» — ожидалось целое неотрицательное число; строка пропущена"]);
  });

  test("a mark above participants: problem naming the cell, value treated as no data", () => {
    const { value, problems } = oneRow({ n: 28, m2: 31 });
    expect(value).toBeNull();
    expect(problems).toEqual(["Результаты!G2: «2» = 31 больше числа участников 28; значение не учтено (нет данных)"]);
  });

  test("negative numbers: a mark → no data; participants → row skipped", () => {
    expect(oneRow({ m2: -1 })).toMatchObject({ value: null, problems: ["Результаты!G2: «-1» в столбце «2» — ожидалось целое неотрицательное число; значение не учтено (нет данных)"] });
    expect(oneRow({ n: "−5" }).problems).toEqual(["Результаты!F2: «−5» в столбце «Кол-во участников» — ожидалось целое неотрицательное число; строка пропущена"]);
  });

  test("Excel error values in English and Russian", () => {
    expect(oneRow({ m2: "#Н/Д" })).toMatchObject({ value: null, problems: ["Результаты!G2: ошибка Excel «#Н/Д» в столбце «2»; значение не учтено (нет данных)"] });
    expect(oneRow({ m2: "#N/A" }).problems).toEqual(["Результаты!G2: ошибка Excel «#N/A» в столбце «2»; значение не учтено (нет данных)"]);
    expect(oneRow({ n: "#ДЕЛ/0!" }).problems).toEqual(["Результаты!F2: ошибка Excel «#ДЕЛ/0!» в столбце «Кол-во участников»; строка пропущена"]);
  });

  test("text numbers: comma decimals, NBSP thousands, dashes and «нет данных»", () => {
    // «1 200» participants, «300» «2» → 100·300/1200 = 25
    expect(oneRow({ n: "1\u00a0200", m2: "300" })).toMatchObject({ value: 25, problems: [] });
    // a dash or «нет данных» in a mark is no data, silently
    expect(oneRow({ m2: "—" })).toMatchObject({ value: null, problems: [] });
    expect(oneRow({ m2: "нет данных" })).toMatchObject({ value: null, problems: [] });
    // garbage is reported
    expect(oneRow({ m2: "пять" }).problems).toEqual(["Результаты!G2: «пять» в столбце «2» — ожидалось целое неотрицательное число; значение не учтено (нет данных)"]);
  });

  test("years and grades as written", () => {
    // «2025/26» → 2026; «5А» → 5
    expect(oneRow({ year: "2025/26", grade: "5А" }).value).toBe(25);
    expect(oneRow({ year: "2025-2026 уч. г." }).value).toBe(25);
    expect(oneRow({ year: "двадцать шестой" }).problems).toEqual(["Результаты!B2: «двадцать шестой» в столбце «Год» — ожидался год (2026, «2025/26»); строка пропущена"]);
    expect(oneRow({ grade: "" }).problems).toEqual(["Результаты!E2: не указан класс; строка пропущена"]);
    expect(oneRow({ grade: "12" }).problems).toEqual(["Результаты!E2: «12» в столбце «Класс» — ожидался номер класса; строка пропущена"]);
  });

  test("ОГЭ without a grade is 9 and ЕГЭ is 11", () => {
    const r = run([resultsSheet([{ ...oge("edu1", 2026, "rus", 20, 4), grade: "" }, { ...ege("edu1", 2026, "rus", 20, { below: 1 }), grade: "" }])]);
    expect(problemLines(r)).toEqual([]);
    const s = schoolJson(r, "edu1");
    expect(s.indicators.R3b).toBe(20); // 100·4/20
    expect(s.indicators.R3a).toBe(5); // 100·1/20
  });

  test("unknown procedure, ГВЭ and ЕГЭ «Математика» without a level are reported and skipped", () => {
    const r = run([
      resultsSheet([
        vpr("edu1", 2026, "rus", 5, 20, 5),
        { school: "edu1", year: 2026, proc: "Контрольная", subject: "Русский язык", grade: 5, n: 20, m2: 20 },
        { school: "edu1", year: 2026, proc: "ГВЭ", subject: "Русский язык", grade: 9, n: 20, m2: 20 },
        { school: "edu1", year: 2026, proc: "ЕГЭ", subject: "Математика", grade: 11, n: 20, below: 20 },
      ]),
    ]);
    expect(problemLines(r)).toEqual([
      "Результаты!C3: процедура «Контрольная» не известна (ожидалось ВПР, ОГЭ, ЕГЭ, РДР); строка пропущена",
      "Результаты!C4: ГВЭ не входит в показатели методики; строка пропущена",
      "Результаты!D5: ЕГЭ: предмет «Математика» без уровня — укажите «Математика профильная» или «Математика базовая»; строка пропущена",
    ]);
    const s = schoolJson(r, "edu1");
    expect(s.indicators["R4.rus5"]).toBe(25);
    expect(s.indicators.R3a).toBeNull();
    expect(s.indicators.R3b).toBeNull();
  });

  test("rows with the same key are summed; a field one of them lacks is «нет данных» and reported", () => {
    const r = run([
      resultsSheet([
        vpr("edu1", 2026, "rus", "5А", 10, 1, { lowered: 1, confirmed: 9, raised: 0 }),
        vpr("edu1", 2026, "rus", "5Б", 12, 2, { lowered: 3, confirmed: 8, raised: "" }),
      ]),
    ]);
    const s = schoolJson(r, "edu1");
    expect(s.indicators["R4.rus5"]).toBeCloseTo((100 * 3) / 22, 12); // 100·(1+2)/(10+12) = 13.636…
    expect(s.extra.n["R4.rus5"]).toBe(22);
    expect(s.indicators.R6).toBeNull(); // «Повысили» unknown in row 3 → the sum is unknown
    expect(problemLines(r)).toEqual(["Результаты!O3: при сложении строк с одинаковым ключом в столбце «Повысили» есть пустые значения — сумма неизвестна (нет данных)"]);
    expect(r.notes).toContain("строки с одинаковыми ключом (школа × год × процедура × предмет × класс) сложены: 2");
  });
});

describe("registry problems", () => {
  test("a duplicate code: reported with both rows, the first row kept", () => {
    const r = run([
      registrySheet([
        { id: "0412", name: "Первая" },
        { id: "edu2", name: "Вторая" },
        { id: "0412", name: "Дубль" },
      ]),
      resultsSheet([vpr("0412", 2026, "rus", 5, 20, 5)]),
    ]);
    expect(problemLines(r)).toEqual(["Реестр ОО!A4: Реестр ОО: код 0412 встречается дважды (строки 2 и 4); использована первая строка"]);
    expect(r.schools.map((s) => [s.school.id, s.school.name])).toEqual([
      ["0412", "Первая"],
      ["edu2", "Вторая"],
    ]);
  });

  test("a school in results missing from the registry is included after the registry's schools and reported", () => {
    const r = run([registrySheet([{ id: "edu2" }, { id: "edu1" }]), resultsSheet([vpr("edu9", 2026, "rus", 5, 20, 5), vpr("edu1", 2026, "rus", 5, 20, 5)])]);
    expect(r.schools.map((s) => s.school.id)).toEqual(["edu2", "edu1", "edu9"]);
    expect(problemLines(r)).toEqual(["Результаты!A2: код ОО edu9 есть на листе «Результаты», но его нет в реестре; школа добавлена в расчёт"]);
    // every registry school appears, with «нет данных» where it has none
    const edu2 = schoolJson(r, "edu2");
    expect(edu2.indicators.R4).toBeNull();
    expect(edu2.status).toBe("insufficient_data");
  });

  test("without a registry, schools come from the data tables in order of appearance, unreported", () => {
    const r = run([resultsSheet([vpr("edu3", 2026, "rus", 5, 20, 5), vpr("edu1", 2026, "rus", 5, 20, 5)]), passportSheet([{ school: "edu7", year: 2026, pupils: 100 }])]);
    expect(r.schools.map((s) => s.school.id)).toEqual(["edu3", "edu1", "edu7"]);
    expect(problemLines(r)).toEqual([]);
  });

  test("an unreadable yes/no value is reported and taken as no data", () => {
    const r = run([registrySheet([{ id: "edu1", remote: "может быть" }]), resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)])]);
    expect(problemLines(r)).toEqual(["Реестр ОО!F2: «может быть» в столбце «Удалённость» — ожидалось «да» или «нет»; принято «нет данных»"]);
    expect(schoolJson(r, "edu1").indicators.S6).toBeNull();
  });
});

describe("social passport values", () => {
  test("a percentage or fraction in «Контингент» is reported and the shares have no data", () => {
    const r = run([passportSheet([{ school: "edu1", year: 2026, pupils: "12,5%", odn: 1 }])]);
    expect(problemLines(r)).toEqual(["Социальный паспорт!D2: «12,5%» в столбце «Контингент» — ожидалось целое неотрицательное число; значение не учтено (нет данных)"]);
    expect(schoolJson(r, "edu1").indicators.S1).toBeNull();
  });

  test("counts in a «%» column are converted with Контингент", () => {
    // 200 pupils, 1,5 % on the ОДН/КДН register → floor(200·1.5/100 + 0.5) = 3 → S1 = 100·3/200 = 1.5
    const header = ["Код ОО", "Год", "Контингент", "На учёте в ОДН/КДН, %"];
    const r = run([sheet("Паспорт", [header, ["edu1", 2026, 200, "1,5"]])]);
    expect(schoolJson(r, "edu1").indicators.S1).toBe(1.5);
  });
});

describe("«Настройки»", () => {
  test("invalid values are reported with their cell and the default is used", () => {
    const r = run([
      settingsSheet({ min_n_scored: "пять", scoring_mode: "рейтинг", index_coverage: "40%", zone_R4_red: "25,5", vpr_grades: "5, 13", nonsense: 1 }),
      resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)]),
    ]);
    expect(problemLines(r)).toEqual([
      "Настройки!A7: параметр «nonsense» не известен; строка не учитывается",
      "Настройки!B3: параметр scoring_mode: «рейтинг» — ожидалось absolute или relative; использовано значение по умолчанию",
      "Настройки!B2: параметр min_n_scored: «пять» — ожидалось целое неотрицательное число; использовано значение по умолчанию",
      "Настройки!B6: параметр vpr_grades: «5, 13» — ожидалось номера классов через запятую, например «5, 8»; использовано значение по умолчанию",
    ]);
    expect(r.settings.minNScored).toBe(5);
    expect(r.settings.scoringMode).toBe("absolute");
    expect(r.settings.indexCoverage).toBe(40);
    expect(r.settings.zones.R4.red).toBe(25.5);
    expect(r.settings.vprGrades).toEqual([5, 8]);
    // R4.rus5 = 25 < 25,5 → yellow under the changed red cut-off
    expect(schoolJson(r, "edu1").zones["R4.rus5"]).toBe("yellow");
  });

  test("an unknown field in «Сопоставление» is reported", () => {
    const r = run([settingsSheet({}, [["pupils", "Ученики"]]), resultsSheet([vpr("edu1", 2026, "rus", 5, 20, 5)])]);
    expect(problemLines(r)).toEqual(["Настройки!A4: поле «pupils» в «Сопоставлении» не известно; строка не учитывается"]);
  });

  test("report year without the setting: results, else passport, else the report date (Appendix C)", () => {
    expect(run([resultsSheet([vpr("a", 2025, "rus", 5, 20, 5)]), passportSheet([{ school: "a", year: 2027, pupils: 100 }])]).reportYear).toBe(2025);
    expect(run([passportSheet([{ school: "a", year: "2024/25", pupils: 100 }])]).reportYear).toBe(2025);
    expect(run([registrySheet([{ id: "a" }])], { reportDate: "2031-03-01" }).reportYear).toBe(2031);
  });

  test("report_year setting wins over the largest year", () => {
    const r = run([settingsSheet({ report_year: "2025/26" }), resultsSheet([vpr("edu1", 2027, "rus", 5, 20, 5)])]);
    expect(r.reportYear).toBe(2026);
  });
});
