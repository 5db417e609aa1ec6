import { S_IDS } from "../indicators/catalog";
import { RED, type MeasureColumns } from "../indicators/columns";
import { columnDelta, verdictOf } from "../indicators/dynamics";
import { R_SLOT } from "../indicators/r-block";
import { atLeast, atMost } from "../indicators/zones";
import type { Settings } from "../settings/types";
import { ru } from "../i18n/ru";
import type { Sign } from "../objectivity/signs";
import type { Classification, Flag, Status, YearView } from "./types";

type Thresholds = ReturnType<typeof thresholds>;

/** Thresholds in force: relative mode swaps in its own (Appendix C). */
export function thresholds(s: Settings) {
  const rel = s.scoringMode === "relative";
  return {
    lowResults: rel ? s.relativeLowResultsThreshold : s.lowResultsThreshold,
    adverseContext: rel ? s.relativeAdverseContextThreshold : s.adverseContextThreshold,
    risk: rel ? s.relativeRiskZoneThreshold : s.riskZoneThreshold,
    resilient: s.resilientThreshold,
  };
}

/** Indicators the rules name, with their slots (module constants: a literal array in a rule
 *  is made per call). */
const slotted = <T extends keyof typeof R_SLOT>(ids: readonly T[]) => ids.map((id) => ({ id, slot: R_SLOT[id] }));
const SHORT = slotted(["R3a", "R3b"]);
const ONE_YEAR_IDS = slotted(["R1", "R2", "R3a", "R3b", "R4"]);
const INDEX_IDS = slotted(["R1", "R2", "R3a", "R3b", "R4", "R5", "R6"]);
const NEGATIVE_DYNAMICS_IDS = slotted(["R4", "R3b"]);

const isRed = (view: MeasureColumns, slot: number, at: number) => view.zoneAt(slot, at) === RED;

/** The ВПР combos in the red zone (single year), in the block's order. */
function redCombos(view: MeasureColumns, at: number): string[] {
  const { keys, slotOfKey } = view.layout;
  return keys.filter((id, k) => id.startsWith("R4.") && isRed(view, slotOfKey[k], at));
}

/** How many ВПР combos are red: the rules need the count, the list only for the reasons. */
function redComboCount(view: MeasureColumns, at: number): number {
  let count = 0;
  for (const slot of view.layout.comboSlots) if (isRed(view, slot, at)) count++;
  return count;
}

/** S indicators in the red zone, in S_IDS order. */
export function redFactors(social: MeasureColumns, at: number): string[] {
  const out: string[] = [];
  for (let slot = 0; slot < S_IDS.length; slot++) if (isRed(social, slot, at)) out.push(S_IDS[slot]);
  return out;
}

/**
 * The reasons a rule found. The text is made only when the reasons are shown (the report
 * year); the earlier years a run classifies need the verdicts alone, and formatting numbers
 * into Russian sentences was a large part of a region's run. A reason is its text function and
 * arguments, not a closure: a rule with closures over its locals allocated their context on
 * every call, whether a reason was found or not.
 */
class Reasons {
  readonly texts: string[] = [];
  count = 0;
  constructor(private readonly explain: boolean) {}

  add<A extends unknown[]>(text: (...args: A) => string, ...args: A): void {
    this.count++;
    if (this.explain) this.texts.push(text(...args));
  }

  /** An empty list that makes its text when this one does. */
  child(): Reasons {
    return new Reasons(this.explain);
  }

  append(other: Reasons): void {
    this.count += other.count;
    this.texts.push(...other.texts);
  }
}

/**
 * Classification of one school for year T (methodology.md §5, Appendix A «Classification»).
 * `explain` = false leaves `reasons` empty (same status and flags).
 */
export function classify(v: YearView, s: Settings, explain = true): Classification {
  const t = thresholds(s);
  const reasons = new Reasons(explain);
  const lowResults = lowResultsRule(v, t.lowResults, reasons);
  const adverseContextReasons = reasons.child();
  const adverseContext = adverseContextRule(v, t.adverseContext, s, adverseContextReasons);
  const resilient = adverseContext && !lowResults && resilientRule(v, t.resilient);
  const riskReasons = reasons.child();
  if (!lowResults) riskZoneRule(v, t, s, riskReasons);
  const { lowResultsIndex: inr, lowResultsIndexT: now, lowResultsIndexPrev: prev, year } = v.of;
  const at = v.at;
  const status: Status = lowResults && adverseContext ? "shnor_shnsu" : lowResults ? "shnor" : resilient ? "resilient" : adverseContext ? "shnsu" : riskReasons.count > 0 ? "risk_zone" : inr.isCovered(at) ? "no_risk" : "insufficient_data";
  reasons.append(adverseContextReasons);
  if (resilient) reasons.add(ru.reasons.resilient, year, now.value[at], prev.value[at], t.resilient);
  reasons.append(riskReasons);
  if (status === "insufficient_data") reasons.add(ru.reasons.noCoverage, inr.coveredWeight[at], (inr.totalWeight * s.indexCoverage) / 100);
  const flags = collectFlags(v, s, status, riskReasons.count > 0, t.lowResults, reasons);
  return { status, flags, reasons: reasons.texts, lowResults: lowResults, adverseContext: adverseContext };
}

function lowResultsRule(v: YearView, threshold: number, reasons: Reasons): boolean {
  const { lowResultsIndex: inr, single, singlePrev } = v.of;
  const at = v.at;
  const before = reasons.count;
  if (inr.isCovered(at) && atLeast(inr.value[at], threshold)) reasons.add(ru.reasons.inrAbove, inr.value[at], threshold);
  if (v.accreditationSuspended) reasons.add(ru.reasons.accreditation);
  for (const { id, slot } of SHORT) {
    if (isRed(single, slot, at) && isRed(singlePrev, slot, at)) reasons.add(ru.reasons.redBothYears, id, single.valueAt(slot, at)!, singlePrev.valueAt(slot, at)!);
  }
  const now = redComboCount(single, at);
  const prev = now >= 2 ? redComboCount(singlePrev, at) : 0;
  if (now >= 2 && prev >= 2) reasons.add(ru.reasons.combosBothYears, now, prev);
  return reasons.count > before;
}

function adverseContextRule(v: YearView, threshold: number, s: Settings, reasons: Reasons): boolean {
  const { socialRiskIndex: isn, social } = v.of;
  const at = v.at;
  if (isn.isCovered(at) && atLeast(isn.value[at], threshold)) reasons.add(ru.reasons.isnAbove, isn.value[at], threshold);
  const factors = redFactors(social, at);
  if (factors.length >= s.adverseContextMinFactors) reasons.add(ru.reasons.factors, factors, s.adverseContextMinFactors);
  return reasons.count > 0;
}

function resilientRule(v: YearView, threshold: number): boolean {
  const { lowResultsIndexT: now, lowResultsIndexPrev: prev } = v.of;
  const at = v.at;
  return now.isCovered(at) && prev.isCovered(at) && atMost(now.value[at], threshold) && atMost(prev.value[at], threshold) && !v.hasSigns && !v.hasSignsPrev;
}

/** Reasons for the risk zone (none when it does not hold); only for non-ШНОР schools. */
function riskZoneRule(v: YearView, t: Thresholds, s: Settings, out: Reasons): void {
  const { lowResultsIndex: inr, single, singlePrev, year } = v.of;
  const at = v.at;
  if (inr.isCovered(at) && atLeast(inr.value[at], t.risk) && inr.value[at] < t.lowResults - 1e-9) out.add(ru.reasons.riskBand, inr.value[at], t.risk, t.lowResults);
  for (const { id, slot } of SHORT) if (isRed(single, slot, at)) out.add(ru.reasons.redInYear, id, single.valueAt(slot, at)!, year);
  if (redComboCount(single, at) > 0) out.add(ru.reasons.combosRedInYear, redCombos(single, at), year);
  // aggregate R4 and R3b with a negative verdict T−1 → T
  for (const { id, slot } of NEGATIVE_DYNAMICS_IDS) {
    const delta = columnDelta(single, singlePrev, slot, at);
    if (delta !== null && verdictOf(id, delta, s) === "negative") out.add(ru.reasons.negativeDynamics, id, delta, s.dynamicsThreshold);
  }
  if (v.wasLowResults) out.add(ru.reasons.wasLowResults, year - 1);
}

function collectFlags(v: YearView, s: Settings, status: Status, risk: boolean, shnorThreshold: number, reasons: Reasons): Flag[] {
  const { lowResultsIndexT: now, lowResultsIndexPrev: prev, year } = v.of;
  const at = v.at;
  const flags: Flag[] = [];
  const isShnor = status === "shnor" || status === "shnor_shnsu";
  if (risk) flags.push("risk_zone");
  if (now.isCovered(at) && prev.isCovered(at) && atLeast(now.value[at], shnorThreshold) && atLeast(prev.value[at], shnorThreshold)) {
    flags.push("stable_low");
    reasons.add(ru.reasons.stableLow, year, now.value[at], prev.value[at], shnorThreshold);
  }
  if (isShnor) {
    const basic = reasons.child();
    basicFailing(v, basic);
    flags.push(basic.count > 0 ? "basic_failing" : "moderate_failing");
    if (basic.count > 0) reasons.add(ru.reasons.basicFailing, basic.texts);
    else reasons.add(ru.reasons.moderateFailing);
  }
  if (v.hasSigns) {
    flags.push("objectivity_signs");
    if (isShnor) flags.push("needs_objectivity_check");
    reasons.add(signsText, isShnor, v.signs, year);
  }
  const small = smallSamples(v, s);
  if (small.length > 0) {
    flags.push("small_sample");
    reasons.add(ru.reasons.smallSample, small);
  }
  const oneYear = oneYearIndicators(v);
  if (oneYear.length > 0) {
    flags.push("one_year");
    reasons.add(ru.reasons.oneYear, oneYear);
  }
  if (v.accreditationSuspended) flags.push("accreditation_suspended");
  return flags;
}

/** «базово неуспевающая»: ≥ 3 red combos in T, or R3a / R3b red in T. */
function basicFailing(v: YearView, out: Reasons): void {
  const { single, year } = v.of;
  const combos = redComboCount(single, v.at);
  if (combos >= 3) out.add(ru.reasons.combosRedCount, combos, year);
  for (const { id, slot } of SHORT) if (isRed(single, slot, v.at)) out.add(ru.reasons.redShort, id, year);
}

/** R1–R6 as used in ИНР with data and 0 < n < min_n_stable. Loops that allocate only what
 *  they find (filter + map made three arrays per school-year). */
function smallSamples(v: YearView, s: Settings): { id: string; n: number }[] {
  const out: { id: string; n: number }[] = [];
  const pooled = v.of.pooled;
  for (const { id, slot } of INDEX_IDS) {
    const n = pooled.nAt(slot, v.at);
    if (pooled.valueAt(slot, v.at) !== null && n > 0 && n < s.minNStable) out.push({ id, n });
  }
  return out;
}

/** R1–R4 (pooled) with data of one year only, and that year. */
function oneYearIndicators(v: YearView): { id: string; year: number }[] {
  const out: { id: string; year: number }[] = [];
  for (const { id, slot } of ONE_YEAR_IDS) {
    const years = v.of.pooled.yearsAt(slot, v.at);
    if (years.length === 1) out.push({ id, year: years[0] });
  }
  return out;
}

/** The reason of the signs found in T and T−1. */
function signsText(isShnor: boolean, signs: Sign[], year: number): string {
  const found = ru.reasons.signsFound(year, signIdsIn(signs, year), signIdsIn(signs, year - 1));
  return isShnor ? ru.reasons.needsObjectivityCheck(found) : ru.reasons.objectivitySigns(found);
}

/** Sign ids (O1–O6) found in year y, sorted, for the reasons (made only when they are: the
 *  view holds the signs, not a closure over them made per school-year). */
const signIdsIn = (signs: Sign[], y: number): string[] => (signs.length === 0 ? [] : [...new Set(signs.filter((s) => s.year === y).map((s) => s.sign))].sort());
