/**
 * No surprises (quality.md «Reliability»): collisions with the user's sheets, a second run
 * while one is going, cancel at each stage, protected sheets, and a «Настройки» edited into
 * nonsense — through the orchestrator on the Office adapter (fake Excel), the .xlsx adapter
 * and the in-memory gateway.
 */
import { Workbook } from "exceljs";
import { Orchestrator, RunError, type Progress } from "../../src/app/orchestrator";
import { appText } from "../../src/app/messages";
import { runEngine } from "../../src/domain/engine/run";
import { SETTINGS_SHEET } from "../../src/domain/settings/read";
import type { CellValue } from "../../src/domain/sheet/snapshot";
import { GatewayError } from "../../src/workbook/errors";
import { OfficeGateway } from "../../src/workbook/office/office-gateway";
import { SERVICE_SHEET } from "../../src/workbook/service-state";
import { XlsxGateway } from "../../src/workbook/xlsx/xlsx-gateway";
import { FakeExcel, type SheetSpec } from "../fake-excel";
import { MemoryGateway, smallBook } from "../support/memory-gateway";
import { snapshotUserSheet } from "../support/xlsx-snapshot";
import { problemLines } from "./pipeline";

const now = () => new Date(2026, 10, 24, 9, 30, 0);
const REPORT_DATE = "2026-11-22";

/** The small monitoring book (6 schools, two years of ВПР) as fake-Excel sheets. */
function fakeSpecs(extra: SheetSpec[] = [], registry: Partial<SheetSpec> = {}): SheetSpec[] {
  const book = smallBook();
  return [{ name: "Реестр ОО", values: book["Реестр ОО"] as SheetSpec["values"], ...registry }, { name: "Результаты", values: book["Результаты"] as SheetSpec["values"] }, ...extra];
}

function officeOn(fake: FakeExcel) {
  return new Orchestrator(new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported }));
}

/** Everything in the fake workbook a run could change. */
function wholeFake(fake: FakeExcel) {
  return { sheets: fake.model.sheets.map((s) => fake.dump(s.name)), active: fake.model.activeSheet };
}

async function xlsxBook(build: (wb: Workbook) => void | Promise<void>): Promise<XlsxGateway> {
  const wb = new Workbook();
  const book = smallBook();
  for (const [name, rows] of Object.entries(book)) wb.addWorksheet(name).addRows(rows as unknown[][]);
  await build(wb);
  return XlsxGateway.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const wholeXlsx = (gateway: XlsxGateway) => gateway.workbook.worksheets.map((ws) => snapshotUserSheet(ws));

// ---------------------------------------------------------------------------------------

describe("a user's sheet named like a report", () => {
  test.each(["Сводка", "сводка", "ИНДИКАТОРЫ"])("«%s» stops the run before any write (Office adapter), naming the user's sheet", async (name) => {
    const fake = FakeExcel.fromSheets(fakeSpecs([{ name, values: [["моя сводка"]] }]));
    const before = wholeFake(fake);
    const error = await officeOn(fake).calculate({ now, reportDate: REPORT_DATE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect(error).toMatchObject({ code: "collision", message: appText.collision([name]) });
    expect((error as Error).message).toContain(`«${name}»`);
    expect((error as Error).message).toContain("расчёт остановлен до записи");
    expect(wholeFake(fake)).toEqual(before);
    expect(fake.model.find(SERVICE_SHEET)).toBeUndefined();
  });

  test("«сводка» on the .xlsx adapter: the same refusal, the book unchanged", async () => {
    const gateway = await xlsxBook((wb) => void wb.addWorksheet("сводка").addRow(["моя сводка"]));
    const before = wholeXlsx(gateway);
    await expect(new Orchestrator(gateway).calculate({ now, reportDate: REPORT_DATE })).rejects.toMatchObject({ code: "collision", message: appText.collision(["сводка"]) });
    expect(wholeXlsx(gateway)).toEqual(before);
  });
});

describe("a second «Рассчитать» while a run is going", () => {
  test("is refused with a message; the first run finishes and writes once (Office adapter)", async () => {
    const fake = FakeExcel.fromSheets(fakeSpecs());
    const orchestrator = officeOn(fake);
    const first = orchestrator.calculate({ now, reportDate: REPORT_DATE });
    await expect(orchestrator.calculate({ now, reportDate: REPORT_DATE })).rejects.toMatchObject({ code: "busy", message: "Расчёт уже идёт — дождитесь его окончания." });
    await expect(orchestrator.removeHighlights()).rejects.toMatchObject({ code: "busy" });
    const outcome = await first;
    expect(fake.model.find("Сводка")).toBeDefined();
    expect(outcome.written).toContain("Журнал");
    expect(fake.values("Журнал")).toHaveLength(2); // one run, one log row
  });
});

describe("cancel", () => {
  type Stage = "reading" | "computing";
  /** Abort while the sheets are being read (inside a read sync) or when computing starts. */
  async function cancelAt(stage: Stage) {
    const fake = FakeExcel.fromSheets(fakeSpecs());
    const before = wholeFake(fake);
    const controller = new AbortController();
    if (stage === "reading") fake.failWhen(({ labels }) => void (labels.some((l) => l.endsWith(".load")) && fake.syncCount > 1 && controller.abort()));
    const onProgress = (p: Progress) => void (p.stage === stage && stage === "computing" && controller.abort());
    const error = await officeOn(fake).calculate({ now, reportDate: REPORT_DATE, signal: controller.signal, onProgress }).catch((e: unknown) => e);
    return { fake, before, error };
  }

  test.each<Stage>(["reading", "computing"])("while %s: «Расчёт отменён; книга не изменена.», nothing written", async (stage) => {
    const { fake, before, error } = await cancelAt(stage);
    expect(error).toMatchObject({ code: "cancelled", message: "Расчёт отменён; книга не изменена." });
    expect(wholeFake(fake)).toEqual(before);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(["Реестр ОО", "Результаты"]);
  });

  test("while writing: the write is finished, not interrupted — the run completes as if not cancelled", async () => {
    const fake = FakeExcel.fromSheets(fakeSpecs());
    const controller = new AbortController();
    const stages: string[] = [];
    // The first sync that adds a sheet is the write stage: cancel arrives there.
    fake.failWhen(({ labels }) => void (labels.some((l) => l.includes("worksheets.add")) && controller.abort()));
    const outcome = await officeOn(fake).calculate({ now, reportDate: REPORT_DATE, signal: controller.signal, onProgress: (p) => stages.push(p.stage) });
    expect(controller.signal.aborted).toBe(true);
    expect(stages).toEqual(["reading", "computing", "writing", "done"]);
    for (const name of outcome.written) expect(fake.model.find(name)).toBeDefined();
    expect(fake.model.find(SERVICE_SHEET)?.visibility).toBe("VeryHidden");
  });
});

describe("a protected user sheet", () => {
  test("Office adapter: refused before any change, with the Russian message naming the sheet", async () => {
    const fake = FakeExcel.fromSheets(fakeSpecs([], { protected: true }));
    const before = wholeFake(fake);
    const error = await officeOn(fake).calculate({ now, reportDate: REPORT_DATE }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      kind: "protected",
      sheet: "Реестр ОО",
      message: "Лист «Реестр ОО» защищён. Снимите защиту (Рецензирование → Снять защиту листа) и запустите расчёт снова. Книга не изменена.",
    });
    expect(wholeFake(fake)).toEqual(before);
  });

  test("Office adapter: a protected workbook structure is refused the same way", async () => {
    const fake = FakeExcel.fromSheets(fakeSpecs(), { structureProtected: true });
    const before = wholeFake(fake);
    await expect(officeOn(fake).calculate({ now, reportDate: REPORT_DATE })).rejects.toMatchObject({ kind: "protected", message: expect.stringContaining("Структура книги защищена") });
    expect(wholeFake(fake)).toEqual(before);
  });

  test(".xlsx adapter: protection binds Excel's editing, not a file writer — the run writes its rules, the protection stays as it was", async () => {
    const gateway = await xlsxBook((wb) => wb.getWorksheet("Реестр ОО")!.protect("пароль", { selectLockedCells: true }));
    const protectionBefore = snapshotUserSheet(gateway.workbook.getWorksheet("Реестр ОО")!).sheetProtection;
    expect(protectionBefore).toMatchObject({ sheet: true });
    const outcome = await new Orchestrator(gateway).calculate({ now, reportDate: REPORT_DATE });
    expect(outcome.written).toContain("Индикаторы");
    const saved = await XlsxGateway.fromBuffer(await gateway.toBuffer());
    const registry = saved.workbook.getWorksheet("Реестр ОО")!;
    expect(snapshotUserSheet(registry).sheetProtection).toEqual(protectionBefore);
    expect(snapshotUserSheet(registry).conditionalFormats.length).toBeGreaterThan(0); // our highlight rules
  });
});

// ---------------------------------------------------------------------------------------
// «Настройки» edited into nonsense: each problem at its cell, the run goes on with defaults.

const DEFAULTS = runEngine([], { ignoreSheets: new Set(), reportDate: REPORT_DATE, today: REPORT_DATE }).settings;

async function runWithSettings(settings: CellValue[][] | null, options: { hidden?: boolean } = {}) {
  const book = smallBook();
  const gateway = new MemoryGateway(new Map<string, { values: CellValue[][]; hidden?: boolean }>(Object.entries(book).map(([n, v]) => [n, { values: v }])));
  if (settings) gateway.sheets.set(SETTINGS_SHEET, { values: settings, hidden: options.hidden });
  const outcome = await new Orchestrator(gateway).calculate({ now, reportDate: REPORT_DATE });
  return { outcome, plan: gateway.writes[0], problems: problemLines(outcome.result).filter((l) => l.startsWith(`${SETTINGS_SHEET}!`)) };
}

describe("«Настройки» edited into nonsense", () => {
  test("every parameter garbage: each reported at its value cell (in the order of the parameter list), every default used", async () => {
    const garbage: [string, CellValue][] = [
      ["report_year", "позапрошлый"],
      ["report_date", "31.02.2026"],
      ["min_n_scored", -5],
      ["index_coverage", "#Н/Д"],
      ["scoring_mode", true],
      ["vpr_grades", "5, 8, 13"],
      ["vpr_subjects", ";;"],
      ["zone_R4_red", "1e999"],
      ["color_shnor", "розовый"],
    ];
    const { outcome, problems } = await runWithSettings([["Параметр", "Значение"], ...garbage]);
    expect(problems).toEqual([
      "Настройки!B2: параметр report_year: «позапрошлый» — ожидалось год, например 2026; использовано значение по умолчанию",
      "Настройки!B3: параметр report_date: «31.02.2026» — ожидалось дата ДД.ММ.ГГГГ; использовано значение по умолчанию",
      "Настройки!B6: параметр scoring_mode: «ИСТИНА» — ожидалось absolute или relative; использовано значение по умолчанию",
      "Настройки!B4: параметр min_n_scored: «-5» — ожидалось целое неотрицательное число; использовано значение по умолчанию",
      "Настройки!B5: параметр index_coverage: «#Н/Д» — ожидалось неотрицательное число; использовано значение по умолчанию",
      "Настройки!B8: параметр vpr_subjects: «;;» — ожидалось предметы через запятую, например «rus, math»; использовано значение по умолчанию",
      "Настройки!B7: параметр vpr_grades: «5, 8, 13» — ожидалось номера классов через запятую, например «5, 8»; использовано значение по умолчанию",
      "Настройки!B9: параметр zone_R4_red: «1e999» — ожидалось неотрицательное число; использовано значение по умолчанию",
      "Настройки!B10: параметр color_shnor: «розовый» — ожидалось цвет #RRGGBB; использовано значение по умолчанию",
    ]);
    expect({ ...outcome.result.settings, reportDate: DEFAULTS.reportDate }).toEqual(DEFAULTS);
    expect(outcome.json.schools.find((s) => s.school_id === "edu100001")?.status).toBe("shnor");
  });

  test("duplicated rows: the repeat is reported at its cell, the first row counts", async () => {
    const { outcome, problems } = await runWithSettings([["Параметр", "Значение"], ["min_n_scored", 7], ["shnor_threshold", 40], ["min_n_scored", 9]]);
    expect(problems).toEqual(["Настройки!A4: параметр min_n_scored указан повторно (строки 2 и 4); использована первая строка"]);
    expect([outcome.result.settings.minNScored, outcome.result.settings.lowResultsThreshold]).toEqual([7, 40]);
  });

  test.each([
    ["the header row deleted", [["min_n_scored", 7], ["shnor_threshold", 40]]],
    ["the sheet emptied", []],
    ["a sheet of only a title", [["Параметры методики"]]],
  ])("%s: reported at A1, defaults used, a fresh parameter table appended below", async (_what, rows) => {
    const { outcome, plan, problems } = await runWithSettings(rows as CellValue[][]);
    expect(problems).toEqual([
      "Настройки!A1: таблица параметров не найдена (нужен заголовок «Параметр | Значение») — параметры с листа не прочитаны; использованы значения по умолчанию, таблица параметров будет дописана на лист",
    ]);
    expect({ ...outcome.result.settings, reportDate: DEFAULTS.reportDate }).toEqual(DEFAULTS);
    expect(plan.settings).toMatchObject({ sheet: SETTINGS_SHEET, create: false, startRow: rows.length + 1 });
    expect(plan.settings!.rows[1]).toEqual(["Параметр", "Значение", "По умолчанию", "Описание"]);
    expect(outcome.written).toContain("Индикаторы");
  });

  test("the sheet hidden: still the settings (hiding tidies the tabs, it does not switch them off), no problem", async () => {
    const { outcome, problems } = await runWithSettings([["Параметр", "Значение"], ["min_n_scored", 7]], { hidden: true });
    expect(problems).toEqual([]);
    expect(outcome.result.settings.minNScored).toBe(7);
  });
});
