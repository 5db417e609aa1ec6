import type { MeasureColumns } from "../indicators/columns";
import type { IndexColumns } from "../indicators/scoring";
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

/** The views and indices of year T the classification reads, the same for every school
 *  (columns: a school is a position in them). */
export interface YearColumns {
  year: number;
  /** R pooled over T and T−1 (R5, R6 of T). */
  pooled: MeasureColumns;
  /** Single-year R of T and of T−1. */
  single: MeasureColumns;
  singlePrev: MeasureColumns;
  social: MeasureColumns;
  lowResultsIndex: IndexColumns;
  lowResultsIndexT: IndexColumns;
  lowResultsIndexPrev: IndexColumns;
  socialRiskIndex: IndexColumns;
}

/** Everything the classification of one school for year T looks at. */
export interface YearView {
  of: YearColumns;
  /** The school's position in the columns. */
  at: number;
  accreditationSuspended: boolean;
  hasSigns: boolean;
  hasSignsPrev: boolean;
  /** The school's signs of every year (the reasons name those of T and T−1). */
  signs: Sign[];
  /** Was a ШНОР candidate in T−1 (false when T−1 is not classified). */
  wasLowResults: boolean;
}

export interface Classification {
  status: Status;
  flags: Flag[];
  reasons: string[];
  lowResults: boolean;
  adverseContext: boolean;
}
