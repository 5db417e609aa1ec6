/**
 * Child process of `npm run bench`: one run of the orchestrator through the Office adapter
 * on the fake Excel (test/fake-excel) holding a workload's sheets, as region.test.ts drives
 * a region run. Prints one JSON line: sync() calls (reading, writing), the largest request
 * and response, the largest read, the input's cells and 100,000-cell read chunks, and the
 * report cells written.
 *
 *   npx tsx scripts/bench/office.ts region
 */
import { Orchestrator } from "../../src/app/orchestrator";
import { OfficeGateway } from "../../src/workbook/office/office-gateway";
import { limitsOf } from "../../src/workbook/office/run";
import { FakeExcel, type SheetSpec } from "../../test/fake-excel";
import { BENCH_REPORT_DATE, workloadSnapshots, type WorkloadName } from "./workloads";

const name = (process.argv[2] ?? "region") as WorkloadName;

async function main(): Promise<void> {
  let specs: SheetSpec[] | null = workloadSnapshots(name).snapshots.map((s) => ({ name: s.name, values: s.values, merges: s.merges, visibility: s.hidden ? "Hidden" : "Visible" }));
  const fake = FakeExcel.fromSheets(specs);
  const gateway = new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported });
  const limits = limitsOf({ run: fake.run, isSetSupported: fake.isSetSupported });
  // the input's size in cells (used ranges) and in read chunks of `chunkCells`
  let inputCells = 0;
  let readChunks = 0;
  for (const spec of specs) {
    const rows = spec.values?.length ?? 0;
    const cols = (spec.values ?? []).reduce((m, r) => Math.max(m, r.length), 0);
    if (spec.visibility !== "Visible" || rows === 0 || cols === 0) continue;
    inputCells += rows * cols;
    readChunks += Math.ceil(rows / Math.max(1, Math.floor(limits.chunkCells / cols)));
  }
  specs = null;

  const runs = [];
  for (const label of ["first", "second"]) {
    // phase of each sync: the gateway call that made it
    const phase = new Map<number, string>();
    const wrapped = new Proxy(gateway, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== "function") return v;
        return async (...args: unknown[]) => {
          const before = fake.syncCount;
          try {
            return await (v as (...a: unknown[]) => unknown).apply(target, args);
          } finally {
            for (let i = before; i < fake.syncCount; i++) phase.set(i, String(prop));
          }
        };
      },
    });
    const start = fake.syncCount;
    const t = performance.now();
    const outcome = await new Orchestrator(wrapped).calculate({ reportDate: BENCH_REPORT_DATE, now: () => new Date(2026, 10, 20, 12, 0, 0) });
    const ms = Math.round(performance.now() - t);
    const syncs = fake.syncs.slice(start);
    const by = (p: (s: string) => boolean) => syncs.filter((s) => p(phase.get(s.index) ?? "")).length;
    const reportCells = outcome.written.length > 0 ? fake.model.sheets.filter((s) => outcome.written.includes(s.name)).reduce((n, s) => n + s.rows.reduce((m, r) => m + (r?.length ?? 0), 0), 0) : 0;
    runs.push({
      run: label,
      ms,
      syncs: syncs.length,
      readSyncs: by((p) => p === "listSheets" || p === "readOwnedSheets" || p === "readSheets"),
      writeSyncs: by((p) => p === "write"),
      maxRequestBytes: Math.max(...syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(...syncs.map((s) => s.responseBytes)),
      maxCellsRead: Math.max(...syncs.map((s) => s.cellsRead)),
      inputCells,
      readChunks,
      reportCells,
      schools: outcome.json.schools.length,
    });
  }
  console.log(JSON.stringify({ workload: name, limits, runs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
