/**
 * Writes assets/demo.xlsx, the demonstration workbook: two municipalities of 22–28 schools,
 * results for 2024–2026, a social passport and a roadmap of 30 events. Deterministic (fixed
 * seed); every status and flag of methodology.md §5 occurs in it.
 *
 *   npx tsx scripts/generate-demo.ts [output.xlsx]
 */
import { mkdirSync, statSync } from "fs";
import { dirname, resolve } from "path";
import { ARCHETYPE_BY_ID, generateMonitoringData, writeWorkbookXlsx } from "./generator";
import { DEMO_OPTIONS } from "./generator/demo-options";

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? resolve(__dirname, "..", "assets", "demo.xlsx"));
  const model = generateMonitoringData(DEMO_OPTIONS);
  mkdirSync(dirname(out), { recursive: true });
  await writeWorkbookXlsx(model, out);
  const kb = Math.round(statSync(out).size / 1024);
  console.log(`${out}: ${kb} KB, ${model.meta.schoolCount} schools, ${model.meta.resultRowCount} result rows, ${model.meta.roadmapEventCount} roadmap events`);
  console.log("Planted archetypes (school_id → archetype: expected status [flags]):");
  for (const [id, a] of Object.entries(model.planted)) {
    const def = ARCHETYPE_BY_ID[a];
    console.log(`  ${id} → ${a}: ${def.status} [${def.flags.join(", ")}]`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
