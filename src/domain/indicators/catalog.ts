import type { Direction } from "./zones";

/** Block R indicators that enter ИНР, with their direction (methodology.md §2). */
export const R_INDEX_IDS = ["R1", "R2", "R3a", "R3b", "R4", "R5", "R6"] as const;
/** Every R value reported (the index ones, R6a/R6b; combos are added per settings). */
export const R_DIRECTION: Record<string, Direction> = { R1: "down", R2: "down", R3a: "up", R3b: "up", R4: "up", R5: "up", R6: "up", R6a: "up", R6b: "up" };

export const S_IDS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14"] as const;
export type SId = (typeof S_IDS)[number];
export const S_YES_NO: Partial<Record<SId, "remote" | "small_school" | "infrastructure_deficit" | "staff_deficit" | "depressed_territory">> = {
  S6: "remote",
  S7: "small_school",
  S8: "infrastructure_deficit",
  S9: "staff_deficit",
  S14: "depressed_territory",
};
export const S_SHARE_FIELD: Partial<Record<SId, string>> = {
  S1: "n_odn_kdn",
  S2: "n_low_russian",
  S3: "n_not_attested",
  S4: "n_absent_unexcused",
  S5: "n_zpr_uo",
  S10: "n_low_income",
  S11: "n_single_parent",
  S12: "n_parents_higher_ed",
  S13: "n_ovz",
};
export const S_DIRECTION = (id: SId): Direction => (id === "S12" ? "down" : "up");

/** Indicators whose single-year Δ gets a verdict (methodology.md §6). */
export const DYNAMICS_BASE = ["R3a", "R3b", "R4"] as const;

/** R4 combo id for a subject key and grade: «R4.rus5». */
export const comboId = (subject: string, grade: number) => `R4.${subject}${grade}`;
