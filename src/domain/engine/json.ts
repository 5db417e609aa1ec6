import type { Measure } from "../indicators/measure";
import { roadmapToJson } from "../roadmap/json";
import type { StatusTimeline } from "../dynamics/history";
import { shownVerdicts } from "../dynamics/indicators";
import { transitions } from "../dynamics/transitions";
import type { Settings } from "../settings/types";
import type { SchoolResult } from "./calculate";
import type { EngineResult } from "./run";

/** The machine-readable result of workbook.md §7 (plus the extra detail the conformance
 *  examples carry): full precision, null = «нет данных». */
export function toResultJson(result: EngineResult) {
  return {
    report_year: result.reportYear,
    report_date: result.settings.reportDate,
    schools: result.schools.map((s) => schoolJson(s, result.reportYear, result.settings)),
    roadmap: roadmapToJson(result.roadmap),
    problems: result.problems,
    status_counts: statusCounts(result.schools),
    transitions: transitions(result.schools),
    execution: result.execution,
    tables: result.tables,
    changes: result.changes,
    status_history: statusHistory(result.history.timeline),
  };
}

export type ResultJson = ReturnType<typeof toResultJson>;

const values = (m: Record<string, Measure>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.value]));
const zones = (m: Record<string, Measure>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.zone]));

function schoolJson(r: SchoolResult, t: number, settings: Settings) {
  const c = r.classification;
  return {
    school_id: r.school.id,
    name: r.school.name,
    municipality: r.school.municipality,
    indicators: values(r.indicators),
    zones: zones(r.indicators),
    inr: r.lowResultsIndex.value,
    inr_t: r.lowResultsIndexT.value,
    inr_t1: r.lowResultsIndexT1.value,
    isn: r.socialRiskIndex.value,
    isb: r.socialRiskIndex.value === null ? null : 100 - r.socialRiskIndex.value,
    factors: r.factors.length,
    objectivity_signs: [...new Set(r.signs.filter((s) => s.year === t).map((s) => s.sign))].sort(),
    status: c.status,
    flags: c.flags,
    reasons: c.reasons,
    extra: {
      n: Object.fromEntries(Object.entries(r.indicators).filter(([k]) => k.startsWith("R") && k !== "R7").map(([k, v]) => [k, v.n])),
      indicators_t: values(r.singleT),
      zones_t: zones(r.singleT),
      indicators_t1: values(r.singleT1),
      zones_t1: zones(r.singleT1),
      dynamics: r.dynamics,
      // The verdict «Динамика» shows: «small_sample» when n < min_n_stable in either year.
      dynamics_shown: shownVerdicts(r, settings),
      has_signs_t: r.hasSignsT,
      has_signs_t1: r.hasSignsT1,
      shnor_t: c.lowResults,
      shnsu_t: c.adverseContext,
      shnor_t1: r.prev.lowResults,
      shnsu_t1: r.prev.adverseContext,
      inr_prev: r.prev.lowResultsIndex.value,
      isn_prev: r.prev.socialRiskIndex.value,
      sign_details: r.signs.map((s) => ({ year: s.year, sign: s.sign, text: s.text })),
    },
  };
}

function statusCounts(schools: SchoolResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of schools) out[s.classification.status] = (out[s.classification.status] ?? 0) + 1;
  return out;
}

/** Status per year of the multi-year view; null with two years of data or fewer. */
function statusHistory(timeline: StatusTimeline | null): { years: number[]; schools: Record<string, (string | null)[]> } | null {
  if (!timeline) return null;
  return { years: timeline.years, schools: Object.fromEntries([...timeline.bySchool].map(([id, list]) => [id, list.map((y) => y?.status ?? null)])) };
}
