/** Block S (methodology.md §3, Appendix A «Years and sources»); t = 2026. */
import type { SocialRecord } from "../model/types";
import { defaultSettings, passportSheet, registrySheet, run, schoolJson, settingsSheet, type PassportRow } from "../testing/workbook-builder";
import { socialYear } from "./s-block";

describe("S1–S14 on one passport row", () => {
  // 200 pupils
  const row: PassportRow = {
    school: "a",
    year: 2026,
    pupils: 200,
    odn: 2, // S1 1 %: yellow (≥ 1)
    migr: 10, // S2 5 %: yellow (≥ 5)
    notAtt: 1, // S3 0,5 %: yellow (≥ 0,5)
    absent: 6, // S4 3 %: red (≥ 3)
    zpr: 20, // S5 10 %: red (≥ 10)
    ovz: 14, // S13 7 %: yellow (≥ 7)
    lowIncome: 70, // S10 35 %: red (≥ 35)
    singleParent: 50, // S11 25 %: yellow (≥ 25)
    higherEd: 30, // S12 15 % ↓: not < 15 → yellow (< 25)
    remote: "да", // S6 red
    small: "нет", // S7 green
    infra: "", // S8 no data
    staff: "+", // S9 red
    depressed: "−", // S14 dash → нет, green
  };
  const s = schoolJson(run([passportSheet([row])]), "a");

  test.each<[string, number | null, string]>([
    ["S1", (100 * 2) / 200, "yellow"],
    ["S2", (100 * 10) / 200, "yellow"],
    ["S3", (100 * 1) / 200, "yellow"],
    ["S4", (100 * 6) / 200, "red"],
    ["S5", (100 * 20) / 200, "red"],
    ["S6", 1, "red"],
    ["S7", 0, "green"],
    ["S8", null, "none"],
    ["S9", 1, "red"],
    ["S10", (100 * 70) / 200, "red"],
    ["S11", (100 * 50) / 200, "yellow"],
    ["S12", (100 * 30) / 200, "yellow"],
    ["S13", (100 * 14) / 200, "yellow"],
    ["S14", 0, "green"],
  ])("%s = %p (%s)", (id, value, zone) => {
    expect(s.indicators[id]).toBe(value);
    expect(s.zones[id]).toBe(zone);
  });

  test("ИСН, ИСБ and factors", () => {
    // 13 indicators with data (S8 none): yellow S1 S2 S3 S11 S12 S13 = 6·0,5 = 3; red S4 S5 S6 S9 S10 = 5 → 8/13
    expect(s.isn).toBeCloseTo((100 * 8) / 13, 12);
    expect(s.isb).toBeCloseTo(100 - (100 * 8) / 13, 12);
    expect(s.factors).toBe(5);
    expect(s.status).toBe("shnsu");
    expect(s.reasons).toContain("ИСН 61,5 ≥ 50");
    expect(s.reasons).toContain("факторов неблагополучия 5 ≥ 3 (S4, S5, S6, S9, S10)");
  });
});

describe("S12 (↓) boundaries", () => {
  test.each<[number, string]>([
    [1500, "yellow"], // 15 → not < 15
    [1499, "red"], // 14,99 < 15
    [2500, "green"], // 25 → not < 25
    [2499, "yellow"], // 24,99
  ])("%p of 10 000 → %s", (higherEd, zone) => {
    const s = schoolJson(run([passportSheet([{ school: "a", year: 2026, pupils: 10000, higherEd }])]), "a");
    expect(s.zones.S12).toBe(zone);
  });
});

describe("ИСН coverage: at least social_min_indicators (4) indicators with data", () => {
  test("3 indicators → no index; 4 (a yes/no one counts) → index", () => {
    const three = schoolJson(run([passportSheet([{ school: "a", year: 2026, pupils: 100, odn: 0, migr: 0, notAtt: 0 }])]), "a");
    expect(three.isn).toBeNull();
    expect(three.isb).toBeNull();
    const four = schoolJson(run([passportSheet([{ school: "a", year: 2026, pupils: 100, odn: 0, migr: 0, notAtt: 0, remote: "нет" }])]), "a");
    expect(four.isn).toBe(0);
  });

  test("ИСН exactly 50 → ШНСУ; 2 red factors are not enough by count", () => {
    // S1 3 % red, S2 15 % red, S3 0 green, S6 нет green → 2/4 = 50
    const s = schoolJson(run([passportSheet([{ school: "a", year: 2026, pupils: 100, odn: 3, migr: 15, notAtt: 0, remote: "нет" }])]), "a");
    expect(s.isn).toBe(50);
    expect(s.factors).toBe(2);
    expect(s.status).toBe("shnsu");
    expect(s.reasons).toEqual(["ИСН 50,0 ≥ 50"]);
  });

  test("3 red factors → ШНСУ even with ИСН < 50", () => {
    // S1, S2, S3 red; S4, S5 green; S6–S9 нет → 3/9 = 33,3
    const row: PassportRow = { school: "a", year: 2026, pupils: 100, odn: 3, migr: 15, notAtt: 2, absent: 0, zpr: 0, remote: "нет", small: "нет", infra: "нет", staff: "нет" };
    const s = schoolJson(run([passportSheet([row])]), "a");
    expect(s.isn).toBeCloseTo((100 * 3) / 9, 12);
    expect(s.factors).toBe(3);
    expect(s.status).toBe("shnsu");
    expect(s.reasons).toEqual(["факторов неблагополучия 3 ≥ 3 (S1, S2, S3)"]);
  });

  test("Контингент 0 → shares have no data", () => {
    const s = schoolJson(run([passportSheet([{ school: "a", year: 2026, pupils: 0, odn: 0 }])]), "a");
    expect(s.indicators.S1).toBeNull();
  });
});

describe("S7 from small_school_limit", () => {
  const rows: PassportRow[] = [
    { school: "small", year: 2026, pupils: 80 },
    { school: "big", year: 2026, pupils: 120 },
    { school: "limit", year: 2026, pupils: 100 },
    { school: "said_no", year: 2026, pupils: 80, small: "нет" },
  ];
  test.each<[string, number | null]>([
    ["small", 1], // 80 < 100
    ["big", 0],
    ["limit", 0], // 100 is not < 100
    ["said_no", 0], // an explicit value wins
  ])("limit 100: %s → %p", (id, value) => {
    expect(schoolJson(run([settingsSheet({ small_school_limit: 100 }), passportSheet(rows)]), id).indicators.S7).toBe(value);
  });
  test("without the limit S7 has no data", () => {
    expect(schoolJson(run([passportSheet(rows)]), "small").indicators.S7).toBeNull();
  });
});

describe("passport yes/no overrides the registry for that year", () => {
  test("registry да, passport 2026 нет → S6 = 0; passport blank → the registry's 1", () => {
    const r = run([
      registrySheet([
        { id: "a", remote: "да" },
        { id: "b", remote: "да" },
      ]),
      passportSheet([
        { school: "a", year: 2026, pupils: 100, remote: "нет" },
        { school: "b", year: 2026, pupils: 100, remote: "" },
      ]),
    ]);
    expect(schoolJson(r, "a").indicators.S6).toBe(0);
    expect(schoolJson(r, "b").indicators.S6).toBe(1);
  });

  test("registry yes/no values apply to every year (ИСН of t−1)", () => {
    // 2025: S1, S2, S3 = 0 green + S6 from the registry (да, red) → 100·1/4 = 25
    const r = run([registrySheet([{ id: "a", remote: "да" }]), passportSheet([{ school: "a", year: 2025, pupils: 100, odn: 0, migr: 0, notAtt: 0 }, { school: "a", year: 2026, pupils: 100 }])]);
    expect(schoolJson(r, "a").extra.isn_prev).toBe(25);
  });

  test("S indicators of t come from year-t rows only (no fall-back to t−1)", () => {
    const s = schoolJson(run([passportSheet([{ school: "a", year: 2025, pupils: 100, odn: 5 }]), passportSheet([{ school: "x", year: 2026, pupils: 100 }], { name: "П2" })]), "a");
    expect(s.indicators.S1).toBeNull();
  });
});

describe("monthly passport", () => {
  // 100 pupils each month; ОДН/КДН: Sep 1, Dec 2, Mar 5; absent: Sep 1, Dec 4, Mar 2
  const months = (year: string | number): PassportRow[] => [
    { school: "a", year, month: "Сентябрь", pupils: 100, odn: 1, absent: 1 },
    { school: "a", year, month: 12, pupils: 100, odn: 2, absent: 4 },
    { school: "a", year, month: "март", pupils: 100, odn: 5, absent: 2 },
  ];

  test("school year «2025/26»: months run September → August, the latest is March", () => {
    const s = schoolJson(run([passportSheet(months("2025/26"))]), "a");
    expect(s.indicators.S1).toBe(5); // March: 100·5/100
    expect(s.indicators.S4).toBe(4); // max of 1, 4, 2
  });

  test("calendar year 2026: the latest month is December", () => {
    const s = schoolJson(run([passportSheet(months(2026))]), "a");
    expect(s.indicators.S1).toBe(2); // December
  });

  test.each<[string, number]>([
    ["max", 4],
    ["mean", (1 + 4 + 2) / 3],
    ["last", 2], // March, last in school-year order
  ])("S4 by monthly_absence_rule %s → %p", (rule, value) => {
    const s = schoolJson(run([settingsSheet({ monthly_absence_rule: rule }), passportSheet(months("2025/26"))]), "a");
    expect(s.indicators.S4).toBeCloseTo(value, 12);
  });

  test("S4 applies the rule to monthly shares, not counts", () => {
    // Sep 2 of 50 = 4 %, Dec 3 of 300 = 1 % → max 4 (the max count 3 would give 1 %)
    const rows: PassportRow[] = [
      { school: "a", year: 2026, month: 9, pupils: 50, absent: 2 },
      { school: "a", year: 2026, month: 12, pupils: 300, absent: 3 },
    ];
    expect(schoolJson(run([passportSheet(rows)]), "a").indicators.S4).toBe(4);
  });

  test("a row without a month is used only when the school has no monthly rows that year", () => {
    const rows: PassportRow[] = [...months(2026), { school: "a", year: 2026, pupils: 100, odn: 50 }];
    expect(schoolJson(run([passportSheet(rows)]), "a").indicators.S1).toBe(2);
  });

  test("a month that is not a month: row skipped, reported", () => {
    const r = run([passportSheet([{ school: "a", year: 2026, month: "весна", pupils: 100, odn: 1 }])]);
    expect(r.problems).toEqual([{ sheet: "Социальный паспорт", cell: "C2", message: "«весна» в столбце «Месяц» — ожидался месяц (1–12 или название); строка пропущена" }]);
  });
});

describe("socialYear", () => {
  const counts = (absent: number) => ({ n_absent_unexcused: absent }) as SocialRecord["counts"];
  const row = (year: number, month: number | null, pupils: number, absent: number, yesNo: SocialRecord["yesNo"] = {}): SocialRecord => ({ school: "a", year, schoolYear: false, month, pupilsTotal: pupils, counts: counts(absent), yesNo });

  test("a year without monthly rows: its first row, other years ignored", () => {
    const first = row(2026, null, 100, 2, { remote: true });
    const y = socialYear([row(2025, null, 50, 1), first, row(2026, null, 300, 9), row(2027, 3, 10, 1)], 2026, defaultSettings());
    expect(y).toEqual({ pupilsTotal: 100, counts: first.counts, absenceShare: 2, yesNo: { remote: true } });
  });

  test("monthly rows of the year win over its row without month, whatever the order of rows", () => {
    const rows = [row(2026, 11, 200, 4, { small_school: false }), row(2026, null, 100, 50), row(2025, 12, 10, 10), row(2026, 2, 100, 1, { remote: true })];
    const y = socialYear(rows, 2026, defaultSettings({ monthly_absence_rule: "last" }));
    expect(y).toEqual({ pupilsTotal: 200, counts: rows[0].counts, absenceShare: 2, yesNo: { remote: true, small_school: false } });
  });

  test("no row of the year: null", () => {
    expect(socialYear([row(2025, null, 100, 1), row(2025, 4, 100, 1)], 2026, defaultSettings())).toBeNull();
  });
});
