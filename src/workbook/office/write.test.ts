import type { ReportSheet } from "../../domain/report/model";
import type { WritePlan } from "../gateway";
import { FakeExcel, FakeExcelError, type SheetSpec } from "../../../test/fake-excel";
import { GatewayError } from "../errors";
import { OfficeGateway } from "./office-gateway";
import { SERVICE_SHEET } from "../service-state";
import { charsToPoints } from "./report-ops";

const gatewayOn = (fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeGateway>[0]> = {}) =>
  new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported, ...extra });

/** User sheets with everything a person may have: formats, formulas, their own rules. */
const userSheets = (): SheetSpec[] => [
  {
    name: "Реестр ОО",
    values: [["Реестр"], ["Код ОО", "Наименование ОО", "Статус"], ["0412", "МБОУ «СОШ № 1»", ""], ["edu2", "МБОУ «ООШ № 2»", ""], ["edu3", "МКОУ «СОШ № 3»", ""]],
    merges: ["A1:C1"],
    formulas: [{ cell: "D3", formula: "=LEN(B3)", value: 14 }],
    numberFormats: [{ range: "D3:D5", format: "0" }],
    styles: [
      { range: "A2:C2", style: { bold: true, fill: "#DDEBF7" } },
      { range: "B4", style: { fill: "#FFFF00", italic: true } },
    ],
    conditionalFormats: [
      { range: "C3:C5", formula: '=$C3="закрыта"', fill: "#BFBFBF" },
      // A user's own rule that even refers to our report sheet: it must survive.
      { range: "A3:A5", formula: '=COUNTIF(Индикаторы!$A:$A,$A3)>0', fill: "#E2EFDA" },
      { range: "D3:D5", type: "DataBar" },
    ],
    columnWidths: { 1: 180 },
    freezeRows: 2,
  },
  { name: "Результаты", values: [["Код ОО", "Год", "Участники"], ["0412", 2026, 28]] },
  { name: "Настройки", values: [["Параметр", "Значение", "По умолчанию", "Описание"], ["report_year", "", "", "Отчётный год"]] },
];

function report(name: string, values: ReportSheet["values"], extra: Partial<ReportSheet> = {}): ReportSheet {
  return { name, values, columnWidths: values[0].map(() => 10), numberFormats: [], styles: [], ...extra };
}

const basePlan = (): WritePlan => ({
  reports: [
    report(
      "Сводка",
      [
        ["Сводка мониторинга", null, null],
        ["Статус", "Школ", "Доля"],
        ["ШНОР", 12, 0.125],
        ["ШНСУ", 3, 0.031],
      ],
      {
        merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        numberFormats: [{ range: { top: 2, left: 2, bottom: 3, right: 2 }, format: "0.0%" }],
        styles: [
          { range: { top: 1, left: 0, bottom: 3, right: 2 }, style: { border: true } },
          { range: { top: 1, left: 0, bottom: 1, right: 2 }, style: { bold: true, fill: "#D9E1F2", horizontal: "center" } },
          { range: { top: 2, left: 0, bottom: 2, right: 0 }, style: { fill: "#FFC7CE" } },
        ],
        columnWidths: [30, 10, 12],
        freezeRows: 2,
        print: { titleRows: [0, 1], landscape: true },
      },
    ),
    report("Индикаторы", [["Код ОО", "Статус"], ["0412", "ШНОР"], ["edu2", "нет риска"], ["edu3", "ШНСУ"]]),
  ],
  deleteSheets: [],
  ownedSheets: ["Сводка", "Индикаторы"],
  highlights: [
    {
      sheet: "Реестр ОО",
      range: "A3:C5",
      rules: [
        { formula: '=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!$B:$B,"ШНОР")>0', fill: "#FFC7CE" },
        { formula: '=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!$B:$B,"ШНСУ")>0', fill: "#FFEB9C" },
      ],
    },
  ],
  settings: { sheet: "Настройки", create: false, startRow: 2, rows: [["due_soon_days", 30, 30, "Дней до срока"]] },
});

const userNames = ["Реестр ОО", "Результаты"];
const dumps = (fake: FakeExcel, names: string[]) => Object.fromEntries(names.map((n) => [n, fake.dump(n)]));

describe("OfficeGateway writing", () => {
  it("writes report sheets: values, formats, styles by block, widths in points, panes, print, merges", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    await gatewayOn(fake).write(basePlan());
    const summary = fake.model.get("Сводка");
    expect(fake.values("Сводка")).toEqual([["Сводка мониторинга"], ["Статус", "Школ", "Доля"], ["ШНОР", 12, 0.125], ["ШНСУ", 3, 0.031]]);
    expect(summary.cell(2, 2).numberFormat).toBe("0.0%");
    expect(summary.cell(1, 1).style).toMatchObject({ bold: true, fill: "#D9E1F2", horizontal: "Center" });
    expect(summary.cell(2, 0).style?.fill).toBe("#FFC7CE");
    expect(summary.cell(3, 1).style?.borders).toEqual({ top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" });
    expect(summary.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect([...summary.columnWidths.entries()]).toEqual([[0, charsToPoints(30)], [1, charsToPoints(10)], [2, charsToPoints(12)]]);
    expect(charsToPoints(10)).toBe(56.25); // 10 × 7 px + 5 px = 75 px = 56.25 pt
    expect(summary.freezeRows).toBe(2);
    expect(summary.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$2" });
    // Ownership recorded in the very hidden service sheet.
    const service = fake.model.get(SERVICE_SHEET);
    expect(service.visibility).toBe("VeryHidden");
    expect(await gatewayOn(fake).readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    // Settings rows appended below the user's table.
    expect(fake.values("Настройки")[2]).toEqual(["due_soon_days", 30, 30, "Дней до срока"]);
    // Highlight rules after the user's rules, in plan order; the calculation was resumed.
    const rules = fake.model.get("Реестр ОО").conditionalFormats;
    expect(rules.map((r) => r.fill ?? r.type)).toEqual(["#BFBFBF", "#E2EFDA", "DataBar", "#FFC7CE", "#FFEB9C"]);
    expect(fake.model.calculations).toEqual(["Recalculate"]);
    expect(fake.model.enableEvents).toBe(true);
  });

  it("keeps strings that look like formulas, numbers, dates or booleans as text", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const tricky = ["=1+1", "+7 (999) 123-45-67", "-5", "-", "@home", "0412", "01.02.2026", "12,5%", "ИСТИНА", "'в кавычках'", "#Н/Д", "обычный текст"];
    const plan = basePlan();
    plan.reports = [report("Сводка", [tricky, tricky.map((_, i) => i)])];
    plan.ownedSheets = ["Сводка"];
    plan.highlights = [];
    plan.settings = { sheet: "Настройки", create: false, startRow: 2, rows: [["=cmd|' /C calc'!A0", "0012", "@SUM(A1)", "+1"]] };
    await gatewayOn(fake).write(plan);
    const sheet = fake.model.get("Сводка");
    tricky.forEach((s, c) => {
      expect(sheet.cell(0, c).formula).toBeUndefined();
      expect(sheet.cell(0, c).value).toBe(s);
    });
    expect(sheet.cell(1, 3).value).toBe(3); // numbers stay numbers
    const settings = fake.model.get("Настройки");
    expect([0, 1, 2, 3].map((c) => settings.cell(2, c).value)).toEqual(["=cmd|' /C calc'!A0", "0012", "@SUM(A1)", "+1"]);
    expect([0, 1, 2, 3].every((c) => settings.cell(2, c).formula === undefined)).toBe(true);
    // And they read back unchanged.
    const [snap] = await gatewayOn(fake).readSheets(["Сводка"]);
    expect(snap.values[0]).toEqual(tricky);
  });

  it("stops before any change when a user's sheet has a report name", async () => {
    const fake = FakeExcel.fromSheets([...userSheets(), { name: "индикаторы", values: [["Мои заметки"]] }]);
    const before = fake.model.sheets.map((s) => fake.dump(s.name));
    const err = await gatewayOn(fake)
      .write(basePlan())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ kind: "unowned-sheet", sheet: "индикаторы", message: expect.stringContaining("создан не надстройкой") });
    expect(fake.model.sheets.map((s) => fake.dump(s.name))).toEqual(before);
    expect(fake.model.find(SERVICE_SHEET)).toBeUndefined();
    // Only reads were sent.
    expect(fake.syncs.flatMap((s) => s.labels).every((l) => l.endsWith(".load"))).toBe(true);
  });

  it("refuses to delete a sheet it does not own and to write on a protected sheet", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const plan = basePlan();
    plan.deleteSheets = ["Результаты"];
    await expect(gatewayOn(fake).write(plan)).rejects.toMatchObject({ kind: "unowned-sheet", sheet: "Результаты" });
    expect(fake.model.find("Результаты")).toBeDefined();

    const specs = userSheets();
    specs[0].protected = true;
    const locked = FakeExcel.fromSheets(specs);
    await expect(gatewayOn(locked).write(basePlan())).rejects.toMatchObject({ kind: "protected", sheet: "Реестр ОО", message: expect.stringContaining("защищён") });
    expect(locked.model.sheets.map((s) => s.name)).toEqual(["Реестр ОО", "Результаты", "Настройки"]);

    const structure = FakeExcel.fromSheets(userSheets(), { structureProtected: true });
    await expect(gatewayOn(structure).write(basePlan())).rejects.toMatchObject({ kind: "protected", message: expect.stringContaining("Структура книги защищена") });
  });

  it("leaves user sheets as they were after write + removeHighlights (values, formats, own rules)", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const before = dumps(fake, userNames);
    const gw = gatewayOn(fake);
    await gw.write(basePlan());
    // Only our rules were added to the registry.
    expect(fake.dump("Результаты")).toEqual(before["Результаты"]);
    const registryAfter = fake.dump("Реестр ОО") as { conditionalFormats: unknown[] };
    expect(registryAfter.conditionalFormats).toHaveLength(5);
    await gw.removeHighlights();
    expect(dumps(fake, userNames)).toEqual(before);
    expect(fake.model.enableEvents).toBe(true);
    // The records are gone too: a second removal changes nothing.
    await gw.removeHighlights();
    expect(dumps(fake, userNames)).toEqual(before);
  });

  it("replaces highlights and rewrites owned sheets in place on the next run; deletes obsolete ones", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const gw = gatewayOn(fake);
    await gw.write(basePlan());
    const first = ["Сводка", "Индикаторы"].map((n) => fake.dump(n));
    const ids = fake.model.sheets.map((s) => s.id);

    // Same plan again: identical report sheets, same sheet objects, rules not duplicated.
    await gw.write(basePlan());
    expect(["Сводка", "Индикаторы"].map((n) => fake.dump(n))).toEqual(first);
    expect(fake.model.sheets.map((s) => s.id)).toEqual(ids);
    expect(fake.model.get("Реестр ОО").conditionalFormats).toHaveLength(5);

    // A run that no longer produces «Индикаторы» deletes it and highlights nothing.
    const plan = basePlan();
    plan.reports = plan.reports.slice(0, 1);
    plan.deleteSheets = ["Индикаторы"];
    plan.ownedSheets = ["Сводка"];
    plan.highlights = [];
    plan.settings = null;
    await gw.write(plan);
    expect(fake.model.find("Индикаторы")).toBeUndefined();
    expect(fake.model.get("Реестр ОО").conditionalFormats.map((r) => r.fill ?? r.type)).toEqual(["#BFBFBF", "#E2EFDA", "DataBar"]);
    expect(await gw.readOwnedSheets()).toEqual(["Сводка"]);
  });

  it("creates the settings sheet when asked", async () => {
    const fake = FakeExcel.fromSheets(userSheets().filter((s) => s.name !== "Настройки"));
    const plan = basePlan();
    plan.settings = { sheet: "Настройки", create: true, startRow: 0, rows: [["Параметр", "Значение"], ["report_year", 2026], ["weights", "R1=1; R2=1"]], columnWidths: [24, 40] };
    await gatewayOn(fake).write(plan);
    expect(fake.values("Настройки")).toEqual([["Параметр", "Значение"], ["report_year", 2026], ["weights", "R1=1; R2=1"]]);
    expect(fake.model.get("Настройки").columnWidths.get(1)).toBe(charsToPoints(40));
    expect(await gatewayOn(fake).readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
  });

  it("turns events back on when a write fails half-way", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    fake.failWhen(({ labels }) => (labels.some((l) => l.endsWith(".values")) ? new FakeExcelError("GeneralException", "Внутренняя ошибка") : undefined));
    const err = await gatewayOn(fake)
      .write(basePlan())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "excel", code: "GeneralException", message: expect.stringContaining("Внутренняя ошибка Excel") });
    expect(fake.syncs.some((s) => s.labels.includes("runtime.enableEvents"))).toBe(true);
    expect(fake.model.enableEvents).toBe(true);
    // The sheets created before the failure are recorded as ours: a retry is not refused.
    fake.clearFailures();
    await gatewayOn(fake).write(basePlan());
    expect(fake.values("Индикаторы")[1]).toEqual(["0412", "ШНОР"]);
  });

  it("keeps the user's choice of events off", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    fake.model.enableEvents = false;
    await gatewayOn(fake).write(basePlan());
    expect(fake.model.enableEvents).toBe(false);
  });

  it("groups run B into one undo step on ExcelApi 1.20 and keeps deletion outside it", async () => {
    const fake = FakeExcel.fromSheets(userSheets(), { strictUndo: true });
    const gw = gatewayOn(fake);
    await gw.write(basePlan());
    const plan = basePlan();
    plan.reports = plan.reports.slice(0, 1);
    plan.deleteSheets = ["Индикаторы"];
    plan.ownedSheets = ["Сводка"];
    fake.resetCounters();
    await gw.write(plan);
    expect(fake.runs.map((r) => r.mergeUndoGroup)).toEqual([false, true]);
    expect(fake.syncs.filter((s) => s.labels.some((l) => l.endsWith(".delete") && l.startsWith("worksheets"))).every((s) => !s.mergeUndoGroup)).toBe(true);

    const old = FakeExcel.fromSheets(userSheets(), { excelApi: "1.19" });
    await gatewayOn(old).write(basePlan());
    expect(old.runs.every((r) => !r.mergeUndoGroup)).toBe(true);
  });

  it("falls back to a write without undo grouping when Excel refuses to group", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    let refused = false;
    fake.failWhen(({ labels }) => {
      if (refused || !labels.some((l) => l.endsWith(".values"))) return undefined;
      const grouped = fake.runs[fake.runs.length - 1]?.mergeUndoGroup;
      if (!grouped) return undefined;
      refused = true;
      return new FakeExcelError("UndoNotSupported", "cannot group");
    });
    await gatewayOn(fake).write(basePlan());
    expect(refused).toBe(true);
    expect(fake.values("Сводка")[2]).toEqual(["ШНОР", 12, 0.125]);
    expect(fake.model.get("Реестр ОО").conditionalFormats).toHaveLength(5);
  });

  it("halves write batches on a request payload error and still writes everything", async () => {
    const fake = FakeExcel.fromSheets(userSheets(), { maxRequestBytes: 300_000 });
    const rows = Array.from({ length: 4000 }, (_, r) => [`Школа № ${r}`, r, r / 10, "длинный текст причины для отчёта"]);
    const plan = basePlan();
    plan.reports.push(report("Динамика", [["Школа", "Номер", "Доля", "Причина"], ...rows]));
    plan.ownedSheets.push("Динамика");
    await gatewayOn(fake, { maxPayloadBytes: 2_000_000 }).write(plan);
    expect(fake.syncs.some((s) => s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(fake.values("Динамика")).toEqual([["Школа", "Номер", "Доля", "Причина"], ...rows]);
    expect(fake.syncs.filter((s) => !s.error).every((s) => s.requestBytes <= 300_000)).toBe(true);
  });

  it("splits a block larger than the payload budget before sending it: no request is refused", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    // 20,000 rows × 4 columns with long texts: one 80,000-cell block of ≈ 4 MB
    const rows = Array.from({ length: 20_000 }, (_, r) => [`Школа № ${r}`, r, `основание: ${"длинный текст причины для отчёта, ".repeat(3)}`, r / 7]);
    const plan = basePlan();
    plan.reports.push(report("Кандидаты", [["Школа", "Номер", "Основания", "Доля"], ...rows]));
    plan.ownedSheets.push("Кандидаты");
    await gatewayOn(fake, { maxPayloadBytes: 1_000_000 }).write(plan);
    expect(fake.syncs.filter((s) => s.error === "RequestPayloadSizeLimitExceeded")).toEqual([]);
    expect(Math.max(...fake.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(1_100_000);
    expect(fake.values("Кандидаты")).toEqual([["Школа", "Номер", "Основания", "Доля"], ...rows]);
  });

  it("reports a malformed plan without changing anything", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const plan = basePlan();
    plan.reports[0].name = "Отчёт: итоги";
    await expect(gatewayOn(fake).write(plan)).rejects.toMatchObject({ kind: "invalid-plan" });
    expect(fake.model.find(SERVICE_SHEET)).toBeUndefined();
  });
});

describe("OfficeGateway selection", () => {
  it("selects a cell and a whole row", async () => {
    const fake = FakeExcel.fromSheets(userSheets());
    const gw = gatewayOn(fake);
    await gw.selectCell("Результаты", "C2");
    expect(fake.model.selection).toEqual({ sheet: "Результаты", address: "C2" });
    expect(fake.model.activeSheet).toBe("Результаты");
    await gw.selectRow("Реестр ОО", 4);
    expect(fake.model.selection).toEqual({ sheet: "Реестр ОО", address: "A4:XFD4" });
    await expect(gw.selectCell("Нет", "A1")).rejects.toMatchObject({ code: "ItemNotFound", message: expect.stringContaining("не найден") });
  });
});
