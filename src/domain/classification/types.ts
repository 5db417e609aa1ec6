import type { Measure } from "../indicators/measure";
import type { BlockIndex } from "../indicators/scoring";
import type { Sign } from "../objectivity/signs";

export type Status = "shnor_shnsu" | "shnor" | "resilient" | "shnsu" | "risk_zone" | "no_risk" | "insufficient_data";
export type Flag =
  | "risk_zone"
  | "stable_low"
  | "basic_failing"
  | "moderate_failing"
  | "objectivity_signs"
  | "needs_objectivity_check"
  | "small_sample"
  | "one_year"
  | "accreditation_suspended";

export const STATUS_ORDER: Status[] = ["shnor_shnsu", "shnor", "resilient", "shnsu", "risk_zone", "no_risk", "insufficient_data"];

/** Everything the classification of one school for year T looks at. */
export interface YearView {
  year: number;
  /** R pooled over T and T−1 (R5, R6 of T). */
  pooled: Record<string, Measure>;
  /** Single-year R of T and of T−1. */
  single: Record<string, Measure>;
  singlePrev: Record<string, Measure>;
  social: Record<string, Measure>;
  lowResultsIndex: BlockIndex;
  lowResultsIndexT: BlockIndex;
  lowResultsIndexPrev: BlockIndex;
  socialRiskIndex: BlockIndex;
  /** S indicators in the red zone. */
  redFactors: string[];
  accreditationSuspended: boolean;
  hasSigns: boolean;
  hasSignsPrev: boolean;
  /** The school's signs of every year (the reasons name those of T and T−1). */
  signs: Sign[];
  /** Was a ШНОР candidate in T−1 (false when T−1 is not classified). */
  wasLowResults: boolean;
  /** Aggregate R4 and R3b with a negative verdict T−1 → T, with Δ in p.p. */
  negativeDynamics: { id: string; delta: number }[];
}

export interface Classification {
  status: Status;
  flags: Flag[];
  reasons: string[];
  lowResults: boolean;
  adverseContext: boolean;
}
