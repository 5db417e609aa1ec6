/** The parameters of the «Настройки» sheet (methodology.md, end of Appendix A), resolved. */
export type ScoringMode = "absolute" | "relative";
export type ComparisonGroup = "municipality" | "workbook";
export type MonthlyAbsenceRule = "max" | "mean" | "last";

export interface ZoneCutoffs {
  yellow: number | null;
  red: number;
}

export interface Settings {
  /** null = the largest year found (Appendix C). */
  reportYear: number | null;
  /** ISO date "YYYY-MM-DD"; the CLI/pane default is today. */
  reportDate: string;
  /** null = the report year. */
  roadmapYear: number | null;
  dueSoonDays: number;
  scoringMode: ScoringMode;
  comparisonGroup: ComparisonGroup;
  minNScored: number;
  minNStable: number;
  indexCoverage: number;
  socialMinIndicators: number;
  lowResultsThreshold: number;
  adverseContextThreshold: number;
  adverseContextMinFactors: number;
  resilientThreshold: number;
  riskZoneThreshold: number;
  relativeLowResultsThreshold: number;
  relativeRiskZoneThreshold: number;
  relativeAdverseContextThreshold: number;
  dynamicsThreshold: number;
  vprSubjects: string[];
  vprGrades: number[];
  monthlyAbsenceRule: MonthlyAbsenceRule;
  smallSchoolLimit: number | null;
  o1LoweredMin: number;
  o2RaisedMin: number;
  o4SdFactor: number;
  o4MinGroup: number;
  o5GapMin: number;
  o6MinGroup: number;
  o3MinN: number;
  boundary3: number | null;
  boundary4: number | null;
  boundary5: number | null;
  /** Indicator id → cut-offs (R1–R6, S1–S5, S10–S13). */
  zones: Record<string, ZoneCutoffs>;
  /** R1–R6 weights. */
  weights: Record<string, number>;
  /** Highlight colours "#RRGGBB" by key: the school statuses (`shnor`, …) and `overdue`
   *  (overdue roadmap events); parameter `color_<key>`. */
  colors: Record<string, string>;
}
