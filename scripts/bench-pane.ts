/**
 * Task-pane benchmark (quality.md: «Task pane (preview, region): no main-thread task longer
 * than 200 ms during a run; progress visible»). Runs the built preview (dist/web) in the
 * system Chromium at 350 px on a workbook, several times with a fresh page each time, and
 * prints the medians: time to open the file, time of the run, and the longest main-thread
 * task (PerformanceObserver «longtask») while opening and while calculating.
 *
 *   npx tsx scripts/bench-pane.ts                      # the region workload (out/bench/region.xlsx)
 *   npx tsx scripts/bench-pane.ts --book assets/demo.xlsx --runs 5
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { calculate, ensureBuilt, launchPane, openBook, requireChromium, serveStatic, WEB } from "../test/support/pane-browser";
import { ensureWorkloadXlsx } from "./bench/workloads";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};

/** The region workload of `npm run bench` (scripts/bench/workloads.ts), made once. */
async function regionBook(): Promise<string> {
  return ensureWorkloadXlsx("region");
}

async function main(): Promise<void> {
  requireChromium();
  ensureBuilt();
  const runs = Number(arg("runs") ?? 3);
  const work = mkdtempSync(join(tmpdir(), "shnor-bench-pane-"));
  const server = await serveStatic(WEB);
  try {
    const given = arg("book");
    if (given && !existsSync(given)) throw new Error(`no such workbook: ${given}`);
    const book = given ? resolve(given) : await regionBook();
    const browser = await launchPane(join(work, "profile"), server.origin);
    const rows: Record<string, number>[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const tab = await browser.newPage();
        const open = await openBook(tab.page, server.origin, book);
        const run = await calculate(tab.page);
        rows.push({ ...open, runMs: run.runMs, runLongestTaskMs: run.runLongestTaskMs, runLongTasks: run.runLongTasks.length });
        console.log(`run ${i + 1}: ${JSON.stringify({ ...open, ...run })}`);
        if (tab.pageErrors.length) throw new Error(`page errors: ${tab.pageErrors.join("; ")}`);
        await tab.page.close();
      }
    } finally {
      await browser.context.close();
    }
    const keys = Object.keys(rows[0]);
    console.log(`median of ${runs}: ${JSON.stringify(Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k]))])))}`);
    console.log("bar: no main-thread task longer than 200 ms during a run");
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
