import type { InputData } from "../model/types";
import type { Settings } from "../settings/types";

/** Report year t (Appendix C): the setting, else the largest results year, else the
 *  largest passport year, else the report date's year. */
export function reportYearOf(data: InputData, settings: Settings): number {
  if (settings.reportYear !== null) return settings.reportYear;
  let results = 0;
  for (let i = 0; i < data.results.length; i++) results = Math.max(results, data.results.year[i]);
  let passports = 0;
  for (const r of data.social) passports = Math.max(passports, r.year);
  return results || passports || Number(settings.reportDate.slice(0, 4));
}
