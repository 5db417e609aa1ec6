import { transitionsBook } from "../../../test/support/dynamics-book";
import type { RoadmapEvent } from "../roadmap/types";
import { run } from "../testing/workbook-builder";
import { computeChanges, hasChanges, noChanges } from "./changes";
import { runRecord, type PreviousRun, type RunRecord } from "./runlog";

const event = (row: number, text: string, status: RoadmapEvent["status"], due: string | null = "2026-10-01") => ({ sheet: "Дорожная карта", row, event: text, due, status }) as RoadmapEvent;
const previous = (record: RunRecord): PreviousRun => ({ time: "2026-10-24 09:15:03", reportYear: 2026, record });

describe("«что изменилось» since the previous run", () => {
  const result = run(transitionsBook());
  const roadmap = [event(5, "Совещание", "overdue"), event(6, "Семинар", "overdue"), event(7, "Отчёт", "in_progress")];
  const same = () => runRecord(result.schools, roadmap);

  it("the first run has nothing to compare with", () => {
    expect(computeChanges(null, result.schools, roadmap)).toEqual(noChanges());
  });

  it("an unchanged workbook has no changes, only the time of the previous run", () => {
    const c = computeChanges(previous(same()), result.schools, roadmap);
    expect(c).toEqual(noChanges("2026-10-24 09:15:03"));
    expect(hasChanges(c)).toBe(false);
  });

  it("lists new and removed statuses and flags, changed indices and newly overdue events", () => {
    const before = same();
    before.schools.set("A", { status: "risk_zone", flags: ["risk_zone"], inr: 33.3, isn: null }); // A was risk zone
    before.schools.set("D", { ...before.schools.get("D")!, inr: 0.04 }); // below one decimal is not a change…
    before.schools.set("G", { ...before.schools.get("G")!, isn: 37.4 }); // …0.1 is
    before.schools.set("I", { ...before.schools.get("I")!, isn: null }); // ИСН newly computed
    before.roadmap = { events: 3, overdue: [before.roadmap!.overdue[0]] }; // «Семинар» was not overdue
    const c = computeChanges(previous(before), result.schools, roadmap);
    expect(c).toEqual({
      previous_run: "2026-10-24 09:15:03",
      status_changes: [{ school_id: "A", from: "risk_zone", to: "shnor" }],
      flags_added: [{ school_id: "A", flag: "basic_failing" }],
      flags_removed: [{ school_id: "A", flag: "risk_zone" }],
      index_changes: [
        { school_id: "G", index: "isn", from: 37.4, to: 37.5 },
        { school_id: "I", index: "isn", from: null, to: 37.5 },
      ],
      newly_overdue: [{ sheet: "Дорожная карта", row: 6, event: "Семинар" }],
    });
  });

  it("a school new in the data goes from null, one no longer there goes to null", () => {
    const before = same();
    before.schools.delete("B");
    before.schools.set("Z", { status: "shnsu", flags: ["one_year"], inr: null, isn: 60 });
    const c = computeChanges(previous(before), result.schools, roadmap);
    expect(c.status_changes).toEqual([
      { school_id: "B", from: null, to: "shnor" },
      { school_id: "Z", from: "shnsu", to: null },
    ]);
    expect(c.flags_added).toEqual([{ school_id: "B", flag: "basic_failing" }]);
    expect(c.flags_removed).toEqual([{ school_id: "Z", flag: "one_year" }]);
    expect(c.index_changes).toEqual([]);
  });

  it("an overdue event moved to another row is not new; one whose due date changed is", () => {
    const before = runRecord(result.schools, [event(15, "Совещание", "overdue"), event(16, "Семинар", "overdue", "2026-09-30")]);
    const c = computeChanges(previous(before), result.schools, roadmap);
    expect(c.newly_overdue).toEqual([{ sheet: "Дорожная карта", row: 6, event: "Семинар" }]);
  });

  it("two overdue events with the same text and date count separately", () => {
    const twice = [event(5, "Совещание", "overdue"), event(9, "Совещание", "overdue")];
    const before = runRecord(result.schools, [event(5, "Совещание", "overdue")]);
    expect(computeChanges(previous(before), result.schools, twice).newly_overdue).toEqual([{ sheet: "Дорожная карта", row: 9, event: "Совещание" }]);
  });

  it("compares schools only when both runs had school data, overdue events only when both had a roadmap", () => {
    const roadmapOnly: RunRecord = { version: 2, schools: new Map(), roadmap: null };
    expect(computeChanges(previous(roadmapOnly), result.schools, roadmap)).toEqual(noChanges("2026-10-24 09:15:03"));
    expect(computeChanges(previous(same()), [], [])).toEqual(noChanges("2026-10-24 09:15:03"));
  });

  it("a row of the first format gives status and flag changes, no index changes and no overdue events", () => {
    const old: RunRecord = { version: 1, schools: new Map([...same().schools].map(([id, s]) => [id, { status: s.status, flags: s.flags }])), roadmap: null };
    old.schools.set("C", { status: "shnor", flags: [] });
    const c = computeChanges(previous(old), result.schools, roadmap);
    expect(c.status_changes).toEqual([{ school_id: "C", from: "shnor", to: "risk_zone" }]);
    expect(c.flags_added).toEqual([{ school_id: "C", flag: "risk_zone" }]);
    expect(c.index_changes).toEqual([]);
    expect(c.newly_overdue).toEqual([]);
  });
});
