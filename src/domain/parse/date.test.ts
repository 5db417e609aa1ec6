import fc from "fast-check";
import {
  daysBetween,
  endOfMonthIso,
  endOfPreviousMonthIso,
  isDateSerial,
  isoFromParts,
  isoToSerial,
  parseDateCell,
  parseDateText,
  serialToIso,
} from "./date";

describe("Excel serials", () => {
  it.each([
    [45292, "2024-01-01"],
    [46023, "2026-01-01"],
    [46308, "2026-10-13"],
    [44701, "2022-05-20"],
    [61, "1900-03-01"],
    [59, "1900-02-28"],
    [1, "1900-01-01"],
  ])("%d ↔ %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("drops the time of day and rejects Excel's fictitious 29.02.1900", () => {
    expect(serialToIso(46308.999)).toBe("2026-10-13");
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });

  it("round-trips every day of a leap year and a common year", () => {
    for (let s = isoToSerial("2027-12-01"); s <= isoToSerial("2029-01-31"); s++) expect(isoToSerial(serialToIso(s)!)).toBe(s);
  });

  it("takes 20000–80000 as dates (Appendix B)", () => {
    expect(isDateSerial(19999)).toBe(false);
    expect(isDateSerial(20000)).toBe(true);
    expect(isDateSerial(80000)).toBe(true);
    expect(isDateSerial(80001)).toBe(false);
  });
});

describe("parseDateText", () => {
  it.each([
    ["20.05.2022", "2022-05-20"],
    ["20.05.22", "2022-05-20"],
    ["20.05.2022 г.", "2022-05-20"],
    ["20.05.2022г", "2022-05-20"],
    ["1.9.2025", "2025-09-01"],
    ["2022-05-20", "2022-05-20"],
    ["2022–05–20", "2022-05-20"],
    [" 29.02.2028 ", "2028-02-29"],
  ])("%s → %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(["31.02.2026", "29.02.2026", "32.01.2026", "00.01.2026", "20.13.2026", "2026-02-30", "20.05", "май 2026", "20/05/2022", ""])(
    "%s is not a date",
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );
});

describe("calendar helpers", () => {
  it("last day of a month", () => {
    expect(endOfMonthIso(2026, 2)).toBe("2026-02-28");
    expect(endOfMonthIso(2028, 2)).toBe("2028-02-29");
    expect(endOfMonthIso(2026, 4)).toBe("2026-04-30");
    expect(endOfMonthIso(2026, 12)).toBe("2026-12-31");
  });

  it("end of the previous month", () => {
    expect(endOfPreviousMonthIso("2026-11-22")).toBe("2026-10-31");
    expect(endOfPreviousMonthIso("2026-01-01")).toBe("2025-12-31");
    expect(endOfPreviousMonthIso("2028-03-31")).toBe("2028-02-29");
  });

  it("days between dates, across a daylight-saving change and years", () => {
    expect(daysBetween("2026-02-28", "2026-11-22")).toBe(267);
    expect(daysBetween("2022-05-20", "2026-11-22")).toBe(1647);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-22", "2026-11-21")).toBe(-1);
  });

  it("builds only existing dates", () => {
    expect(isoFromParts(2026, 2, 29)).toBeNull();
    expect(isoFromParts(2026, 12, 31)).toBe("2026-12-31");
    expect(isoFromParts(2026, 0, 1)).toBeNull();
  });

  it("reads a date cell", () => {
    expect(parseDateCell(46308)).toBe("2026-10-13");
    expect(parseDateCell("13.10.2026")).toBe("2026-10-13");
    expect(parseDateCell(5)).toBeNull();
    expect(parseDateCell(true)).toBeNull();
  });
});

describe("properties", () => {
  it("typed dd.mm.yyyy is a date exactly when the day exists, and round-trips through serials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1960, max: 2100 }), (d, m, y) => {
        const text = `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
        const iso = parseDateText(text);
        const exists = new Date(y, m - 1, d).getDate() === d;
        expect(iso !== null).toBe(exists);
        if (iso) expect(serialToIso(isoToSerial(iso))).toBe(iso);
      }),
    );
  });
});
