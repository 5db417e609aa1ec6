import type { ResultTable } from "./result-table";

export const YES_NO_IDS = ["accreditation_suspended", "remote", "small_school", "infrastructure_deficit", "staff_deficit", "depressed_territory"] as const;
export type YesNoField = (typeof YES_NO_IDS)[number];
export type YesNoValues = Partial<Record<YesNoField, boolean>>;

/** Where a value came from, for messages and «a click selects the row». */
export interface SourceRef {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
}

/** The first cell naming a school in a data table. */
export interface SeenAt extends SourceRef {
  cell: string;
}

export interface School {
  id: string;
  name: string;
  municipality: string;
  type: string;
  locality: string;
  yesNo: YesNoValues;
  /** The registry row (or, without a registry, the first row naming the school). */
  source: SourceRef | null;
  inRegistry: boolean;
}

export const RESULT_COUNT_FIELDS = ["mark2", "mark3", "mark4", "mark5", "below_min", "high_81_100", "lowered", "confirmed", "raised"] as const;
export type ResultCountField = (typeof RESULT_COUNT_FIELDS)[number];

export const SOCIAL_COUNT_FIELDS = ["n_odn_kdn", "n_low_russian", "n_not_attested", "n_absent_unexcused", "n_zpr_uo", "n_ovz", "n_low_income", "n_single_parent", "n_parents_higher_ed"] as const;
export type SocialCountField = (typeof SOCIAL_COUNT_FIELDS)[number];

export interface SocialRecord {
  school: string;
  year: number;
  /** The year was written as a school year («2025/26»): months then run September → August. */
  schoolYear: boolean;
  month: number | null;
  pupilsTotal: number | null;
  counts: Record<SocialCountField, number | null>;
  yesNo: YesNoValues;
}

/** Primary-score distribution of one school × year × subject × grade (optional table). */
export interface ScoreDistribution {
  school: string;
  year: number;
  subject: string;
  grade: number;
  /** score → count; null when a count is unknown (turns O3 off for this distribution). */
  counts: Map<number, number | null>;
  boundaries: { b3: number | null; b4: number | null; b5: number | null };
}

export interface InputData {
  schools: School[];
  results: ResultTable;
  social: SocialRecord[];
  scores: ScoreDistribution[];
}
