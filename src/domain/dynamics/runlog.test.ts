import { transitionsBook } from "../../../test/support/dynamics-book";
import type { RoadmapEvent } from "../roadmap/types";
import { run } from "../testing/workbook-builder";
import { decodeRunRecord, encodeRunRecord, lastRun, LOG_DATA_COL, logRecordText, overdueKey, round1, runRecord, type RunRecord } from "./runlog";

const event = (row: number, text: string, status: RoadmapEvent["status"], due: string | null = "2026-10-01") => ({ sheet: "Дорожная карта", row, event: text, due, status }) as RoadmapEvent;

describe("the run record kept in «Журнал»", () => {
  it("round-trips statuses, flags, ИНР and ИСН with one decimal, and overdue events", () => {
    const result = run(transitionsBook());
    const roadmap = [event(5, "Совещание", "overdue"), event(6, "Семинар", "done")];
    const record = runRecord(result.schools, roadmap);
    const decoded = decodeRunRecord(encodeRunRecord(record));
    expect(decoded).toEqual(record);
    expect(decoded.schools.get("J")).toEqual({ status: "shnor_shnsu", flags: ["basic_failing"], inr: 33.3, isn: 37.5 });
    expect(decoded.schools.get("A")).toEqual({ status: "shnor", flags: ["basic_failing"], inr: 33.3, isn: null });
    expect(decoded.roadmap).toEqual({ events: 2, overdue: [{ row: 5, key: overdueKey(roadmap[0]) }] });
  });

  it("is compact: «!v=2;id=status/flags/inr/isn;…;!r=n;!o=row:key»", () => {
    const record: RunRecord = {
      version: 2,
      schools: new Map([
        ["edu1", { status: "shnor", flags: ["risk_zone", "one_year"], inr: 62.5, isn: null }],
        ["edu2", { status: "no_risk", flags: [], inr: 0, isn: 12 }],
      ]),
      roadmap: { events: 3, overdue: [{ row: 7, key: "0badc0de" }] },
    };
    expect(encodeRunRecord(record)).toBe("!v=2;edu1=shnor/risk_zone,one_year/62.5/;edu2=no_risk//0/12;!r=3;!o=7:0badc0de");
  });

  it("escapes the separators in school codes", () => {
    const record: RunRecord = { version: 2, schools: new Map([["a;b=c!d%e", { status: "no_risk", flags: [], inr: null, isn: null }]]), roadmap: null };
    const text = encodeRunRecord(record);
    expect(text).toBe("!v=2;a%3Bb%3Dc%21d%25e=no_risk///");
    expect(decodeRunRecord(text)).toEqual(record);
  });

  it("reads rows of the first format (statuses and flags only, no indices, no roadmap)", () => {
    const old = decodeRunRecord("edu1=shnor/risk_zone,basic_failing;edu2=no_risk;edu3=shnsu");
    expect(old.version).toBe(1);
    expect(old.roadmap).toBeNull();
    expect([...old.schools]).toEqual([
      ["edu1", { status: "shnor", flags: ["risk_zone", "basic_failing"] }],
      ["edu2", { status: "no_risk", flags: [] }],
      ["edu3", { status: "shnsu", flags: [] }],
    ]);
  });

  it("skips broken items instead of guessing", () => {
    const r = decodeRunRecord(";;garbage;=x;edu1=;edu2=no_risk/;!o=12;!zz=1");
    expect([...r.schools.keys()]).toEqual(["edu2"]);
    expect(r.roadmap).toBeNull();
  });

  it("rounds to one decimal", () => {
    expect([round1(33.333), round1(62.45), round1(null), round1(0)]).toEqual([33.3, 62.5, null, 0]);
  });

  it("an overdue event keeps its identity when rows move, not when its text or due date change", () => {
    const a = overdueKey({ sheet: "ДК", event: "Совещание", due: "2026-10-01" });
    expect(overdueKey({ sheet: "ДК", event: "Совещание", due: "2026-10-01" })).toBe(a);
    expect(overdueKey({ sheet: "ДК", event: "Совещание", due: "2026-11-01" })).not.toBe(a);
    expect(overdueKey({ sheet: "ДК", event: "Совещание директоров", due: "2026-10-01" })).not.toBe(a);
    expect(overdueKey({ sheet: "ДК 2", event: "Совещание", due: "2026-10-01" })).not.toBe(a);
  });

  describe("log rows", () => {
    const row = (time: string | number, data: string[]) => [time, "1.0", 2026, "2026-11-22", "abcd", "", 0, "", ...data];

    it("joins the record from the cells it was split over, without trimming", () => {
      expect(LOG_DATA_COL).toBe(8);
      expect(logRecordText(row("t", ["!v=2;a=no_risk//1/", " b=shnor//2/"]))).toBe("!v=2;a=no_risk//1/ b=shnor//2/");
    });

    it("takes the last non-blank row, with its time and report year", () => {
      const rows = [row("2026-10-01 10:00:00", ["a=shnor"]), row("2026-11-01 10:00:00", ["a=no_risk"]), ["", "", ""]];
      const last = lastRun(rows)!;
      expect(last.time).toBe("2026-11-01 10:00:00");
      expect(last.reportYear).toBe(2026);
      expect(last.record.schools.get("a")!.status).toBe("no_risk");
      expect(lastRun([])).toBeNull();
    });

    it("writes back a time stamp Excel turned into a date-time number", () => {
      // 46350.5 = 2026-11-24 12:00:00
      expect(lastRun([row(46350.5, [])])!.time).toBe("2026-11-24 12:00:00");
    });
  });
});
