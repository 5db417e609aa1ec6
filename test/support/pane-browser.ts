/**
 * The built task pane (dist/web) in the system Chromium, for the browser test and the
 * pane benchmark: build check, a static server on 127.0.0.1, Chromium with a fresh
 * profile, every off-site request blocked and recorded, long tasks observed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "..", "..");
export const WEB = join(ROOT, "dist", "web");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Fails with the fix in the message when Chromium is missing (the test never skips). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. The browser test needs it: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
}

/** Builds dist/web when it is missing or older than the sources it is built from. */
export function ensureBuilt(): void {
  const page = join(WEB, "taskpane.html");
  const built = existsSync(page) ? statSync(page).mtimeMs : 0;
  const newest = Math.max(statSync(join(ROOT, "webpack.config.js")).mtimeMs, newestSource(join(ROOT, "src")));
  if (built >= newest && process.env.SHNOR_E2E_REBUILD !== "1") return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--no-stats"], { cwd: ROOT, stdio: "inherit" });
  if (!existsSync(page)) throw new Error("webpack did not produce dist/web/taskpane.html");
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(tsx?|html)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export { serveStatic } from "../../scripts/static-server";

export interface PaneBrowser {
  context: BrowserContext;
  /** Off-site URLs the page tried to load (all were blocked). */
  offsite: string[];
  newPage(): Promise<PaneTab>;
}

export interface PaneTab {
  page: Page;
  pageErrors: string[];
  cspViolations: string[];
}

/** Chromium with a fresh profile; only `origin` is reachable. */
export async function launchPane(profileDir: string, origin: string, viewport = { width: 350, height: 900 }): Promise<PaneBrowser> {
  requireChromium();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
    locale: "ru-RU",
    serviceWorkers: "block",
  });
  const offsite: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    } catch {
      /* longtask not supported */
    }
  });
  let first = true;
  return {
    context,
    offsite,
    async newPage() {
      const existing = first ? context.pages()[0] : undefined;
      first = false;
      const page = existing ?? (await context.newPage());
      const tab: PaneTab = { page, pageErrors: [], cspViolations: [] };
      page.on("pageerror", (e) => tab.pageErrors.push(String(e)));
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) tab.cspViolations.push(m.text());
      });
      return tab;
    },
  };
}

export interface LongTask {
  start: number;
  duration: number;
}

export const now = (page: Page) => page.evaluate(() => performance.now());

/** Long tasks overlapping [from, to] (page clock, ms). */
export async function longTasks(page: Page, from: number, to: number): Promise<LongTask[]> {
  const all = await page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
  return all.filter((t) => t.start + t.duration >= from && t.start <= to);
}

export const longest = (tasks: LongTask[]) => Math.round(Math.max(0, ...tasks.map((t) => t.duration)));

/** Opens the preview page, loads `book` and waits for the table list. */
export async function openBook(page: Page, origin: string, book: string): Promise<{ openMs: number; openLongestTaskMs: number }> {
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("button", { name: "Открыть файл .xlsx" }).waitFor({ timeout: 30_000 });
  const start = await now(page);
  await page.locator('input[type="file"]').setInputFiles(book);
  await page.getByTestId("input-tables").waitFor({ timeout: 120_000 });
  const end = await now(page);
  return { openMs: Math.round(end - start), openLongestTaskMs: longest(await longTasks(page, start, end)) };
}

/** Presses «Рассчитать» from the keyboard and waits for the summary. */
export async function calculate(page: Page): Promise<{ runMs: number; runLongestTaskMs: number; runLongTasks: number[] }> {
  await page.getByRole("button", { name: "Рассчитать" }).focus();
  const start = await now(page);
  await page.keyboard.press("Enter");
  await page.getByTestId("summary").waitFor({ timeout: 300_000 });
  const end = await now(page);
  const tasks = await longTasks(page, start, end);
  return { runMs: Math.round(end - start), runLongestTaskMs: longest(tasks), runLongTasks: tasks.map((t) => Math.round(t.duration)) };
}
