import { computeExecution } from "./execution";
import type { RoadmapEvent } from "./types";

let nextRow = 2;

/** A due-so-far flag is what readRoadmap derives from the due date and the report date. */
function event(over: Partial<RoadmapEvent>): RoadmapEvent {
  return {
    sheet: "ДК",
    row: nextRow++,
    dueCell: "C2",
    number: null,
    section: null,
    event: "x",
    dueText: "",
    dueKind: "once",
    dueForm: "month",
    due: "2026-05-31",
    responsible: null,
    expected: null,
    actual: null,
    fact: false,
    doneDate: null,
    schoolId: null,
    indicator: null,
    schoolCell: null,
    indicatorCell: null,
    indicatorId: null,
    effect: null,
    rowKey: "",
    status: "overdue",
    daysOverdue: 1,
    warning: null,
    dueSoFar: true,
    ...over,
  };
}

describe("computeExecution", () => {
  it("counts due so far, done and on time; shares are 100·x/n", () => {
    const events = [
      event({ fact: true, doneDate: "2026-05-27" }), // on time
      event({ fact: true, doneDate: "2026-06-02" }), // late
      event({ fact: true }), // no date: on time
      event({}), // overdue
      event({ dueKind: "monthly", due: "2026-10-31", fact: true }), // monthly: due so far
      event({ dueSoFar: false, due: "2026-12-31", fact: true, doneDate: "2026-03-01" }), // not due yet
      event({ dueKind: "continuous", due: null, dueSoFar: false, fact: true }),
      event({ dueKind: "unparsed", due: null, dueSoFar: false, fact: true }),
      event({ dueKind: "unparsed", due: null, dueSoFar: false }),
    ];
    const { overall } = computeExecution(events);
    expect(overall).toEqual({ due_so_far: 5, done: 4, on_time: 3, share_done: 80, share: 60 });
  });

  it("gives null shares when nothing is due", () => {
    expect(computeExecution([]).overall).toEqual({ due_so_far: 0, done: 0, on_time: 0, share_done: null, share: null });
  });

  it("uses 100·x/n exactly as the conformance figures do", () => {
    const events = [...Array(12)].map((_, i) => event({ fact: i < 7, doneDate: i < 2 ? "2026-06-01" : null }));
    expect(computeExecution(events).overall).toEqual({
      due_so_far: 12,
      done: 7,
      on_time: 5,
      share_done: 58.333333333333336,
      share: 41.666666666666664,
    });
  });

  it("groups by section and by responsible in first-appearance order, skipping blanks", () => {
    const events = [
      event({ section: "Б", responsible: "УО", fact: true }),
      event({ section: "А", responsible: "ИМЦ" }),
      event({ section: "Б", responsible: null, dueKind: "continuous", due: null, dueSoFar: false }),
      event({ section: null, responsible: "УО" }),
      event({ section: "В", responsible: "Отдел", dueSoFar: false, due: "2027-01-01" }),
    ];
    const result = computeExecution(events);
    expect(Object.keys(result.by_section)).toEqual(["Б", "А", "В"]);
    expect(Object.keys(result.by_responsible)).toEqual(["УО", "ИМЦ", "Отдел"]);
    expect(result.by_section["Б"]).toEqual({ due_so_far: 1, done: 1, on_time: 1, share_done: 100, share: 100 });
    expect(result.by_section["В"]).toEqual({ due_so_far: 0, done: 0, on_time: 0, share_done: null, share: null });
    expect(result.by_responsible["УО"]).toEqual({ due_so_far: 2, done: 1, on_time: 1, share_done: 50, share: 50 });
    expect(result.overall.due_so_far).toBe(3);
  });
});
