import type { InputData } from "../model/types";
import type { Settings } from "../settings/types";

/** Report year t (Appendix C): the setting, else the largest results year, else the
 *  largest passport year, else the report date's year. */
export function reportYearOf(data: InputData, settings: Settings): number {
  if (settings.reportYear !== null) return settings.reportYear;
  const max = (years: number[]) => (years.length ? years.reduce((a, b) => Math.max(a, b)) : null);
  return max(data.results.map((r) => r.year)) ?? max(data.social.map((r) => r.year)) ?? Number(settings.reportDate.slice(0, 4));
}
