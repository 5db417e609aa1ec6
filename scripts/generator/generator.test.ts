import { ARCHETYPES, generateMonitoringData } from "./index";
import { DEMO_OPTIONS } from "./demo-options";
import { section7Deadlines } from "./roadmap";
import { hashSeed, Rng, allocate } from "./random";
import type { Cell, GeneratedSheet, GeneratedWorkbook, GeneratorOptions } from "./types";

const YEARS = [2024, 2025, 2026];
const base: GeneratorOptions = { seed: 11, municipalities: 2, schoolsPerMunicipality: [20, 30], years: YEARS, roadmapEvents: 30 };

function sheet(m: GeneratedWorkbook, name: string): GeneratedSheet {
  const s = m.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Data rows of a table as objects keyed by field id. */
function records(s: GeneratedSheet): Record<string, Cell>[] {
  const t = s.table!;
  const out: Record<string, Cell>[] = [];
  for (let r = t.firstDataRow; r < t.firstDataRow + t.dataRowCount; r++) {
    const row = s.rows[r];
    out.push(Object.fromEntries(Object.entries(t.columns).map(([f, c]) => [f, row[c] ?? null])));
  }
  return out;
}

const results = (m: GeneratedWorkbook) => m.sheets.filter((s) => s.table?.kind === "results").flatMap(records);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("random", () => {
  test("mulberry32 streams are deterministic and differ by label", () => {
    const a = Rng.derive(1, "x");
    const b = Rng.derive(1, "x");
    const c = Rng.derive(1, "y");
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    expect(hashSeed(1, "x")).not.toBe(hashSeed(2, "x"));
  });

  test("allocate and multinomial keep the total", () => {
    const rng = new Rng(5);
    for (let i = 0; i < 200; i++) {
      const n = rng.int(0, 160);
      const shares = [rng.next(), rng.next(), rng.next(), rng.next()];
      expect(allocate(n, shares).reduce((s, x) => s + x, 0)).toBe(n);
      const m = rng.multinomial(n, shares);
      expect(m.reduce((s, x) => s + x, 0)).toBe(n);
      expect(m.every((x) => x >= 0)).toBe(true);
    }
  });
});

describe("determinism", () => {
  test("the same seed gives an identical model", () => {
    expect(generateMonitoringData(base)).toEqual(generateMonitoringData(base));
  });

  test("a different seed gives a different model", () => {
    const a = generateMonitoringData(base);
    const b = generateMonitoringData({ ...base, seed: 12 });
    expect(b.sheets[0].rows).not.toEqual(a.sheets[0].rows);
    expect(results(b)).not.toEqual(results(a));
  });

  test("the roadmap size does not change the schools or their results", () => {
    const a = generateMonitoringData(base);
    const b = generateMonitoringData({ ...base, roadmapEvents: 55 });
    expect(results(b)).toEqual(results(a));
    expect(sheet(b, "Реестр ОО").rows).toEqual(sheet(a, "Реестр ОО").rows);
  });
});

describe("sheets and headers (plain layout, first-listed synonyms)", () => {
  const m = generateMonitoringData(base);

  test("sheet names; no «Настройки»; the helper list sheet is hidden", () => {
    expect(m.sheets.map((s) => s.name)).toEqual(["Реестр ОО", "Результаты", "Социальный паспорт", "Дорожная карта", "Списки"]);
    expect(m.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["Списки"]);
  });

  test("headers in row 1 from column A", () => {
    expect(sheet(m, "Реестр ОО").rows[0].slice(0, 11)).toEqual([
      "Код ОО",
      "Наименование ОО",
      "Муниципалитет",
      "Тип ОО",
      "Городская/сельская",
      "Аккредитация приостановлена",
      "Удалённость",
      "Малокомплектная",
      "Дефицит инфраструктуры",
      "Кадровый дефицит",
      "Депрессивная территория",
    ]);
    expect(sheet(m, "Результаты").rows[0]).toEqual([
      "Код ОО",
      "Год",
      "Процедура",
      "Предмет",
      "Класс",
      "Кол-во участников",
      "«2»",
      "«3»",
      "«4»",
      "«5»",
      "Не преодолели минимальный порог",
      "Высокобалльники",
      "Понизили",
      "Подтвердили",
      "Повысили",
      "Средний балл",
    ]);
    expect(sheet(m, "Социальный паспорт").rows[0]).toEqual([
      "Код ОО",
      "Год",
      "Контингент",
      "На учёте в ОДН/КДН",
      "Из семей мигрантов",
      "Не аттестованы",
      "Систематически пропускают",
      "ЗПР/УО",
      "С ОВЗ",
      "Из малоимущих семей",
      "Из неполных семей",
      "Оба родителя с высшим образованием",
    ]);
    expect(sheet(m, "Дорожная карта").rows[0]).toEqual([
      "№",
      "Раздел",
      "Мероприятие",
      "Срок",
      "Ответственный",
      "Ожидаемый результат",
      "Фактический результат",
      "Дата выполнения",
      "Школа",
      "Показатель",
    ]);
  });

  test("procedures, subjects and grades", () => {
    const rows = results(m);
    const combos = new Set(rows.map((r) => `${r.procedure}|${r.subject}|${r.grade}`));
    for (const g of [4, 5, 6, 7, 8]) {
      expect(combos.has(`ВПР|Русский язык|${g}`)).toBe(true);
      expect(combos.has(`ВПР|Математика|${g}`)).toBe(true);
    }
    for (const c of ["ОГЭ|Русский язык|9", "ОГЭ|Математика|9", "ЕГЭ|Русский язык|11", "ЕГЭ|Математика профильная|11", "ЕГЭ|Математика базовая|11", "РДР|Читательская грамотность|7"])
      expect(combos.has(c)).toBe(true);
    expect([...combos].some((c) => c.startsWith("ВПР|Окружающий мир|4"))).toBe(true);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(YEARS));
  });
});

describe("two-row layout", () => {
  const m = generateMonitoringData({ ...base, layout: "two_row_headers" });

  test("titles above, tables from column B, merged group titles, units, «Итого» rows", () => {
    const res = sheet(m, "Результаты");
    const t = res.table!;
    expect(res.rows[0][1]).toMatch(/^Результаты оценочных процедур 2024–2026/);
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns.school_id).toBe(1);
    expect(res.rows[2][t.columns.mark2]).toBe("Количество участников, получивших отметку");
    expect(res.rows[3].slice(t.columns.mark2, t.columns.mark5 + 1)).toEqual(["«2»", "«3»", "«4»", "«5»"]);
    expect(res.rows[2][t.columns.participants]).toBe("Кол-во участников (чел.)");
    expect(res.merges).toContain("H3:K3");
    expect(res.merges).toContain("B3:B4");
    expect(res.rows[t.totalRow!][1]).toBe("Итого");
    expect(t.totalRow).toBe(t.firstDataRow + t.dataRowCount);
    // the total row sums the participants of the table
    const rows = records(res);
    expect(res.rows[t.totalRow!][t.columns.participants]).toBe(rows.reduce((s, r) => s + (r.participants as number), 0));

    const reg = sheet(m, "Реестр ОО");
    expect(reg.rows[2][reg.table!.columns.name]).toBe("Наименование\nОО"); // merged over both header rows
    expect(reg.rows[3][reg.table!.columns.name]).toBeNull();
    expect(reg.rows[3][reg.table!.columns.remote]).toBe("Удалённость");
    expect(reg.rows[2][reg.table!.columns.accreditation_suspended]).toBe("Факторы риска (да/нет)");
    expect(reg.rows[reg.table!.totalRow!][1]).toMatch(/^Всего ОО: \d+$/);
    expect(sheet(m, "Социальный паспорт").rows[2][3]).toBe("Контингент, чел.");
  });

  test("roadmap: section rows merged across the width, no «Раздел» column", () => {
    const rm = sheet(m, "Дорожная карта");
    const t = rm.table!;
    expect(t.columns.section).toBeUndefined();
    const sectionRows = rm.rows.slice(t.firstDataRow, t.firstDataRow + t.dataRowCount).filter((r) => r.filter((c) => c !== null).length === 1 && /^\d\. /.test(String(r[1])));
    expect(sectionRows.length).toBeGreaterThanOrEqual(3);
    expect(rm.merges!.length).toBe(sectionRows.length);
  });

  test("the same data as the plain layout", () => {
    const plain = generateMonitoringData(base);
    expect(results(m)).toEqual(results(plain));
    expect(records(sheet(m, "Реестр ОО"))).toEqual(records(sheet(plain, "Реестр ОО")));
  });
});

describe("consistent counts", () => {
  const m = generateMonitoringData(base);
  const rows = results(m);

  test("marks sum to participants; journal comparison too; ЕГЭ counts within participants", () => {
    for (const r of rows) {
      const n = r.participants as number;
      expect(Number.isInteger(n) && n > 0).toBe(true);
      if (r.mark2 !== null) expect((r.mark2 as number) + (r.mark3 as number) + (r.mark4 as number) + (r.mark5 as number)).toBe(n);
      if (r.lowered !== null) expect((r.lowered as number) + (r.confirmed as number) + (r.raised as number)).toBe(n);
      if (r.below_min !== null) {
        expect(r.below_min as number).toBeLessThanOrEqual(n);
        expect((r.below_min as number) + (r.high_81_100 as number)).toBeLessThanOrEqual(n);
      }
      if (r.procedure === "ЕГЭ" && r.subject !== "Математика базовая") expect(r.mark2).toBeNull();
      if (r.procedure === "ВПР") expect(r.lowered).not.toBeNull();
    }
  });

  test("marks as percentages convert back to the same counts", () => {
    const pct = generateMonitoringData({ ...base, marksAsPercent: true });
    const res = sheet(pct, "Результаты");
    expect(res.table!.percentFields).toEqual(["mark2", "mark3", "mark4", "mark5", "lowered", "confirmed", "raised"]);
    expect(res.rows[0][6]).toBe("«2», %");
    const back = records(res).map((r) => {
      const n = r.participants as number;
      const out = { ...r };
      for (const f of res.table!.percentFields) if (r[f] !== null) out[f] = Math.floor((n * (r[f] as number)) / 100 + 0.5);
      return out;
    });
    expect(back).toEqual(rows);
    for (const r of records(res)) if (r.mark2 !== null) expect(Math.abs((r.mark2 as number) + (r.mark3 as number) + (r.mark4 as number) + (r.mark5 as number) - 100)).toBeLessThanOrEqual(0.25);
  });

  test("social passport counts do not exceed the pupils", () => {
    for (const r of records(sheet(m, "Социальный паспорт"))) {
      const n = r.pupils_total as number;
      for (const [f, v] of Object.entries(r)) if (f.startsWith("n_")) expect(v as number).toBeLessThanOrEqual(n);
    }
  });
});

describe("realism (data.md)", () => {
  const m = generateMonitoringData({ ...base, seed: 3, municipalities: 4, schoolsPerMunicipality: [5, 40] });
  const background = (id: Cell) => !m.planted[String(id)];
  const rows = results(m).filter((r) => background(r.school_id));
  const share = (r: Record<string, Cell>, f: string) => (100 * (r[f] as number)) / (r.participants as number);
  const avg = (proc: string, subject: string, grade: number, f: string) =>
    mean(rows.filter((r) => r.procedure === proc && r.subject === subject && r.grade === grade && r[f] !== null).map((r) => share(r, f)));

  test("municipalities of 5–40 schools, at most one гимназия/лицей each", () => {
    const reg = records(sheet(m, "Реестр ОО"));
    const byMuni = new Map<string, Record<string, Cell>[]>();
    for (const r of reg) byMuni.set(String(r.municipality), [...(byMuni.get(String(r.municipality)) ?? []), r]);
    expect(byMuni.size).toBe(4);
    for (const schools of byMuni.values()) {
      expect(schools.length).toBeGreaterThanOrEqual(5);
      expect(schools.length).toBeLessThanOrEqual(40);
      expect(schools.filter((s) => s.type === "Гимназия" || s.type === "Лицей").length).toBeLessThanOrEqual(1);
    }
  });

  test("codes are ФИС ОКО logins or 10-digit ИНН, unique; names in the official style", () => {
    const ms = [m, generateMonitoringData({ ...base, codeStyle: "inn" })];
    for (const x of ms) {
      const reg = records(sheet(x, "Реестр ОО"));
      const ids = reg.map((r) => String(r.school_id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^(edu\d{6}|\d{10})$/);
      for (const r of reg) expect(String(r.name)).toMatch(/^(МБОУ|МКОУ|МАОУ|филиал МБОУ|филиал МКОУ|филиал МАОУ) /);
    }
    const inn = records(sheet(ms[1], "Реестр ОО")).map((r) => String(r.school_id));
    expect(inn.every((id) => /^\d{10}$/.test(id))).toBe(true);
    expect(records(sheet(m, "Реестр ОО")).some((r) => String(r.name).includes("«"))).toBe(true);
    expect(records(sheet(m, "Реестр ОО")).some((r) => String(r.name).includes("№"))).toBe(true);
  });

  test("ВПР «2» shares and the journal comparison are typical on average", () => {
    expect(avg("ВПР", "Математика", 5, "mark2")).toBeGreaterThan(5);
    expect(avg("ВПР", "Математика", 5, "mark2")).toBeLessThan(18);
    expect(avg("ВПР", "Русский язык", 5, "mark2")).toBeGreaterThan(7);
    expect(avg("ВПР", "Русский язык", 5, "mark2")).toBeLessThan(22);
    expect(avg("ВПР", "Русский язык", 8, "mark2")).toBeGreaterThan(9);
    expect(avg("ВПР", "Русский язык", 8, "mark2")).toBeLessThan(26);
    const q8 = mean(rows.filter((r) => r.procedure === "ВПР" && r.subject === "Математика" && r.grade === 8).map((r) => share(r, "mark4") + share(r, "mark5")));
    expect(q8).toBeGreaterThan(22);
    expect(q8).toBeLessThan(45);
    const vpr = rows.filter((r) => r.procedure === "ВПР");
    const lowered = mean(vpr.map((r) => share(r, "lowered")));
    const raised = mean(vpr.map((r) => share(r, "raised")));
    expect(lowered).toBeGreaterThan(15);
    expect(lowered).toBeLessThan(35);
    expect(raised).toBeGreaterThan(3);
    expect(raised).toBeLessThan(10);
    for (const r of vpr) {
      expect(r.participants as number).toBeGreaterThanOrEqual(3);
      expect(r.participants as number).toBeLessThanOrEqual(150);
    }
  });

  test("ОГЭ, ЕГЭ and РДР are typical on average", () => {
    const oge = avg("ОГЭ", "Математика", 9, "mark2");
    expect(oge).toBeGreaterThan(3);
    expect(oge).toBeLessThan(14);
    const ege = rows.filter((r) => r.procedure === "ЕГЭ" && r.subject === "Русский язык");
    expect(mean(ege.map((r) => share(r, "high_81_100")))).toBeGreaterThan(5);
    expect(mean(ege.map((r) => share(r, "high_81_100")))).toBeLessThan(35);
    expect(mean(ege.map((r) => share(r, "below_min")))).toBeLessThan(10);
    for (const r of ege) {
      expect(r.mean_score as number).toBeGreaterThanOrEqual(45);
      expect(r.mean_score as number).toBeLessThanOrEqual(85);
    }
    const prof = rows.filter((r) => r.procedure === "ЕГЭ" && r.subject === "Математика профильная");
    expect(mean(prof.map((r) => share(r, "below_min")))).toBeLessThan(30);
    expect(mean(prof.map((r) => share(r, "high_81_100")))).toBeLessThan(15);
    const rdr = mean(rows.filter((r) => r.procedure === "РДР").map((r) => share(r, "mark2")));
    expect(rdr).toBeGreaterThan(5);
    expect(rdr).toBeLessThan(30);
  });

  test("social passport shares are within the data.md ranges on average", () => {
    const pas = records(sheet(m, "Социальный паспорт")).filter((r) => background(r.school_id));
    const avgShare = (f: string) => mean(pas.map((r) => (100 * (r[f] as number)) / (r.pupils_total as number)));
    const ranges: Record<string, [number, number]> = {
      n_odn_kdn: [0, 5],
      n_low_russian: [0, 40],
      n_not_attested: [0, 2],
      n_absent_unexcused: [0, 6],
      n_zpr_uo: [2, 15],
      n_ovz: [2, 12],
      n_low_income: [10, 50],
      n_single_parent: [15, 40],
      n_parents_higher_ed: [5, 60],
    };
    for (const [f, [lo, hi]] of Object.entries(ranges)) {
      expect(avgShare(f)).toBeGreaterThanOrEqual(lo);
      expect(avgShare(f)).toBeLessThanOrEqual(hi);
    }
  });

  test("monthly passport: September–May rows of school years «2025/26»", () => {
    const mm = generateMonitoringData({ ...base, monthlyPassport: true });
    const pas = sheet(mm, "Социальный паспорт");
    expect(pas.rows[0].slice(0, 4)).toEqual(["Код ОО", "Год", "Месяц", "Контингент"]);
    const rs = records(pas);
    expect(new Set(rs.map((r) => r.year))).toEqual(new Set(["2023/24", "2024/25", "2025/26"]));
    expect(new Set(rs.map((r) => r.month))).toEqual(new Set([9, 10, 11, 12, 1, 2, 3, 4, 5]));
  });
});

describe("planted archetypes", () => {
  test("every archetype is planted once in a demo-sized workbook, on a registry school", () => {
    for (const opts of [base, DEMO_OPTIONS, { ...base, municipalities: 1, schoolsPerMunicipality: 25 }]) {
      const m = generateMonitoringData(opts);
      const planted = Object.values(m.planted).sort();
      expect(planted).toEqual(ARCHETYPES.map((a) => a.id).sort());
      const ids = new Set(records(sheet(m, "Реестр ОО")).map((r) => r.school_id));
      for (const id of Object.keys(m.planted)) expect(ids.has(id)).toBe(true);
    }
  });

  test("new schools: no data, or data for the report year only", () => {
    const m = generateMonitoringData(base);
    const id = (a: string) => Object.keys(m.planted).find((k) => m.planted[k] === a)!;
    const rows = results(m);
    const pas = records(sheet(m, "Социальный паспорт"));
    expect(rows.filter((r) => r.school_id === id("insufficient_new"))).toHaveLength(0);
    expect(pas.filter((r) => r.school_id === id("insufficient_new"))).toHaveLength(0);
    expect(new Set(rows.filter((r) => r.school_id === id("one_year")).map((r) => r.year))).toEqual(new Set([2026]));
    const reg = records(sheet(m, "Реестр ОО"));
    expect(String(reg.find((r) => r.school_id === id("one_year"))!.name)).toContain("(открыта в 2025 г.)");
    expect(reg.find((r) => r.school_id === id("shnor_accreditation"))!.accreditation_suspended).toBe("да");
  });

  test("without planting nothing is planted", () => {
    expect(generateMonitoringData({ ...base, plant: false }).planted).toEqual({});
  });
});

describe("roadmap", () => {
  const m = generateMonitoringData(base);
  const rm = records(sheet(m, "Дорожная карта"));

  test("numbered sections, the deadline phrasings of methodology.md §7, responsible units", () => {
    expect(rm).toHaveLength(30);
    expect(new Set(rm.map((r) => String(r.section))).size).toBeGreaterThanOrEqual(3);
    for (const r of rm) {
      expect(String(r.section)).toMatch(/^\d\. /);
      expect(String(r.number)).toMatch(/^\d\.\d+$/);
      expect(r.event).toBeTruthy();
      expect(r.responsible).toBeTruthy();
      expect(r.expected).toBeTruthy();
    }
    const dues = rm.map((r) => r.due);
    for (const d of section7Deadlines(2026)) expect(dues).toContain(d.due);
    expect(dues.some((d) => d instanceof Date)).toBe(true);
    expect(rm.filter((r) => r.actual !== null).length).toBeGreaterThanOrEqual(5);
    expect(rm.some((r) => r.done_date instanceof Date)).toBe(true);
    expect(rm.some((r) => r.actual === "нет" || r.actual === "не выполнено" || r.actual === "—")).toBe(true);
  });

  test("events naming a school name a registry school and an indicator", () => {
    const ids = new Set(records(sheet(m, "Реестр ОО")).map((r) => r.school_id));
    const named = rm.filter((r) => r.school_id !== null);
    expect(named.length).toBeGreaterThanOrEqual(1);
    for (const r of named) {
      expect(ids.has(r.school_id)).toBe(true);
      expect(String(r.indicator)).toMatch(/^(R[1-6]|R3a|R3b|S\d+)$/);
    }
  });

  test("20–60 events and none when asked for none", () => {
    for (const n of [20, 60]) expect(records(sheet(generateMonitoringData({ ...base, roadmapEvents: n }), "Дорожная карта"))).toHaveLength(n);
    expect(generateMonitoringData({ ...base, roadmapEvents: 0 }).sheets.map((s) => s.name)).not.toContain("Дорожная карта");
  });
});

describe("splitting the results over several sheets", () => {
  test.each(["plain", "two_row_headers"] as const)("%s: same header on every sheet, no row lost", (layout) => {
    const whole = generateMonitoringData({ ...base, layout });
    const split = generateMonitoringData({ ...base, layout, maxRowsPerSheet: 700 });
    const sheets = split.sheets.filter((s) => s.table?.kind === "results");
    const total = whole.meta.resultRowCount;
    expect(sheets.map((s) => s.name)).toEqual(Array.from({ length: Math.ceil(total / 700) }, (_, i) => `Результаты ${i + 1}`));
    const header = (s: GeneratedSheet) => s.table!.headerRows.map((r) => s.rows[r]);
    for (const s of sheets) {
      expect(header(s)).toEqual(header(sheets[0]));
      expect(s.table!.dataRowCount).toBeLessThanOrEqual(700);
    }
    expect(header(sheets[0])).toEqual(header(whole.sheets.find((s) => s.name === "Результаты")!));
    expect(sheets.reduce((n, s) => n + s.table!.dataRowCount, 0)).toBe(total);
    expect(sheets.flatMap(records)).toEqual(results(whole));
  });
});

describe("years", () => {
  test("two years plant what two years allow; one year plants nothing", () => {
    const two = generateMonitoringData({ ...base, years: [2025, 2026] });
    const need3 = ARCHETYPES.filter((a) => a.minYears === 3).map((a) => a.id);
    expect(need3.length).toBeGreaterThan(0);
    expect(Object.values(two.planted).sort()).toEqual(ARCHETYPES.filter((a) => a.minYears <= 2).map((a) => a.id).sort());
    expect(generateMonitoringData({ ...base, years: [2026] }).planted).toEqual({});
  });

  test("municipality names stay unique in big workbooks", () => {
    const m = generateMonitoringData({ ...base, municipalities: 60, schoolsPerMunicipality: 5, roadmapEvents: 0 });
    expect(new Set(m.meta.municipalities).size).toBe(60);
  });
});
