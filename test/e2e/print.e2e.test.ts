/**
 * Print end to end: the demo's result workbook printed to PDF by LibreOffice headless and
 * turned into page pictures (test-artifacts/pages/, one file per page named after its
 * sheet). The report sheets print on A4 with their footer, «Сводка» carries the two chart
 * pictures, and no text of any page runs into other text (wrapped rows have their heights).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_BOOK, DEMO_REPORT_DATE } from "../support/demo-run";
import { hasPrintTools, imagesOnPage, overlappingWords, pageTexts, pageWords, renderPages, xlsxToPdf } from "../support/pdf";
import { Orchestrator } from "../../src/app/orchestrator";
import { XlsxGateway } from "../../src/workbook/xlsx/xlsx-gateway";
import { nodeDeflate } from "../../src/workbook/xlsx/file";
import { REPORT_SHEETS } from "../../src/domain/i18n/ru";

const PAGES_DIR = join(__dirname, "../../test-artifacts/pages");

/** Sheets printed, in tab order, with the first line of their first page and a file name. */
const PRINTED: { sheet: string; title: RegExp; slug: string }[] = [
  { sheet: REPORT_SHEETS.summary, title: /^Монитор ШНОР — сводка расчёта/, slug: "svodka" },
  { sheet: REPORT_SHEETS.indicators, title: /^Индикаторы ШНОР\/ШНСУ/, slug: "indikatory" },
  { sheet: REPORT_SHEETS.candidates, title: /^Кандидаты в перечни ШНОР и ШНСУ/, slug: "kandidaty" },
  { sheet: REPORT_SHEETS.dynamics, title: /^Динамика \d{4} → \d{4}/, slug: "dinamika" },
  { sheet: REPORT_SHEETS.objectivity, title: /^Признаки необъективности результатов \(\d{4}/, slug: "obektivnost" },
  { sheet: REPORT_SHEETS.roadmap, title: /^Исполнение дорожной карты на/, slug: "ispolnenie-dk" },
  { sheet: REPORT_SHEETS.note, title: /^Аналитическая справка/, slug: "spravka" },
];

const tools = hasPrintTools();
const maybe = tools ? describe : describe.skip;
if (!tools) console.warn("print e2e skipped: soffice, pdftoppm, pdftotext and pdfimages are needed (Debian: libreoffice-calc, poppler-utils)");

maybe("the demo's report sheets printed by LibreOffice", () => {
  let pdf: string;
  let texts: string[];
  let sheetOfPage: string[];
  let keyCells: string[];

  beforeAll(async () => {
    const gw = await XlsxGateway.fromBuffer(readFileSync(DEMO_BOOK), { deflate: nodeDeflate });
    await new Orchestrator(gw).calculate({ reportDate: DEMO_REPORT_DATE, now: () => new Date(2026, 10, 22, 10, 0, 0) });
    // Print the report sheets only: the user's sheets (and «Журнал», «Настройки») are hidden,
    // and the active sheet is «Сводка» (LibreOffice prints the active sheet even if hidden).
    const wb = gw.workbook;
    const printed = new Set(PRINTED.map((p) => p.sheet));
    for (const ws of wb.worksheets) if (!printed.has(ws.name)) ws.state = "hidden";
    wb.views = [{ activeTab: wb.worksheets.findIndex((ws) => ws.name === REPORT_SHEETS.summary) } as never];
    const roadmap = wb.getWorksheet(REPORT_SHEETS.roadmap)!;
    keyCells = [4, 5, 6].map((r) => String(roadmap.getRow(r).getCell(roadmap.columnCount).value ?? ""));

    const dir = mkdtempSync(join(tmpdir(), "shnor-print-"));
    const file = join(dir, "demo.reports.xlsx");
    writeFileSync(file, await gw.toBuffer());
    pdf = xlsxToPdf(file, dir);
    texts = pageTexts(pdf);

    let current = "";
    sheetOfPage = texts.map((text) => {
      const first = text.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "";
      current = PRINTED.find((p) => p.title.test(first))?.sheet ?? current;
      return current;
    });
    rmSync(PAGES_DIR, { recursive: true, force: true });
    mkdirSync(PAGES_DIR, { recursive: true });
    const counters = new Map<string, number>();
    const names = sheetOfPage.map((sheet, i) => {
      const n = (counters.get(sheet) ?? 0) + 1;
      counters.set(sheet, n);
      const slug = PRINTED.find((p) => p.sheet === sheet)?.slug ?? "page";
      return `${String(i + 1).padStart(2, "0")}-${slug}-${n}`;
    });
    renderPages(pdf, PAGES_DIR, names);
  }, 600_000);

  it("prints every report sheet, each in a few A4 pages, with the footer on every page", () => {
    expect(sheetOfPage[0]).toBe(REPORT_SHEETS.summary);
    for (const p of PRINTED) expect(sheetOfPage).toContain(p.sheet);
    const pages = (sheet: string) => sheetOfPage.filter((s) => s === sheet).length;
    expect(pages(REPORT_SHEETS.summary)).toBeLessThanOrEqual(3);
    expect(pages(REPORT_SHEETS.candidates)).toBeLessThanOrEqual(5);
    expect(pages(REPORT_SHEETS.roadmap)).toBeLessThanOrEqual(3);
    expect(pages(REPORT_SHEETS.note)).toBeLessThanOrEqual(8);
    texts.forEach((text) => expect(text).toMatch(/Монитор ШНОР · дата отчёта 22\.11\.2026 · настройки [0-9a-f]{8} · стр\. \d+ из \d+/));
  });

  it("has the two chart pictures on the first page of «Сводка»", () => {
    expect(imagesOnPage(pdf, 1).length).toBeGreaterThanOrEqual(2);
    expect(texts[0]).toContain("Школы по ИНР и ИСН, 2026 год");
    expect(texts[0]).toContain("Статусы школ по годам");
  });

  it("lets no text run into other text on any page (wrapped rows are tall enough)", () => {
    const words = pageWords(pdf);
    const clashes = words.flatMap((list, i) => overlappingWords(list).map(([a, b]) => `стр. ${i + 1} (${sheetOfPage[i]}): «${a.text}» / «${b.text}»`));
    expect(clashes).toEqual([]);
  });

  it("prints the whole note, from the draft line to the decisions", () => {
    const note = texts.filter((_, i) => sheetOfPage[i] === REPORT_SHEETS.note).join("\n").replace(/\s+/g, " ");
    expect(note).toContain("Черновик на 22 ноября 2026 г.");
    for (const h of ["1. Показатели и источники данных", "2. Результаты мониторинга", "3. Анализ причин", "4. Адресные рекомендации", "5. Меры: исполнение дорожной карты", "6. Анализ эффективности мер", "7. Управленческие решения"]) {
      expect(note).toContain(h);
    }
  });

  it("leaves the row keys of «Исполнение ДК» (a service column) out of print", () => {
    const roadmap = texts.filter((_, i) => sheetOfPage[i] === REPORT_SHEETS.roadmap).join("\n");
    expect(roadmap).toContain("Исполнение по ответственным");
    for (const key of keyCells.filter((k) => k.length > 8)) expect(roadmap).not.toContain(key.slice(0, 12));
  });
});
