import type { Status } from "../../classification/types";

/** Colours of the statuses in charts (points, columns and the legend swatches beside them):
 *  saturated enough to tell apart on white, in print and for common colour deficiencies. */
export const STATUS_CHART_COLORS: Record<Status, string> = {
  shnor_shnsu: "#7B1E1E",
  shnor: "#E0312B",
  resilient: "#2E8B3E",
  shnsu: "#F28C1B",
  risk_zone: "#C9A400",
  no_risk: "#2F6DB5",
  insufficient_data: "#A6A6A6",
};

/** Threshold lines of the ИНР × ИСН chart. */
export const LINE_COLORS = { lowResults: "#404040", adverseContext: "#404040", resilient: "#2E8B3E" } as const;
