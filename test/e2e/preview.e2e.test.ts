/**
 * End to end: the built task pane (dist/web) in headless Chromium, in browser-preview mode,
 * at the default pane width of 350 px. Opens a workbook, presses «Рассчитать» from the
 * keyboard, checks the counts against the engine run in this process on the same file,
 * downloads the result and reads it with ExcelJS, saves test-artifacts/preview.png, and
 * records the longest main-thread task during the run (reported, not asserted: quality.md
 * wants benchmarks as scripts — see scripts/bench-pane.ts — and this machine is shared).
 *
 * Every request that is not to the local server is blocked and recorded; only the Office.js
 * CDN script may be attempted. Chromium is required: without it the test fails (CI installs
 * it: apt-get install -y chromium). dist/web is built first when missing or stale.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { Orchestrator, type RunOutcome } from "../../src/app/orchestrator";
import { REPORT_SHEETS, STATUS_LABELS } from "../../src/domain/i18n/ru";
import { XlsxGateway } from "../../src/workbook/xlsx/xlsx-gateway";
import { decodePng } from "../support/png";
import { calculate, ensureBuilt, launchPane, OFFICE_CDN, openBook, requireChromium, ROOT, serveStatic, WEB, type PaneBrowser, type PaneTab } from "../support/pane-browser";
import { buildSmallBook } from "./small-book";

const ARTIFACTS = join(ROOT, "test-artifacts");
const WIDTH = 350;

jest.setTimeout(240_000);

/** The workbook to open: the demo workbook when it exists, else a small generated one. */
async function inputBook(dir: string): Promise<string> {
  const demo = join(ROOT, "assets", "demo.xlsx");
  if (existsSync(demo) && process.env.SHNOR_E2E_BOOK !== "generated") return demo;
  const path = join(dir, "Мониторинг (тест).xlsx");
  await buildSmallBook().xlsx.writeFile(path);
  return path;
}

const digits = (s: string | null) => Number((s ?? "").replace(/\D/g, ""));

describe("task pane, browser preview (built, headless Chromium, 350 px)", () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: PaneBrowser;
  let tab: PaneTab;
  let work: string;
  let book: string;
  let expected: RunOutcome;

  beforeAll(async () => {
    requireChromium();
    ensureBuilt();
    server = await serveStatic(WEB);
    work = mkdtempSync(join(tmpdir(), "shnor-e2e-"));
    book = await inputBook(work);
    // The expected result: the same engine in this process on the same file.
    expected = await new Orchestrator(await XlsxGateway.fromBuffer(readFileSync(book))).calculate({ version: "e2e" });
    browser = await launchPane(join(work, "profile"), server.origin, { width: WIDTH, height: 900 });
    tab = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.context.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("opens a workbook, calculates, shows the engine's counts, downloads the reports", async () => {
    const { page } = tab;
    const open = await openBook(page, server.origin, book);
    // Office.js could not load (blocked): the page decided it is the preview.
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("preview");
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
    for (const t of expected.json.tables) {
      await page.getByTestId("input-tables").locator(`[data-kind="${t.kind}"][data-found="true"]`).waitFor();
    }

    const run = await calculate(page);

    // Counts per status equal the command line's JSON for the same file.
    const shown: Record<string, number> = {};
    for (const row of await page.locator('[data-testid="status-counts"] tr[data-status]').all()) {
      shown[(await row.getAttribute("data-status"))!] = digits(await row.locator("td").textContent());
    }
    const want = Object.fromEntries(Object.keys(STATUS_LABELS).map((code) => [code, expected.json.status_counts[code] ?? 0]));
    expect(shown).toEqual(want);
    const overdue = expected.json.roadmap.filter((e) => e.status === "overdue").length;
    const roadmapText = await page.getByTestId("roadmap-summary").textContent();
    expect(roadmapText).toContain(`просрочено ${overdue}`);
    expect(digits(roadmapText!.split(",")[0])).toBe(expected.json.roadmap.length);
    expect(await page.getByTestId("problems").locator("li").count()).toBe(Math.min(50, expected.json.problems.length));
    const shnor = expected.json.schools.filter((s) => s.extra.shnor_t).length;
    await page.getByRole("button", { name: `Кандидаты в ШНОР: ${shnor}` }).waitFor();

    // Readable at 350 px: nothing wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);

    // A problem click in the preview explains where the cell is.
    const first = expected.json.problems[0];
    if (first) {
      await page.getByTestId("problems").getByRole("button").first().click();
      await page.getByTestId("notice").filter({ hasText: first.sheet }).waitFor();
    }

    // Download the result and read it back.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Скачать результат" }).click()]);
    const saved = join(work, "result.xlsx");
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/\.shnor\.xlsx$/);
    const result = new Workbook();
    await result.xlsx.readFile(saved);
    const names = result.worksheets.map((w) => w.name);
    for (const sheet of expected.written) expect(names).toContain(sheet);
    expect(names).toContain(REPORT_SHEETS.summary);
    // The charts as pictures, encoded in the browser (CompressionStream): valid PNGs.
    const pictures = result.getWorksheet(REPORT_SHEETS.summary)!.getImages();
    expect(pictures).toHaveLength(expected.result.schools.length > 0 ? 2 : 0);
    for (const p of pictures) expect(decodePng(result.getImage(Number(p.imageId)).buffer as unknown as Uint8Array).width).toBeGreaterThan(100);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, "preview.png"), fullPage: true });
    await page.screenshot({ path: join(ARTIFACTS, "preview-viewport.png") });

    const perf = { book: book.startsWith(ROOT) ? book.slice(ROOT.length + 1) : "generated small book", schools: expected.json.schools.length, ...open, ...run };
    writeFileSync(join(ARTIFACTS, "preview-perf.json"), JSON.stringify(perf, null, 2) + "\n");
    console.log(`task pane preview: ${JSON.stringify(perf)}`);

    // Nothing left the machine but the attempt to load Office.js; no CSP violation, no page error.
    expect(browser.offsite.filter((u) => u !== OFFICE_CDN)).toEqual([]);
    expect(tab.cspViolations).toEqual([]);
    expect(tab.pageErrors).toEqual([]);
  });
});
