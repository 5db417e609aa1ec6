/**
 * «Анализ эффективности принятых мер»: an event that names an indicator (and perhaps a
 * school) is shown with that indicator's single-year change t−1 → t, so the municipality
 * sees whether the measure moved the number (methodology.md §6, §7).
 *
 * - With a school: the school's single-year values (`singleT1`, `singleT`) and its Δ and
 *   verdict as the engine computed them (`dynamics`, §6).
 * - Without a school: the same indicator pooled over every school of the workbook —
 *   Σ numerator / Σ participants of year t and of year t−1 — computed by the very function
 *   that computes a school's block R, on all result rows at once, so the aggregate follows
 *   the same rules (known numerators only, min_n_scored, R6 = the worse of R6a/R6b).
 * - Δ needs both values scored (n ≥ min_n_scored), as in «Динамика»; the verdict is given
 *   only for the indicators §6 names (R3a, R3b, R4 and its combos, R5); for R1, R2, R6 the
 *   Δ is shown without a verdict.
 * - Block S and R7 have no single-year values of t−1 in the engine: the event is shown
 *   without a change and the report says why.
 * Unknown indicator ids and school codes are data problems with the cell's address.
 */
import { comboId, R_DIRECTION, S_IDS } from "../indicators/catalog";
import { dynamicsIds, indicatorChanges, type Change } from "../indicators/dynamics";
import { NO_DATA, type Measure } from "../indicators/measure";
import { rBlockOf, tallyR } from "../indicators/r-block";
import type { ResultTable } from "../model/result-table";
import type { ProblemLog } from "../problems";
import type { Settings } from "../settings/types";
import { EFFECT_TEXT, unknownIndicatorProblem, unknownSchoolProblem } from "./messages";
import type { IndicatorEffect, RoadmapEvent } from "./types";

/** What the link needs of one school's result (a structural slice of the engine's SchoolResult). */
export interface SchoolChanges {
  school: { id: string };
  singleT: Record<string, Measure>;
  singleT1: Record<string, Measure>;
  dynamics: Record<string, Change>;
}

export interface EffectContext {
  reportYear: number;
  settings: Settings;
  /** Empty when the workbook has no school data: then no change is shown and school codes
   *  are not checked (there is nothing to check them against). */
  schools: readonly SchoolChanges[];
  /** Every result row of the workbook, for the aggregate of events without a school. */
  results: ResultTable;
}

/** Indicator ids of the methodology that an event may name, in their written case. */
function knownIndicators(settings: Settings): string[] {
  const combos = settings.vprSubjects.flatMap((s) => settings.vprGrades.map((g) => comboId(s, g)));
  return [...Object.keys(R_DIRECTION), ...combos, "R7", ...S_IDS];
}

/** People type «Р4» with a Cyrillic Р, «R3б», «r4», «R4 .rus5»: fold those to one form. */
const LOOKALIKES: Record<string, string> = { р: "r", а: "a", б: "b", в: "b" };

function foldId(text: string): string {
  return [...text.toLowerCase().replace(/\s+/g, "")].map((ch) => LOOKALIKES[ch] ?? ch).join("");
}

/** The indicator id as the methodology writes it, or null when the text names none. */
export function canonicalIndicator(text: string, settings: Settings): string | null {
  const folded = foldId(text);
  return knownIndicators(settings).find((id) => foldId(id) === folded) ?? null;
}

/** §6 gives a verdict for R3a, R3b, R4, its combos and R5 (the list the engine uses). */
const hasVerdictRule = (id: string) => dynamicsIds({ [id]: NO_DATA }).includes(id);

/** Indicators with single-year values of t and t−1 (block R). */
export const hasSingleYear = (id: string) => id.startsWith("R") && id !== "R7";

function effectOf(id: string, scope: IndicatorEffect["scope"], now: Measure | undefined, prev: Measure | undefined, change: Change | undefined, ctx: EffectContext): IndicatorEffect {
  const t = ctx.reportYear;
  const notes: string[] = [];
  if (scope === "all") notes.push(EFFECT_TEXT.allSchools);
  const missing = (m: Measure | undefined, year: number) => {
    if (!m || m.value === null) notes.push(EFFECT_TEXT.noData(year));
    else if (!m.scored) notes.push(EFFECT_TEXT.smallSample(year, m.n, ctx.settings.minNScored));
  };
  missing(prev, t - 1);
  missing(now, t);
  const bothScored = !!now?.scored && !!prev?.scored && now.value !== null && prev.value !== null;
  const delta = change?.delta ?? (bothScored ? now!.value! - prev!.value! : null);
  const withVerdict = hasVerdictRule(id);
  if (delta !== null && !withVerdict) notes.push(EFFECT_TEXT.noVerdictRule(id));
  return {
    indicator: id,
    scope,
    valueT1: prev?.value ?? null,
    valueT: now?.value ?? null,
    nT1: prev?.n ?? 0,
    nT: now?.n ?? 0,
    delta,
    verdict: withVerdict ? change?.verdict ?? null : null,
    note: notes.length > 0 ? notes.join("; ") : null,
  };
}



/**
 * Returns the events with `indicatorId` and `effect` filled. Problems: an indicator id the
 * methodology does not know; a school code that no table of the workbook has.
 */
export function linkIndicators(events: readonly RoadmapEvent[], ctx: EffectContext, problems: ProblemLog): RoadmapEvent[] {
  const hasData = ctx.schools.length > 0;
  const byId = new Map(ctx.schools.map((s) => [s.school.id, s]));
  const byFoldedId = new Map(ctx.schools.map((s) => [s.school.id.toLowerCase(), s]));
  let all: { now: Record<string, Measure>; prev: Record<string, Measure>; changes: Record<string, Change> } | null = null;
  const aggregates = () => {
    if (!all) {
      // the workbook's aggregate of t and t−1: block R over every result row
      const tally = tallyR(ctx.results, ctx.settings);
      const ofYear = (year: number) => rBlockOf(tally, { pooledYears: [year], singleYear: year });
      const now = ofYear(ctx.reportYear);
      const prev = ofYear(ctx.reportYear - 1);
      all = { now, prev, changes: indicatorChanges(now, prev, ctx.settings) };
    }
    return all;
  };

  return events.map((event) => {
    const indicatorId = event.indicator === null ? null : canonicalIndicator(event.indicator, ctx.settings);
    if (event.indicator !== null && indicatorId === null) problems.add(event.sheet, event.indicatorCell ?? "", unknownIndicatorProblem(event.indicator));
    let school: SchoolChanges | undefined;
    if (event.schoolId !== null && hasData) {
      school = byId.get(event.schoolId) ?? byFoldedId.get(event.schoolId.toLowerCase());
      if (!school) problems.add(event.sheet, event.schoolCell ?? "", unknownSchoolProblem(event.schoolId));
    }
    if (indicatorId === null || !hasData) return { ...event, indicatorId, effect: null };
    // A school code that is not found: no change is shown rather than the aggregate, which
    // would pass the municipality's number off as the school's.
    if (event.schoolId !== null && !school) return { ...event, indicatorId, effect: null };
    if (!hasSingleYear(indicatorId)) {
      const effect: IndicatorEffect = { indicator: indicatorId, scope: school ? "school" : "all", valueT1: null, valueT: null, nT1: 0, nT: 0, delta: null, verdict: null, note: EFFECT_TEXT.notResults(indicatorId) };
      return { ...event, indicatorId, effect };
    }
    if (school) {
      const effect = effectOf(indicatorId, "school", school.singleT[indicatorId], school.singleT1[indicatorId], school.dynamics[indicatorId], ctx);
      return { ...event, indicatorId, effect };
    }
    const agg = aggregates();
    const effect = effectOf(indicatorId, "all", agg.now[indicatorId], agg.prev[indicatorId], agg.changes[indicatorId], ctx);
    return { ...event, indicatorId, effect };
  });
}
