import { transitionsBook } from "../../../test/support/dynamics-book";
import { decodeRunRecord, lastRun, LOG_DATA_COL, logRecordText, runRecord } from "../dynamics/runlog";
import { run } from "../testing/workbook-builder";
import { buildLogSheet, decodeStatuses, LOG_HEADER, previousLogRows } from "./log";

const stamp = { time: "2026-11-24 09:30:00", version: "1.2.3" };

describe("«Журнал»", () => {
  const result = run(transitionsBook());

  it("keeps the run record from LOG_DATA_COL, as runlog.ts reads it", () => {
    expect(LOG_HEADER.length - 1).toBe(LOG_DATA_COL);
    const sheet = buildLogSheet(result, [], stamp);
    expect(sheet.values[0].slice(0, LOG_HEADER.length)).toEqual(LOG_HEADER);
    const row = sheet.values[1];
    expect(row.slice(0, 5)).toEqual(["2026-11-24 09:30:00", "1.2.3", 2026, "2026-11-22", expect.stringMatching(/^[0-9a-f]{8}$/)]);
    expect(decodeRunRecord(logRecordText(row as never))).toEqual(runRecord(result.schools, result.roadmap));
  });

  it("keeps earlier rows as they were, old-format rows included, and appends one row", () => {
    const old = ["2026-10-24 09:15:03", "0.1.0", 2026, "2026-10-24", "abcd1234", "", 0, "", "A=shnor/basic_failing;B=risk_zone/risk_zone"];
    const sheet = buildLogSheet(result, [old], stamp);
    expect(sheet.values).toHaveLength(3);
    expect(sheet.values[1]).toEqual(old);
    expect(decodeStatuses(old)).toEqual(
      new Map([
        ["A", { status: "shnor", flags: ["basic_failing"] }],
        ["B", { status: "risk_zone", flags: ["risk_zone"] }],
      ]),
    );
    expect(decodeStatuses(sheet.values[2] as never).get("J")).toEqual({ status: "shnor_shnsu", flags: ["basic_failing"] });
    // Read back through the sheet: the last row is this run.
    const back = previousLogRows({ values: sheet.values.map((r) => r.map((c) => c ?? "")) });
    expect(lastRun(back)!.time).toBe("2026-11-24 09:30:00");
  });

  it("splits a long record over cells of at most 30,000 characters", () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({ ...result.schools[i % result.schools.length], school: { ...result.schools[0].school, id: `edu${100000 + i}` } }));
    const big = { ...result, schools: many };
    const row = buildLogSheet(big, [], stamp).values[1];
    const cells = row.slice(LOG_DATA_COL).filter((c) => c !== null && c !== "");
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((c) => String(c).length <= 30_000)).toBe(true);
    expect(decodeRunRecord(logRecordText(row as never)).schools.size).toBe(1500);
  });
});
