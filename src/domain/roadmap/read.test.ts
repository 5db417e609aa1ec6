import { isoToSerial } from "../parse/date";
import { ProblemLog } from "../problems";
import type { RecognizedTable } from "../recognition/table";
import type { Settings } from "../settings/types";
import type { CellRange, CellValue } from "../sheet/snapshot";
import { roadmapToJson } from "./json";
import { readRoadmap } from "./read";

const SHEET = "Дорожная карта";
const settings = { reportDate: "2026-11-22", roadmapYear: null, dueSoonDays: 30 } as Settings;

/** Columns of the test tables: A №, B Мероприятие, C Срок, D Ответственный, E Факт, F Дата. */
const COLUMNS = { number: 0, event: 1, due: 2, responsible: 3, actual: 4, done_date: 5 };
const WIDTH = 6;

/** Rows start on sheet row 2 (index 1); the header is row 1. Merged areas are filled the
 *  way recognition fills them. */
function table(rows: CellValue[][], merges: CellRange[] = [], columns: Record<string, number> = COLUMNS): RecognizedTable {
  const filled = rows.map((r) => {
    const cells = r.slice();
    while (cells.length < WIDTH) cells.push("");
    return cells;
  });
  for (const m of merges) {
    const master = filled[m.top - 1][m.left];
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) filled[r - 1][c] = master;
  }
  return {
    kind: "roadmap",
    sheet: SHEET,
    headerRow: 0,
    columns,
    percentColumns: new Set(),
    rows: filled.map((cells, i) => ({ row: i + 1, cells })),
    merges,
  };
}

/** A merge across the whole width of one table row (`index` into the rows above). */
function fullWidth(index: number): CellRange {
  return { top: index + 1, left: 0, bottom: index + 1, right: WIDTH - 1 };
}

function read(t: RecognizedTable, problems = new ProblemLog(), s: Settings = settings, reportYear = 2026) {
  return readRoadmap(t, s, reportYear, problems);
}

describe("readRoadmap: section rows", () => {
  it("a title merged across the width sets the section of the events below", () => {
    const t = table(
      [
        ["1. Организационные мероприятия"],
        ["1.1", "Совещание", "Февраль", "УО"],
        ["1.2", "Семинар", "Март", "ИМЦ"],
        ["2. Методическое сопровождение"],
        ["2.1", "Курсы", "Апрель", "УО"],
      ],
      [fullWidth(0), fullWidth(3)],
    );
    const events = read(t);
    expect(events.map((e) => [e.row, e.number, e.section])).toEqual([
      [3, "1.1", "1. Организационные мероприятия"],
      [4, "1.2", "1. Организационные мероприятия"],
      [6, "2.1", "2. Методическое сопровождение"],
    ]);
  });

  it("unmerged titles count when they start with «Раздел», «Подпрограмма», «2. …» or «II. …»", () => {
    const t = table([
      ["Раздел 1. Кадры"],
      ["1", "Курсы", "май"],
      ["", "Подпрограмма «Школа»"],
      ["2", "Семинар", "май"],
      ["3. Мониторинг"],
      ["4", "Анализ", "май"],
      ["IV. Итоги"],
      ["5", "Отчёт", "май"],
    ]);
    expect(read(t).map((e) => e.section)).toEqual(["Раздел 1. Кадры", "Подпрограмма «Школа»", "3. Мониторинг", "IV. Итоги"]);
  });

  it("a merge narrower than 3 columns without a section word is not a title", () => {
    const problems = new ProblemLog();
    const t = table([["Общие вопросы"], ["1", "Курсы", "май"]], [{ top: 1, left: 0, bottom: 1, right: 1 }]);
    const events = read(t, problems);
    // It is an event without a deadline; the merged № cell only repeats the text.
    expect(events.map((e) => [e.number, e.event, e.section, e.status])).toEqual([
      [null, "Общие вопросы", null, "unparsed"],
      ["1", "Курсы", null, "overdue"],
    ]);
    expect(problems.items).toEqual([{ sheet: SHEET, cell: "C2", message: expect.stringContaining("срок не указан") }]);
  });

  it("a lone text outside the event column is reported and skipped", () => {
    const problems = new ProblemLog();
    const events = read(table([["", "", "", "Примечание"], ["1", "Курсы", "май"]]), problems);
    expect(events.map((e) => e.event)).toEqual(["Курсы"]);
    expect(problems.items).toEqual([{ sheet: SHEET, cell: "B2", message: expect.stringContaining("«Мероприятие»") }]);
  });

  it("a lone deadline cell is not a title even when it reads like one", () => {
    const problems = new ProblemLog();
    const events = read(table([["", "", "2. Второй этап"], ["1", "Курсы", "май"]]), problems);
    expect(events.map((e) => e.section)).toEqual([null]);
    expect(problems.items.map((p) => p.cell)).toEqual(["B2"]);
  });

  it("a title merged over two rows is read once", () => {
    const t = table([["1. Раздел"], [], ["1.1", "Курсы", "май"]], [{ top: 1, left: 0, bottom: 2, right: WIDTH - 1 }]);
    const problems = new ProblemLog();
    const events = read(t, problems);
    expect(events.map((e) => [e.event, e.section])).toEqual([["Курсы", "1. Раздел"]]);
    expect(problems.items).toEqual([]);
  });

  it("a «Раздел» column value beats the section row", () => {
    const columns = { ...COLUMNS, section: 6 };
    const t = table([["Раздел А"], ["1", "Курсы", "май", "", "", "", "Свой раздел"], ["2", "Семинар", "май"]], [], columns);
    expect(read(t).map((e) => e.section)).toEqual(["Свой раздел", "Раздел А"]);
  });
});

describe("readRoadmap: continuation rows and numbers", () => {
  it("appends event-only rows to the event above, numbering «2.1.» → «2.1»", () => {
    const t = table([
      ["2.1.", "Курсы повышения", "май", "УО"],
      ["", "квалификации учителей"],
      ["", "математики"],
      ["2.2.", "Семинар", "июнь", "УО"],
    ]);
    const events = read(t);
    expect(events.map((e) => [e.row, e.number, e.event])).toEqual([
      [2, "2.1", "Курсы повышения квалификации учителей математики"],
      [5, "2.2", "Семинар"],
    ]);
  });

  it("an event-only row right after a section row is an event without a deadline", () => {
    const problems = new ProblemLog();
    const t = table([["1. Раздел"], ["", "Совещание"]], [fullWidth(0)]);
    const [event] = read(t, problems);
    expect(event).toMatchObject({ event: "Совещание", status: "unparsed", warning: "срок не указан", section: "1. Раздел" });
    expect(problems.items.map((p) => p.cell)).toEqual(["C3"]);
  });

  it("a row with its own number or deadline is a new event", () => {
    const t = table([
      ["1", "Курсы", "май"],
      ["", "Семинар", "июнь"],
      ["3", "Отчёт"],
    ]);
    expect(read(t).map((e) => e.event)).toEqual(["Курсы", "Семинар", "Отчёт"]);
  });

  it("vertically merged deadline and number do not turn the second text row into an event", () => {
    const t = table(
      [
        ["1", "Курсы повышения", "май"],
        ["", "квалификации"],
      ],
      [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 2, bottom: 2, right: 2 },
      ],
    );
    const events = read(t);
    expect(events.map((e) => [e.event, e.due])).toEqual([["Курсы повышения квалификации", "2026-05-31"]]);
  });
});

describe("readRoadmap: values, facts and problems", () => {
  it("reads deadlines, facts and completion dates into statuses", () => {
    const t = table([
      ["1", "Совет", isoToSerial("2026-10-13"), "УО", "Проведено", isoToSerial("2026-11-09")],
      ["2", "Справка", "в установленные сроки", "ИМЦ", "Проведено"],
      ["3", "Перечень", "20.05.2022", "УО", "не выполнено"],
      ["4", "Анализ", "Февраль", "УО", "нет данных"],
      ["5", "Отчёт", "Февраль", "УО", "—"],
      ["6", "Программа", "Февраль", "УО", "", "10.02.2026"],
      ["7", "Совещание", "По графику", "УО", "Выполнено частично"],
      ["8", "Мониторинг", "Постоянно", "УО"],
      ["9", "Закрепление", "по итогам четверти"],
      ["10", "Посещения", "Ежемесячно", "УО", "Проведено"],
    ]);
    const problems = new ProblemLog();
    const events = read(t, problems);
    expect(events.map((e) => [e.status, e.daysOverdue, e.fact])).toEqual([
      ["done_late", null, true],
      ["done", null, true],
      ["overdue", 1647, false],
      ["overdue", 267, false],
      ["overdue", 267, false],
      ["done_on_time", null, true],
      ["continuous_done", null, true],
      ["continuous", null, false],
      ["unparsed", null, false],
      ["done", null, true],
    ]);
    expect(events[0]).toMatchObject({ dueText: "2026-10-13", dueForm: "date_cell", doneDate: "2026-11-09", dueCell: "C2" });
    expect(events[1]).toMatchObject({ warning: "срок не распознан", dueKind: "unparsed", due: null });
    expect(events[9]).toMatchObject({ due: "2026-10-31", dueKind: "monthly" });
    expect(problems.items).toEqual([
      { sheet: SHEET, cell: "C3", message: "«в установленные сроки» — срок не распознан" },
      { sheet: SHEET, cell: "C10", message: "«по итогам четверти» — срок не распознан" },
    ]);
  });

  it("reports a completion date that is not a date and ignores it", () => {
    const problems = new ProblemLog();
    const [event] = read(table([["1", "Курсы", "май", "УО", "Проведено", "в мае"]]), problems);
    expect(event).toMatchObject({ doneDate: null, status: "done" });
    expect(problems.items).toEqual([{ sheet: SHEET, cell: "F2", message: expect.stringContaining("«в мае»") }]);
  });

  it("uses roadmap_year when set, else the report year", () => {
    const t = table([["1", "Курсы", "Февраль"]]);
    expect(read(t, new ProblemLog(), settings, 2025)[0].due).toBe("2025-02-28");
    expect(read(t, new ProblemLog(), { ...settings, roadmapYear: 2027 }, 2025)[0].due).toBe("2027-02-28");
  });

  it("keeps optional fields as typed, null when blank", () => {
    const columns = { ...COLUMNS, expected: 6, school_id: 7, indicator: 8 };
    const [event] = read(table([[" 1 ", " Курсы ", "май", "", "", "", "Справка", 412345, "R4"]], [], columns));
    expect(event).toMatchObject({ number: "1", event: "Курсы", responsible: null, actual: null, expected: "Справка", schoolId: "412345", indicator: "R4" });
  });
});

describe("roadmapToJson", () => {
  it("writes the fields of the result with «none» for events without a due date", () => {
    const json = roadmapToJson(read(table([["1", "Совещание", "По графику", "УО"], ["2", "Справка", "по итогам четверти"]])));
    expect(json[0]).toEqual({
      sheet: SHEET,
      row: 2,
      number: "1",
      section: null,
      event: "Совещание",
      due_text: "По графику",
      due_kind: "none",
      due_form: "continuous",
      due: null,
      responsible: "УО",
      school_id: null,
      indicator: null,
      fact: false,
      done_date: null,
      status: "continuous",
      days_overdue: null,
      warning: null,
      indicator_change: null,
    });
    expect(json[1]).toMatchObject({ due_kind: "unparsed", due_form: null, status: "unparsed", warning: "срок не распознан" });
  });
});
