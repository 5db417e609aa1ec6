/**
 * The benchmark workloads of quality.md «Performance», made by the project's generator:
 *
 * - region: 1,000 schools (994 with this seed) in 30 municipalities, 3 years, ≈ 42,500
 *   results rows, a 60-event roadmap;
 * - country: 40,000 schools in 1,000 municipalities, 3 years, ≈ 1.7 million results rows
 *   over two sheets («Результаты 1», «Результаты 2», each under Excel's row limit).
 *
 * `workloadSnapshots` builds the engine's input straight from the generator's model (no
 * xlsx in between); `ensureWorkloadXlsx` writes `out/bench/<name>.xlsx` (streaming writer)
 * once and reuses it while the options are unchanged.
 *
 *   npx tsx scripts/bench/workloads.ts [region] [country]   # write the files now
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { parseRange } from "../../src/domain/sheet/address";
import { generateMonitoringData, writeWorkbookXlsx, type GeneratedWorkbook, type GeneratorOptions } from "../generator";

export type WorkloadName = "region" | "country";

export const WORKLOADS: Record<WorkloadName, GeneratorOptions> = {
  region: {
    seed: 2026,
    municipalities: 30,
    schoolsPerMunicipality: [28, 38],
    years: [2024, 2025, 2026],
    roadmapEvents: 60,
    optionalSubjects: false,
  },
  country: {
    seed: 2026,
    municipalities: 1000,
    schoolsPerMunicipality: 40,
    years: [2024, 2025, 2026],
    roadmapEvents: 60,
    optionalSubjects: false,
  },
};

/** The report date every benchmark run uses (the roadmap's statuses depend on it). */
export const BENCH_REPORT_DATE = "2026-11-20";

export const ROOT = resolve(__dirname, "..", "..");
export const BENCH_DIR = join(ROOT, "out", "bench");

export function generateWorkload(name: WorkloadName): GeneratedWorkbook {
  return generateMonitoringData(WORKLOADS[name]);
}

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The generator's sheets as the snapshots an adapter would hand over: `null` → "", dates →
 * serial numbers (ExcelJS treats JS dates as UTC), merges as 0-based ranges, trailing empty
 * cells cut. Rows are converted in place (the country model would not fit twice).
 */
export function modelToSnapshots(model: GeneratedWorkbook): SheetSnapshot[] {
  return model.sheets.map((sheet) => {
    const values = sheet.rows as unknown as CellValue[][];
    for (const row of values) {
      const cells = row as unknown as (CellValue | Date | null)[];
      let last = -1;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null || v === undefined) cells[c] = "";
        else if (v instanceof Date) cells[c] = (v.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
        if (cells[c] !== "") last = c;
      }
      cells.length = last + 1;
    }
    let end = values.length;
    while (end > 0 && values[end - 1].length === 0) end--;
    values.length = end;
    const merges: CellRange[] = (sheet.merges ?? []).map((a) => {
      const r = parseRange(a);
      if (!r) throw new Error(`bad merge ${a}`);
      return r;
    });
    return { name: sheet.name, values, merges, hidden: sheet.hidden === true };
  });
}

export function workloadSnapshots(name: WorkloadName): { snapshots: SheetSnapshot[]; meta: GeneratedWorkbook["meta"] } {
  const model = generateWorkload(name);
  return { snapshots: modelToSnapshots(model), meta: model.meta };
}

export function workloadPath(name: WorkloadName): string {
  return join(BENCH_DIR, `${name}.xlsx`);
}

/** Writes out/bench/<name>.xlsx unless it is there and was made with the same options. */
export async function ensureWorkloadXlsx(name: WorkloadName, log: (s: string) => void = console.log): Promise<string> {
  const path = workloadPath(name);
  const stamp = `${path}.options.json`;
  const options = JSON.stringify(WORKLOADS[name]);
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, "utf8") === options) return path;
  mkdirSync(BENCH_DIR, { recursive: true });
  const t0 = Date.now();
  const model = generateWorkload(name);
  await writeWorkbookXlsx(model, path, { streaming: true });
  writeFileSync(stamp, options);
  const mb = (statSync(path).size / 1e6).toFixed(1);
  log(`${name}: wrote ${path} (${mb} MB, ${model.meta.schoolCount} schools, ${model.meta.resultRowCount} results rows) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return path;
}

if (require.main === module) {
  const names = (process.argv.slice(2).length ? process.argv.slice(2) : ["region", "country"]) as WorkloadName[];
  (async () => {
    for (const n of names) {
      if (!(n in WORKLOADS)) throw new Error(`unknown workload ${n}`);
      console.log(await ensureWorkloadXlsx(n));
    }
  })().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
