/**
 * Child process of `npm run bench`: the engine (domain only) on one workload with the data
 * already in memory — snapshots built from the generator's model, no xlsx — several runs in
 * one process. Prints one JSON line: every run's time, and the process's peak RSS (which
 * includes the generated data itself) after the first run and after all of them.
 *
 *   npx tsx scripts/bench/engine.ts region 5
 *
 * The engine is the compiled one (dist/, what the command line runs; `npm run build:cli`).
 */
import { join } from "node:path";
import type { runEngine as RunEngine } from "../../src/domain/engine/run";
import { BENCH_REPORT_DATE, ROOT, workloadSnapshots, type WorkloadName } from "./workloads";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runEngine } = require(join(ROOT, "dist", "domain", "engine", "run.js")) as { runEngine: typeof RunEngine };

const name = (process.argv[2] ?? "region") as WorkloadName;
const runs = Number(process.argv[3] ?? 5);

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const t0 = performance.now();
const { snapshots, meta } = workloadSnapshots(name);
const generateMs = Math.round(performance.now() - t0);
global.gc?.();
const dataRssMb = mb(process.memoryUsage().rss);

const times: number[] = [];
let schools = 0;
let firstRunPeakRssMb = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const result = runEngine(snapshots, { ignoreSheets: new Set(), reportDate: BENCH_REPORT_DATE, today: BENCH_REPORT_DATE });
  times.push(Math.round(performance.now() - t));
  schools = result.schools.length;
  // one run is what a user does; later runs overlap with the garbage of the earlier ones
  if (i === 0) firstRunPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
}
console.log(
  JSON.stringify({
    workload: name,
    schools,
    resultRows: meta.resultRowCount,
    generateMs,
    dataRssMb,
    runsMs: times,
    firstRunPeakRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
