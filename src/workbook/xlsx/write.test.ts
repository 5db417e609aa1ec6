import JSZip from "jszip"; // ExcelJS's own dependency: used only to look at the raw sheet XML
import type { ConditionalFormattingRule, Workbook, Worksheet } from "exceljs";
import { snapshotUserSheet } from "../../../test/support/xlsx-snapshot";
import { FORMULA_LOOKING, fullPlan, indicatorsSheet, summarySheet } from "../../../test/fixtures/xlsx/plan";
import { buildUserWorkbook, HIDDEN, loadBook, REGISTRY, RESULTS, toBuffer, VERY_HIDDEN } from "../../../test/fixtures/xlsx/user-book";
import { isOurRule } from "./highlights";
import { SERVICE_SHEET } from "../service-state";
import { readServiceState } from "./service-sheet";
import { XlsxGateway } from "./xlsx-gateway";

const USER_SHEETS = [REGISTRY, RESULTS, HIDDEN, VERY_HIDDEN];

function sheet(wb: Workbook, name: string): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Original file → gateway → write(plan) → saved file, both loaded by plain ExcelJS. */
async function writeAndReload(original: Uint8Array, plan = fullPlan()) {
  const gateway = await XlsxGateway.fromBuffer(original);
  await gateway.write(plan);
  const saved = await gateway.toBuffer();
  return { before: await loadBook(original), after: await loadBook(saved), saved };
}

describe("XlsxGateway.write: report sheets", () => {
  let after: Workbook;
  let before: Workbook;
  let saved: Uint8Array;
  beforeAll(async () => {
    ({ before, after, saved } = await writeAndReload(await toBuffer(buildUserWorkbook())));
  });

  test("new report sheets, settings and the service sheet are appended after the user's sheets", () => {
    expect(after.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      [REGISTRY, "visible"],
      [RESULTS, "visible"],
      [HIDDEN, "hidden"],
      [VERY_HIDDEN, "veryHidden"],
      ["Сводка", "visible"],
      ["Индикаторы", "visible"],
      ["Настройки", "visible"],
      [SERVICE_SHEET, "veryHidden"],
    ]);
  });

  test("values: numbers as numbers, text as text, booleans, null and \"\" leave cells empty", () => {
    const ws = sheet(after, "Сводка");
    expect(ws.getCell("A1").value).toBe("Сводка по району, 2026");
    expect(ws.getCell("B3").value).toBe(3);
    expect(ws.getCell("C4").value).toBe(0.0417);
    expect(ws.getCell("D6").value).toBe(true);
    expect(ws.getCell("D5").type).toBe(0); // null → empty
    const ind = sheet(after, "Индикаторы");
    expect(ind.getCell("C3").type).toBe(0);
    expect(ind.getCell("F6").type).toBe(0); // "" → empty
    expect(ind.getCell("D5").value).toBe(12.25);
  });

  test("text that looks like a formula is written as text, never as a formula", async () => {
    const ind = sheet(after, "Индикаторы");
    const cells = ["F2", "F3", "F4", "F5", "B6"].map((a) => ind.getCell(a));
    expect(cells.map((c) => c.value)).toEqual(FORMULA_LOOKING);
    for (const c of cells) {
      expect(c.type).toBe(3); // ValueType.String
      expect(c.formula).toBeUndefined();
    }
    const settings = sheet(after, "Настройки");
    expect(settings.getCell("B4").value).toBe("=ручной");
    expect(settings.getCell("B4").type).toBe(3);
    // The raw XML of every written sheet has no <f> element at all.
    const zip = await JSZip.loadAsync(saved);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    for (const name of ["Сводка", "Индикаторы", "Настройки", SERVICE_SHEET]) {
      const tag = new RegExp(`<sheet [^>]*name="${name}"[^>]*>`).exec(workbookXml)?.[0] ?? "";
      const rid = /r:id="(rId\d+)"/.exec(tag)?.[1];
      expect(rid).toBeDefined();
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
      const xml = await zip.file(`xl/${target!.replace(/^\/?xl\//, "")}`)!.async("string");
      expect(xml).toContain("<sheetData>");
      expect(xml).not.toMatch(/<f[ >]/);
    }
  });

  test("number formats and styles by block; later blocks win property by property", () => {
    const ws = sheet(after, "Сводка");
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("C6").numFmt).toBe("0.0%");
    expect(ws.getCell("D3").numFmt).toBe("dd.mm.yyyy");
    expect(ws.getCell("B3").numFmt).toBeUndefined();
    const title = ws.getCell("A1");
    expect(title.font).toMatchObject({ bold: true, size: 14 });
    expect(title.alignment).toMatchObject({ horizontal: "center" });
    const header = ws.getCell("B2");
    expect(header.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(header.font).toMatchObject({ bold: true });
    expect(header.alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(header.border).toMatchObject({
      top: { style: "thin" },
      left: { style: "thin" },
      bottom: { style: "thin" },
      right: { style: "thin" },
    });
    const shnor = ws.getCell("A3"); // border block, then its own fill/font block
    expect(shnor.fill).toMatchObject({ fgColor: { argb: "FFF8CBAD" } });
    expect(shnor.font).toMatchObject({ italic: true, color: { argb: "FF9C0006" } });
    expect(shnor.border).toMatchObject({ top: { style: "thin" } });
    const total = ws.getCell("C6"); // border + bold/right + number format
    expect(total.font).toMatchObject({ bold: true });
    expect(total.alignment).toMatchObject({ horizontal: "right" });
    expect(total.border).toMatchObject({ bottom: { style: "thin" } });
    const plain = ws.getCell("B4");
    expect(plain.fill?.type === "pattern" ? plain.fill.pattern : "none").toBe("none");
    expect(plain.font?.bold).toBeFalsy();
    const ind = sheet(after, "Индикаторы");
    expect(ind.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ind.getCell("C2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ind.getCell("D6").numFmt).toBe("0.0");
  });

  test("column widths, frozen header, merges", () => {
    const ws = sheet(after, "Сводка");
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([24, 14, 10, 12]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, topLeftCell: "A3" });
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:D1"]);
    expect(ws.getCell("A1").value).toBe("Сводка по району, 2026");
    const ind = sheet(after, "Индикаторы");
    expect(ind.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect([1, 2, 6].map((c) => ind.getColumn(c).width)).toEqual([12, 40, 30]);
  });

  test("print set-up: A4, landscape, fit to width, repeated title rows", () => {
    const ws = sheet(after, "Сводка");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
    });
    expect(sheet(after, "Индикаторы").pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "1:1" });
  });

  test("the settings sheet is created with its rows and widths", () => {
    const ws = sheet(after, "Настройки");
    expect(ws.getRow(3).values).toEqual([undefined, "report_year", 2026, 2026, "Отчётный год"]);
    expect(ws.getCell("D4").value).toBe("-режим");
    expect(ws.getCell("B5").value).toBe(true);
    expect(ws.getCell("B1").type).toBe(0);
    expect([1, 4].map((c) => ws.getColumn(c).width)).toEqual([24, 50]);
  });

  test("ownership and highlights are recorded in the very hidden service sheet", () => {
    const state = readServiceState(after);
    expect(state.owned).toEqual(["Сводка", "Индикаторы"]);
    expect(state.highlights.map((h) => [h.sheet, h.range, h.fill])).toEqual([
      [REGISTRY, "A3:F6", "#F8CBAD"],
      [REGISTRY, "A3:F6", "#FFE699"],
    ]);
    expect(sheet(after, SERVICE_SHEET).state).toBe("veryHidden");
  });

  test("the highlight rules are expression rules with a solid fill over the planned range", () => {
    type Rule = ConditionalFormattingRule & {
      formulae: string[];
      style: { fill: { pattern: string; bgColor: { argb: string } } };
    };
    const cfs = (sheet(after, REGISTRY) as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] })
      .conditionalFormattings;
    const ours = cfs.filter((cf) => cf.rules.some((r) => isOurRule(r, readServiceState(after).highlights)));
    expect(ours).toHaveLength(1);
    expect(ours[0].ref).toBe("A3:F6");
    expect(ours[0].rules.map((r) => [r.type, r.formulae[0], r.style.fill.pattern, r.style.fill.bgColor.argb])).toEqual([
      ["expression", 'COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!$E:$E,"ШНОР")>0', "solid", "FFF8CBAD"],
      ["expression", 'COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!$E:$E,"ШНСУ")>0', "solid", "FFFFE699"],
    ]);
    // Lower precedence than the user's two rules (priorities 1, 2).
    expect(ours[0].rules.map((r) => r.priority)).toEqual([3, 4]);
  });

  test("every user sheet is identical cell by cell (our highlight rules aside)", () => {
    const records = readServiceState(after).highlights;
    for (const name of USER_SHEETS) {
      const b = snapshotUserSheet(sheet(before, name));
      const a = snapshotUserSheet(sheet(after, name), { ignoreRule: (rule) => isOurRule(rule, records) });
      expect(a).toEqual(b);
    }
    // The pictures are not empty: they really hold what the user had.
    const reg = snapshotUserSheet(sheet(before, REGISTRY));
    expect(Object.keys(reg.cells).length).toBeGreaterThan(40);
    expect(reg.conditionalFormats).toHaveLength(2);
    expect(reg.merges).toEqual(["A1:F1"]);
    expect(reg.autoFilter).toBe("A2:F6");
    expect(JSON.stringify(reg.dataValidations)).toContain("да,нет");
    expect(JSON.stringify(reg.cells.B4)).toContain("филиал закрыт");
    expect(JSON.stringify(reg.cells.F4)).toContain("F3"); // shared formula clone
  });

  test("after removeHighlights the user sheets are identical without any filter", async () => {
    const gateway = await XlsxGateway.fromBuffer(saved);
    await gateway.removeHighlights();
    const cleaned = await loadBook(await gateway.toBuffer());
    for (const name of USER_SHEETS) {
      expect(snapshotUserSheet(sheet(cleaned, name))).toEqual(snapshotUserSheet(sheet(before, name)));
    }
    expect(readServiceState(cleaned)).toEqual({ owned: ["Сводка", "Индикаторы"], highlights: [] });
  });

  test("the gateway reads its own output: report sheets are listed, the service sheet is hidden", async () => {
    const gateway = await XlsxGateway.fromBuffer(saved);
    expect(await gateway.readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    const list = await gateway.listSheets();
    expect(list.find((s) => s.name === SERVICE_SHEET)).toEqual({ name: SERVICE_SHEET, hidden: true });
    const [ind] = await gateway.readSheets(["Индикаторы"]);
    expect(ind.values[1]).toEqual(["edu0001", "МБОУ «Сосновская СОШ»", 4.2, 62.5, "ШНОР", "=SUM(A1:A2)"]);
    expect(ind.values[5]).toEqual(["edu0005", '=HYPERLINK("http://x")', 2, 0, "Недостаточно данных"]);
  });
});

describe("XlsxGateway.write: replacing, deleting, idempotency", () => {
  test("writing the same plan twice gives identical sheets", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan());
    const first = await loadBook(await gateway.toBuffer());
    const plan2 = fullPlan({ settings: null }); // the settings sheet exists now
    await gateway.write(plan2);
    const second = await loadBook(await gateway.toBuffer());
    expect(second.worksheets.map((ws) => ws.name)).toEqual(first.worksheets.map((ws) => ws.name));
    for (const ws of first.worksheets) {
      expect(snapshotUserSheet(sheet(second, ws.name))).toEqual(snapshotUserSheet(ws));
    }
  });

  test("replacing an owned sheet keeps its tab position", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan({ settings: null, highlights: [] }));
    // The user drags «Индикаторы» to the front and «Сводка» between the user's sheets.
    const wb = gateway.workbook;
    const order = ["Индикаторы", REGISTRY, "Сводка", RESULTS, HIDDEN, VERY_HIDDEN, SERVICE_SHEET];
    order.forEach((name, i) => ((wb.getWorksheet(name) as unknown as { orderNo: number }).orderNo = i));
    const reloaded = await XlsxGateway.fromBuffer(await gateway.toBuffer());
    expect((await reloaded.listSheets()).map((s) => s.name)).toEqual(order);

    const changed = indicatorsSheet(["другое"]);
    await reloaded.write(fullPlan({ reports: [summarySheet(), changed], settings: null, highlights: [] }));
    const after = await loadBook(await reloaded.toBuffer());
    expect(after.worksheets.map((ws) => ws.name)).toEqual(order);
    expect(sheet(after, "Индикаторы").getCell("F2").value).toBe("другое");
    expect(sheet(after, "Индикаторы").getCell("F3").type).toBe(0);
  });

  test("a new report goes last; a report no longer produced is deleted and forgotten", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan({ settings: null }));
    const dynamics = { ...summarySheet(), name: "Динамика", merges: [], print: undefined };
    await gateway.write(
      fullPlan({ reports: [indicatorsSheet(), dynamics], deleteSheets: ["Сводка"], ownedSheets: ["Индикаторы", "Динамика"], settings: null }),
    );
    const after = await loadBook(await gateway.toBuffer());
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      REGISTRY,
      RESULTS,
      HIDDEN,
      VERY_HIDDEN,
      "Индикаторы",
      SERVICE_SHEET,
      "Динамика",
    ]);
    expect(readServiceState(after).owned).toEqual(["Индикаторы", "Динамика"]);
    // Without print set-up a report is still A4, not fitted.
    expect(sheet(after, "Динамика").pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: false });
  });

  test("owned names that are not sheets are not kept (they could later match a user's sheet)", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan({ ownedSheets: ["Сводка", "Индикаторы", "Справка"], settings: null }));
    expect(await gateway.readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
  });

  test("settings rows are appended at startRow; no other cell of the user's settings sheet changes", async () => {
    const original = await toBuffer(buildUserWorkbook({ settingsSheet: true }));
    const { before, after } = await writeAndReload(
      original,
      fullPlan({
        settings: {
          sheet: "Настройки",
          create: false,
          startRow: 5,
          rows: [
            ["due_soon_days", 14, 14, "Скоро срок, дней"],
            ["", "", "", ""],
            ["Сопоставление", "", "", ""],
            ["school_id", "=Логин", "", ""],
          ],
          columnWidths: [30, 30, 30, 30],
        },
      }),
    );
    const b = snapshotUserSheet(sheet(before, "Настройки"));
    const a = snapshotUserSheet(sheet(after, "Настройки"));
    const newCells = ["A6", "B6", "C6", "D6", "A8", "A9", "B9"];
    expect(Object.keys(a.cells).filter((k) => !(k in b.cells)).sort()).toEqual(newCells.sort());
    for (const [address, cell] of Object.entries(b.cells)) expect(a.cells[address]).toEqual(cell);
    expect(a.columns).toEqual(b.columns); // widths are the user's
    expect(a.merges).toEqual(b.merges);
    const ws = sheet(after, "Настройки");
    expect(ws.getRow(6).values).toEqual([undefined, "due_soon_days", 14, 14, "Скоро срок, дней"]);
    expect(ws.getCell("B9").value).toBe("=Логин");
    expect(ws.getCell("B9").type).toBe(3);
    expect(readServiceState(after).owned).not.toContain("Настройки");
  });
});

describe("XlsxGateway.write: the active sheet", () => {
  async function bookWithActive(activeTab: number) {
    const wb = buildUserWorkbook();
    wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" }];
    return XlsxGateway.fromBuffer(await toBuffer(wb));
  }

  test("stays on the same sheet when sheets before it are deleted", async () => {
    const gateway = await bookWithActive(1); // «Результаты»
    await gateway.write(fullPlan({ settings: null }));
    const order = ["Сводка", "Индикаторы", REGISTRY, RESULTS, HIDDEN, VERY_HIDDEN, SERVICE_SHEET];
    order.forEach((name, i) => ((gateway.workbook.getWorksheet(name) as unknown as { orderNo: number }).orderNo = i));
    gateway.workbook.views[0].activeTab = 3;
    await gateway.write(fullPlan({ reports: [indicatorsSheet()], deleteSheets: ["Сводка"], ownedSheets: ["Индикаторы"], settings: null }));
    const after = await loadBook(await gateway.toBuffer());
    expect(after.worksheets[after.views[0].activeTab ?? 0].name).toBe(RESULTS);
  });

  test("moves to the first visible sheet when the active report sheet is deleted", async () => {
    const gateway = await bookWithActive(0);
    await gateway.write(fullPlan({ settings: null }));
    gateway.workbook.views[0].activeTab = 4; // «Сводка»
    await gateway.write(fullPlan({ reports: [indicatorsSheet()], deleteSheets: ["Сводка"], ownedSheets: ["Индикаторы"], settings: null }));
    const after = await loadBook(await gateway.toBuffer());
    expect(after.worksheets[after.views[0].activeTab ?? 0].name).toBe(REGISTRY);
  });
});

