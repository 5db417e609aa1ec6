import type { ParamValue } from "./values";
import { HIGHLIGHT_COLOR_DEFAULTS } from "./definitions";
import type { ComparisonGroup, MonthlyAbsenceRule, ScoringMode, Settings } from "./types";

const ZONE_IDS = ["R1", "R2", "R3a", "R3b", "R4", "R5", "R6", "S1", "S2", "S3", "S4", "S5", "S10", "S11", "S12", "S13"];
const WEIGHT_IDS = ["R1", "R2", "R3a", "R3b", "R4", "R5", "R6"];

/** Builds the typed Settings from resolved parameter values; `reportDate` comes from the
 *  caller when neither the command line nor the sheet gives one (today). */
export function toSettings(values: Map<string, ParamValue>, fallbackReportDate: string): Settings {
  const num = (id: string) => values.get(id) as number;
  const opt = (id: string) => (values.get(id) ?? null) as number | null;
  const zones: Settings["zones"] = {};
  for (const id of ZONE_IDS) zones[id] = { yellow: opt(`zone_${id}_yellow`), red: num(`zone_${id}_red`) };
  const weights: Settings["weights"] = {};
  for (const id of WEIGHT_IDS) weights[id] = num(`weight_${id}`);
  const colors: Settings["colors"] = {};
  for (const [key] of HIGHLIGHT_COLOR_DEFAULTS) colors[key] = values.get(`color_${key}`) as string;
  return {
    reportYear: opt("report_year"),
    reportDate: (values.get("report_date") as string | null) ?? fallbackReportDate,
    roadmapYear: opt("roadmap_year"),
    dueSoonDays: num("due_soon_days"),
    scoringMode: values.get("scoring_mode") as ScoringMode,
    comparisonGroup: values.get("comparison_group") as ComparisonGroup,
    minNScored: num("min_n_scored"),
    minNStable: num("min_n_stable"),
    indexCoverage: num("index_coverage"),
    socialMinIndicators: num("social_min_indicators"),
    lowResultsThreshold: num("shnor_threshold"),
    adverseContextThreshold: num("shnsu_threshold"),
    adverseContextMinFactors: num("shnsu_min_factors"),
    resilientThreshold: num("resilient_threshold"),
    riskZoneThreshold: num("risk_zone_threshold"),
    relativeLowResultsThreshold: num("relative_shnor_threshold"),
    relativeRiskZoneThreshold: num("relative_risk_zone_threshold"),
    relativeAdverseContextThreshold: num("relative_shnsu_threshold"),
    dynamicsThreshold: num("dynamics_threshold"),
    vprSubjects: values.get("vpr_subjects") as string[],
    vprGrades: values.get("vpr_grades") as number[],
    monthlyAbsenceRule: values.get("monthly_absence_rule") as MonthlyAbsenceRule,
    smallSchoolLimit: opt("small_school_limit"),
    o1LoweredMin: num("o1_lowered_min"),
    o2RaisedMin: num("o2_raised_min"),
    o4SdFactor: num("o4_sd_factor"),
    o4MinGroup: num("o4_min_group"),
    o5GapMin: num("o5_gap_min"),
    o6MinGroup: num("o6_min_group"),
    o3MinN: num("o3_min_n"),
    boundary3: opt("boundary_3"),
    boundary4: opt("boundary_4"),
    boundary5: opt("boundary_5"),
    zones,
    weights,
    colors,
  };
}
