/**
 * Seeded, deterministic generator of realistic monitoring workbooks for «Монитор ШНОР».
 *
 *   const model = generateMonitoringData({ seed: 7, municipalities: 2, schoolsPerMunicipality: [20, 30],
 *                                         years: [2024, 2025, 2026], roadmapEvents: 30 });
 *   await writeWorkbookXlsx(model, "demo.xlsx");
 *
 * `model.planted` maps school_id → archetype id; ARCHETYPES gives each archetype's expected
 * status and flags under the default settings.
 */
import { ARCHETYPE_BY_ID } from "./archetypes";
import { DEFAULT_MAX_DATA_ROWS, listsSheet, registrySheet, resultRow, resultSheets, roadmapSheet, socialSheet } from "./layout";
import { schoolResults } from "./results";
import { buildRoadmap } from "./roadmap";
import { buildSchools } from "./schools";
import { schoolSocial } from "./social";
import type { Cell, GeneratedSheet, GeneratedWorkbook, GeneratorOptions, SocialRecord } from "./types";

export { ARCHETYPES, ARCHETYPE_BY_ID } from "./archetypes";
export type { ArchetypeDef, FlagCode, StatusCode } from "./archetypes";
export { writeWorkbookXlsx, STREAMING_THRESHOLD } from "./xlsx";
export type * from "./types";

export function generateMonitoringData(options: GeneratorOptions): GeneratedWorkbook {
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  if (years.length === 0) throw new Error("years: at least one year is required");
  if (options.municipalities < 1) throw new Error("municipalities: at least one");
  const opts: GeneratorOptions = { ...options, years };
  const t = years[years.length - 1];
  const layout = options.layout ?? "plain";
  const percent = options.marksAsPercent ?? false;
  const monthly = options.monthlyPassport ?? false;
  const maxRows = Math.max(1, Math.min(options.maxRowsPerSheet ?? DEFAULT_MAX_DATA_ROWS, DEFAULT_MAX_DATA_ROWS));

  const { schools, municipalities, planted } = buildSchools(opts);

  // results: rows are produced school by school, converted to cells at once (big benchmarks
  // would not fit twice in memory)
  const resultRows: Cell[][] = [];
  for (const s of schools) {
    for (const r of schoolResults(s, years, options.seed, options.optionalSubjects ?? true)) resultRows.push(resultRow(r, percent));
  }
  const social: SocialRecord[] = [];
  for (const s of schools) social.push(...schoolSocial(s, years, options.seed, monthly));

  const shnorLike = new Set(["shnor_shnsu", "shnor_basic", "shnor_moderate", "shnor_entered", "shnor_accreditation", "needs_objectivity_check", "risk_band"]);
  const focus = schools.filter((s) => s.archetype && shnorLike.has(s.archetype));
  const objectivity = schools.filter((s) => s.archetype && ARCHETYPE_BY_ID[s.archetype].signs);
  const events = buildRoadmap({ seed: options.seed, events: options.roadmapEvents, year: t, focusSchools: focus, objectivitySchools: objectivity });

  const sheets: GeneratedSheet[] = [
    registrySheet(schools, layout, t),
    ...resultSheets(resultRows, layout, percent, years, maxRows),
    socialSheet(social, layout, monthly),
  ];
  if (events.length > 0) sheets.push(roadmapSheet(events, layout, t));
  sheets.push(listsSheet());

  return {
    sheets,
    planted,
    meta: {
      seed: options.seed,
      years,
      reportYear: t,
      municipalities,
      schoolCount: schools.length,
      resultRowCount: resultRows.length,
      socialRowCount: social.length,
      roadmapEventCount: events.length,
      layout,
      marksAsPercent: percent,
      monthlyPassport: monthly,
    },
  };
}
