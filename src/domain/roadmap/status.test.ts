import { isFact } from "./fact";
import { eventStatus, type StatusInput } from "./status";

const REPORT = "2026-11-22";

function status(input: Partial<StatusInput>, dueSoonDays = 30) {
  return eventStatus({ dueKind: "once", due: null, fact: false, doneDate: null, ...input }, REPORT, dueSoonDays);
}

describe("eventStatus boundaries", () => {
  it("due on the report date: not overdue, due soon, already due", () => {
    expect(status({ due: "2026-11-22" })).toEqual({ status: "due_soon", daysOverdue: null, dueSoFar: true });
  });

  it("due yesterday: overdue by one day", () => {
    expect(status({ due: "2026-11-21" })).toEqual({ status: "overdue", daysOverdue: 1, dueSoFar: true });
  });

  it("due in 30 days is due soon, in 31 days in progress", () => {
    expect(status({ due: "2026-12-22" })).toEqual({ status: "due_soon", daysOverdue: null, dueSoFar: false });
    expect(status({ due: "2026-12-23" })).toEqual({ status: "in_progress", daysOverdue: null, dueSoFar: false });
  });

  it("honours due_soon_days", () => {
    expect(status({ due: "2026-11-23" }, 0).status).toBe("in_progress");
    expect(status({ due: "2026-11-22" }, 0).status).toBe("due_soon");
    expect(status({ due: "2026-12-02" }, 10).status).toBe("due_soon");
    expect(status({ due: "2026-12-03" }, 10).status).toBe("in_progress");
  });

  it("overdue days of the conformance examples", () => {
    expect(status({ due: "2026-02-28" }).daysOverdue).toBe(267);
    expect(status({ due: "2022-12-31" }).daysOverdue).toBe(1422);
    expect(status({ due: "2022-05-20" }).daysOverdue).toBe(1647);
  });

  it("a fact without a completion date is «done», overdue or not", () => {
    expect(status({ due: "2022-06-15", fact: true })).toEqual({ status: "done", daysOverdue: null, dueSoFar: true });
    expect(status({ due: "2027-06-15", fact: true })).toEqual({ status: "done", daysOverdue: null, dueSoFar: false });
  });

  it("a completion date decides on time or late; the due day itself is on time", () => {
    expect(status({ due: "2026-10-13", fact: true, doneDate: "2026-10-13" }).status).toBe("done_on_time");
    expect(status({ due: "2026-10-13", fact: true, doneDate: "2026-10-14" }).status).toBe("done_late");
    expect(status({ due: "2026-12-31", fact: true, doneDate: "2026-01-05" }).status).toBe("done_on_time");
  });

  it("continuous events, with and without a fact, are never due", () => {
    expect(status({ dueKind: "continuous" })).toEqual({ status: "continuous", daysOverdue: null, dueSoFar: false });
    expect(status({ dueKind: "continuous", fact: true })).toEqual({ status: "continuous_done", daysOverdue: null, dueSoFar: false });
  });

  it("an unrecognised deadline with a fact is done; without one it stays unparsed", () => {
    expect(status({ dueKind: "unparsed", fact: true })).toEqual({ status: "done", daysOverdue: null, dueSoFar: false });
    expect(status({ dueKind: "unparsed" })).toEqual({ status: "unparsed", daysOverdue: null, dueSoFar: false });
  });

  it("monthly and annual events follow their due date like one-off ones", () => {
    expect(status({ dueKind: "monthly", due: "2026-10-31" })).toEqual({ status: "overdue", daysOverdue: 22, dueSoFar: true });
    expect(status({ dueKind: "annual", due: "2026-12-31" }).status).toBe("in_progress");
  });
});

describe("isFact (Appendix B «No fact»)", () => {
  it.each(["", "   ", "нет", "Нет.", "НЕ ВЫПОЛНЕНО", "не выполнено.", "нет данных", "Нет данных...", "-", "—", "– –", "−−", false])(
    "%p is no fact",
    (value) => {
      expect(isFact(value)).toBe(false);
    },
  );

  it.each(["выполнено", "Выполнено частично", "Проведено, протокол № 3", "нет замечаний", "да", "x", 1, 0, true])("%p is a fact", (value) => {
    expect(isFact(value)).toBe(true);
  });
});
