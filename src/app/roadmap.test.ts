/**
 * A monthly workbook with only a roadmap (workbook.md §4): «Сводка», «Исполнение ДК» and
 * «Журнал», nothing else, no problem about missing results — through the orchestrator on the
 * in-memory gateway and on the real .xlsx gateway. Then the overdue highlight, evaluated by
 * LibreOffice on the saved file, before and after the user sorts the roadmap.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import { MemoryGateway } from "../../test/support/memory-gateway";
import { parseCsv, readWithLibreOffice } from "../../test/support/libreoffice";
import { overdueRuleFormula } from "../domain/roadmap/highlight";
import { reportLookup } from "../domain/roadmap/report";
import type { Problem } from "../domain/problems";
import { XlsxGateway } from "../workbook/xlsx/xlsx-gateway";
import { Orchestrator } from "./orchestrator";

const fixedNow = () => new Date(2026, 10, 24, 9, 30, 0);
const REPORT_DATE = "2026-11-22";
const ROADMAP_ONLY_REPORTS = ["Сводка", "Исполнение ДК", "Журнал"];

/** Nothing about results, the social passport or the registry being absent. */
function expectNoMissingTableProblems(problems: Problem[]): void {
  for (const p of problems) expect(p.message).not.toMatch(/результат|паспорт|реестр|не найден[аы]? табли/i);
}

describe("a roadmap-only workbook through the orchestrator (memory gateway)", () => {
  const roadmap = [
    ["№ п/п", "Наименование мероприятия", "Сроки исполнения", "Ответственный", "Отметка о выполнении"],
    ["1.1.", "Совещание руководителей ОО", "Февраль", "УО", "Протокол № 2"],
    ["1.2.", "Закрепление кураторов за ШНОР", "Март - апрель", "ИМЦ", ""],
    ["1.3.", "Мониторинг посещаемости", "Ежемесячно", "ОО", "Выполнено"],
  ];

  it("writes «Сводка», «Исполнение ДК» and «Журнал» only, with no problems, and plans the overdue highlight", async () => {
    const gw = MemoryGateway.of({ "Дорожная карта": roadmap });
    const outcome = await new Orchestrator(gw).calculate({ now: fixedNow, reportDate: REPORT_DATE });
    expect(outcome.written).toEqual(ROADMAP_ONLY_REPORTS);
    expect(outcome.result.schools).toEqual([]);
    expect(outcome.result.problems).toEqual([]);
    expect(outcome.json.roadmap.map((e) => e.status)).toEqual(["done", "overdue", "done"]);
    const plan = gw.writes[0];
    expect(plan.ownedSheets).toEqual(ROADMAP_ONLY_REPORTS);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.highlights.map((h) => [h.sheet, h.range, h.rules.map((r) => r.fill)])).toEqual([["Дорожная карта", "A2:E4", ["#FFC7CE"]]]);
    const summary = gw.sheets.get("Сводка")!.values.flat().map(String);
    expect(summary.filter((text) => /результат|паспорт|реестр/i.test(text))).toEqual([]);
    expect(summary).toContain("Проблем не найдено");
  });

  it("names indicators without school data: no problem, the report says why no change is shown", async () => {
    const withIndicators = [[...roadmap[0], "Школа", "Показатель"], ...roadmap.slice(1).map((r, i) => [...r, i === 0 ? "edu1" : "", "R4"])];
    const gw = MemoryGateway.of({ "Дорожная карта": withIndicators });
    const outcome = await new Orchestrator(gw).calculate({ now: fixedNow, reportDate: REPORT_DATE });
    expect(outcome.written).toEqual(ROADMAP_ONLY_REPORTS);
    expect(outcome.result.problems).toEqual([]);
    expect(String(gw.sheets.get("Исполнение ДК")!.values[1][0])).toContain("Изменения показателей не показаны");
  });

  it("the next month's run rewrites the same three sheets and deletes nothing", async () => {
    const gw = MemoryGateway.of({ "Дорожная карта": roadmap });
    const orchestrator = new Orchestrator(gw);
    await orchestrator.calculate({ now: fixedNow, reportDate: REPORT_DATE });
    const second = await orchestrator.calculate({ now: fixedNow, reportDate: "2026-12-22" });
    expect(second.written).toEqual(ROADMAP_ONLY_REPORTS);
    expect(gw.writes[1].deleteSheets).toEqual([]);
    expect(gw.sheets.get("Журнал")!.values).toHaveLength(3);
  });
});

// ------------------------------------------------------------------ real .xlsx gateway

const USER_SHEET = "План мероприятий";
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * A roadmap as a municipality keeps it: a title merged over the width, real header
 * synonyms, section rows, «2.1.» numbers, a continuation row under merged № and «Срок», a
 * date-cell deadline and a number-typed №.
 * Rows (1-based): 1 title, 3 header, 4 section, 5–6 events, 7 section, 8 event + 9
 * continuation, 10–12 events.
 */
function userRoadmap(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet(USER_SHEET);
  ws.getCell("A1").value = "План мероприятий («дорожная карта») на 2026 год";
  ws.mergeCells("A1:F1");
  ws.getRow(3).values = ["№ п/п", "Наименование мероприятия", "Сроки исполнения", "Ответственный", "Ожидаемый результат", "Отметка о выполнении"];
  ws.getCell("A4").value = "1. Организационные мероприятия";
  ws.mergeCells("A4:F4");
  ws.getRow(5).values = ["1.1.", "Формирование перечня ШНОР", "Февраль", "УО", "Приказ", "Приказ от 10.02.2026 № 15"];
  ws.getRow(6).values = ["1.2.", "Закрепление кураторов", "Март - апрель", "ИМЦ", "Приказ", ""]; // overdue
  ws.getCell("A7").value = "Подпрограмма 2 «Методическое сопровождение»";
  ws.getRow(8).values = ["2.1.", "Выездные методические дни", "До 31 мая ежегодно", "ИМЦ", "Справка", "нет"]; // overdue
  ws.getCell("B9").value = "в ШНОР";
  ws.mergeCells("A8:A9");
  ws.mergeCells("C8:C9");
  ws.getRow(10).values = [2.2, "Семинар для заместителей", utc(2026, 10, 13), "ИМЦ", "Протокол", ""]; // overdue, date cell
  ws.getRow(11).values = ["2.3.", "Консультации для учителей", "Декабрь", "ИМЦ", "Справка", ""]; // in progress (39 days left)
  ws.getRow(12).values = ["2.4.", "Наставничество", "Постоянно", "ОО", "", ""];
  return wb;
}

type Rule = { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } };
const rulesOf = (ws: Worksheet) =>
  (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings.flatMap((cf) =>
    cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae?.[0], fill: r.style?.fill?.bgColor?.argb })),
  );

async function runOnXlsx() {
  const gateway = XlsxGateway.fromWorkbook(userRoadmap());
  const outcome = await new Orchestrator(gateway).calculate({ now: fixedNow, reportDate: REPORT_DATE });
  const saved = await gateway.toBuffer();
  const wb = new Workbook();
  await wb.xlsx.load(saved as unknown as ArrayBuffer);
  return { outcome, wb };
}

describe("a roadmap-only workbook through the orchestrator (.xlsx gateway)", () => {
  let run: Awaited<ReturnType<typeof runOnXlsx>>;
  beforeAll(async () => {
    run = await runOnXlsx();
  });

  it("produces only «Сводка», «Исполнение ДК» and «Журнал», without problems", () => {
    expect(run.outcome.written).toEqual(ROADMAP_ONLY_REPORTS);
    expect(run.outcome.result.problems).toEqual([]);
    expectNoMissingTableProblems(run.outcome.result.problems);
    const visible = run.wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
    expect(visible.sort()).toEqual([USER_SHEET, "Настройки", ...ROADMAP_ONLY_REPORTS].sort());
  });

  it("reads sections, numbers, the continuation row and statuses from the real file", () => {
    expect(run.outcome.json.roadmap.map((e) => [e.row, e.number, e.section, e.status])).toEqual([
      [5, "1.1", "1. Организационные мероприятия", "done"],
      [6, "1.2", "1. Организационные мероприятия", "overdue"],
      [8, "2.1", "Подпрограмма 2 «Методическое сопровождение»", "overdue"],
      [10, "2.2", "Подпрограмма 2 «Методическое сопровождение»", "overdue"],
      [11, "2.3", "Подпрограмма 2 «Методическое сопровождение»", "in_progress"],
      [12, "2.4", "Подпрограмма 2 «Методическое сопровождение»", "continuous"],
    ]);
    expect(run.outcome.json.roadmap[2].event).toBe("Выездные методические дни в ШНОР");
  });

  it("saves one removable rule over the table's data rows with the overdue colour", () => {
    const rules = rulesOf(run.wb.getWorksheet(USER_SHEET)!);
    const target = run.outcome.result.roadmapTargets[0];
    const lookup = reportLookup(run.outcome.result.roadmap.length)!;
    expect(rules).toEqual([{ ref: "A4:F12", formula: overdueRuleFormula(target.columns, target.firstRow, lookup, "просрочено"), fill: "FFFFC7CE" }]);
  });
});

// ------------------------------------------------------------------ LibreOffice evaluates the rule

function hasLibreOffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const describeLo = hasLibreOffice() ? describe : describe.skip;

/** LibreOffice with its locale set to ru-RU (decimal comma, «ИСТИНА»): the sheet `sheet` as rows. */
function readInRussianLocale(file: string, sheet: string): string[][] {
  const root = mkdtempSync(join(tmpdir(), "lo-ru-"));
  mkdirSync(join(root, "profile/user"), { recursive: true });
  const setting = (name: string) => `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${name}" oor:op="fuse"><value>ru-RU</value></prop></item>`;
  writeFileSync(
    join(root, "profile/user/registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${setting("ooSetupSystemLocale")}${setting("ooLocale")}</oor:items>`,
  );
  const out = join(root, "out");
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
  execFileSync("soffice", [`-env:UserInstallation=file://${join(root, "profile")}`, "--headless", "--convert-to", filter, "--outdir", out, file], { stdio: "pipe", timeout: 180_000 });
  const name = readdirSync(out).find((n) => n.endsWith(`-${sheet}.csv`))!;
  return parseCsv(readFileSync(join(out, name), "utf8"));
}

/**
 * The rule's formula is relative to the top-left cell of its range; the formula a row sees
 * is the same built for that row (overdueRuleFormula with that row). Written into a free
 * column as ordinary formulas, LibreOffice computes them: «1» exactly where the rule fills.
 */
describeLo("the overdue rule as LibreOffice computes it", () => {
  const CHECK_COL = 8; // column H, right of the table
  let flagged: [number, string][];
  let flaggedAfterSort: [number, string][];
  let flaggedAfterEdit: [number, string][];
  let flaggedInRussian: [number, string][];

  /** [sheet row, event] of the rows the rule fills. */
  async function evaluate(change: "none" | "sort" | "edit", locale: "default" | "ru" = "default"): Promise<[number, string][]> {
    const { outcome, wb } = await runOnXlsx();
    const ws = wb.getWorksheet(USER_SHEET)!;
    const target = outcome.result.roadmapTargets[0];
    const lookup = reportLookup(outcome.result.roadmap.length)!;
    if (change === "edit") ws.getCell("F6").value = "Выполнено 20.11.2026"; // a fact typed after the run
    if (change === "sort") {
      // The user sorts rows 10–12 by deadline descending (Постоянно, Декабрь, 13.10.2026)
      // and swaps the two events of section 1: every key moves with its row.
      const rows = [5, 6, 10, 11, 12].map((r) => [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).value));
      const order = [1, 0, 4, 3, 2];
      [5, 6, 10, 11, 12].forEach((r, i) => rows[order[i]].forEach((v, c) => (ws.getCell(r, c + 1).value = v)));
    }
    for (let r = target.firstRow; r <= target.lastRow; r++) {
      ws.getCell(r + 1, CHECK_COL).value = { formula: `IF(${overdueRuleFormula(target.columns, r, lookup, "просрочено")},"1","0")` } as never;
    }
    const dir = mkdtempSync(join(tmpdir(), "shnor-roadmap-cf-"));
    const file = join(dir, "book.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = locale === "ru" ? readInRussianLocale(file, USER_SHEET) : readWithLibreOffice(file).get(USER_SHEET)!;
    const out: [number, string][] = [];
    for (let r = target.firstRow; r <= target.lastRow; r++) if (sheet[r]?.[CHECK_COL - 1] === "1") out.push([r + 1, sheet[r][1]]);
    return out;
  }

  beforeAll(async () => {
    flagged = await evaluate("none");
    flaggedAfterSort = await evaluate("sort");
    flaggedAfterEdit = await evaluate("edit");
    flaggedInRussian = await evaluate("sort", "ru");
  });

  it("fills exactly the first rows of the overdue events (a number-typed № and a date cell included)", () => {
    expect(flagged).toEqual([
      [6, "Закрепление кураторов"],
      [8, "Выездные методические дни"],
      [10, "Семинар для заместителей"],
    ]);
  });

  it("follows the events when the user sorts the rows", () => {
    expect(flaggedAfterSort).toEqual([
      [5, "Закрепление кураторов"],
      [8, "Выездные методические дни"],
      [12, "Семинар для заместителей"],
    ]);
  });

  it("agrees in a Russian locale, where a number-typed № becomes «2,2» in a formula", () => {
    expect(flaggedInRussian).toEqual(flaggedAfterSort);
  });

  it("lets go of a row as soon as the user types its fact (its status is then unknown until the next run)", () => {
    expect(flaggedAfterEdit).toEqual([
      [8, "Выездные методические дни"],
      [10, "Семинар для заместителей"],
    ]);
  });
});
