import type { GeneratorOptions } from "./types";

/** The workbook shipped as assets/demo.xlsx (scripts/generate-demo.ts). */
export const DEMO_OPTIONS: GeneratorOptions = {
  seed: 20260522,
  municipalities: 2,
  schoolsPerMunicipality: [22, 28],
  years: [2024, 2025, 2026],
  roadmapEvents: 30,
  layout: "plain",
  marksAsPercent: false,
  monthlyPassport: false,
};
