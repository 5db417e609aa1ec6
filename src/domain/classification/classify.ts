import { atLeast, atMost } from "../indicators/zones";
import type { Settings } from "../settings/types";
import { ru } from "../i18n/ru";
import type { Sign } from "../objectivity/signs";
import type { Classification, Flag, Status, YearView } from "./types";

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

const isRed = (m: { zone: string } | undefined) => m?.zone === "red";

/** Indicators the rules name (module constants: a literal array in a rule is made per call). */
const SHORT = ["R3a", "R3b"] as const;
const ONE_YEAR_IDS = ["R1", "R2", "R3a", "R3b", "R4"] as const;
const INDEX_IDS = ["R1", "R2", "R3a", "R3b", "R4", "R5", "R6"] as const;

/** The ВПР combos in the red zone (single year). */
const redCombos = (measures: YearView["single"]) => Object.keys(measures).filter((id) => id.startsWith("R4.") && isRed(measures[id]));

/** How many ВПР combos are red: the rules need the count, the list only for the reasons
 *  (for-in allocates nothing; Object.keys + filter made two arrays per call, 3–4 per school-year). */
function redComboCount(measures: YearView["single"]): number {
  let count = 0;
  for (const id in measures) if (id.startsWith("R4.") && isRed(measures[id])) count++;
  return count;
}

/**
 * The reasons a rule found. The text is made only when the reasons are shown (the report
 * year); the earlier years a run classifies need the verdicts alone, and formatting numbers
 * into Russian sentences was a large part of a region's run.
 */
class Reasons {
  readonly texts: string[] = [];
  count = 0;
  constructor(private readonly explain: boolean) {}

  add(text: () => string): void {
    this.count++;
    if (this.explain) this.texts.push(text());
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
  const status: Status = lowResults && adverseContext ? "shnor_shnsu" : lowResults ? "shnor" : resilient ? "resilient" : adverseContext ? "shnsu" : riskReasons.count > 0 ? "risk_zone" : v.lowResultsIndex.covered ? "no_risk" : "insufficient_data";
  reasons.append(adverseContextReasons);
  if (resilient) reasons.add(() => ru.reasons.resilient(v.year, v.lowResultsIndexT.value!, v.lowResultsIndexPrev.value!, t.resilient));
  reasons.append(riskReasons);
  if (status === "insufficient_data") reasons.add(() => ru.reasons.noCoverage(v.lowResultsIndex.coveredWeight, (v.lowResultsIndex.totalWeight * s.indexCoverage) / 100));
  const flags = collectFlags(v, s, status, riskReasons.count > 0, t.lowResults, reasons);
  return { status, flags, reasons: reasons.texts, lowResults: lowResults, adverseContext: adverseContext };
}

function lowResultsRule(v: YearView, threshold: number, reasons: Reasons): boolean {
  const before = reasons.count;
  if (v.lowResultsIndex.covered && atLeast(v.lowResultsIndex.value!, threshold)) reasons.add(() => ru.reasons.inrAbove(v.lowResultsIndex.value!, threshold));
  if (v.accreditationSuspended) reasons.add(() => ru.reasons.accreditation());
  for (const id of SHORT) {
    if (isRed(v.single[id]) && isRed(v.singlePrev[id])) reasons.add(() => ru.reasons.redBothYears(id, v.single[id].value!, v.singlePrev[id].value!));
  }
  const now = redComboCount(v.single);
  const prev = now >= 2 ? redComboCount(v.singlePrev) : 0;
  if (now >= 2 && prev >= 2) reasons.add(() => ru.reasons.combosBothYears(now, prev));
  return reasons.count > before;
}

function adverseContextRule(v: YearView, threshold: number, s: Settings, reasons: Reasons): boolean {
  if (v.socialRiskIndex.covered && atLeast(v.socialRiskIndex.value!, threshold)) reasons.add(() => ru.reasons.isnAbove(v.socialRiskIndex.value!, threshold));
  if (v.redFactors.length >= s.adverseContextMinFactors) reasons.add(() => ru.reasons.factors(v.redFactors, s.adverseContextMinFactors));
  return reasons.count > 0;
}

function resilientRule(v: YearView, threshold: number): boolean {
  return v.lowResultsIndexT.covered && v.lowResultsIndexPrev.covered && atMost(v.lowResultsIndexT.value!, threshold) && atMost(v.lowResultsIndexPrev.value!, threshold) && !v.hasSigns && !v.hasSignsPrev;
}

/** Reasons for the risk zone (none when it does not hold); only for non-ШНОР schools. */
function riskZoneRule(v: YearView, t: ReturnType<typeof thresholds>, s: Settings, out: Reasons): void {
  if (v.lowResultsIndex.covered && atLeast(v.lowResultsIndex.value!, t.risk) && v.lowResultsIndex.value! < t.lowResults - 1e-9) out.add(() => ru.reasons.riskBand(v.lowResultsIndex.value!, t.risk, t.lowResults));
  for (const id of SHORT) if (isRed(v.single[id])) out.add(() => ru.reasons.redInYear(id, v.single[id].value!, v.year));
  if (redComboCount(v.single) > 0) out.add(() => ru.reasons.combosRedInYear(redCombos(v.single), v.year));
  for (const d of v.negativeDynamics) out.add(() => ru.reasons.negativeDynamics(d.id, d.delta, s.dynamicsThreshold));
  if (v.wasLowResults) out.add(() => ru.reasons.wasLowResults(v.year - 1));
}

function collectFlags(v: YearView, s: Settings, status: Status, risk: boolean, shnorThreshold: number, reasons: Reasons): Flag[] {
  const flags: Flag[] = [];
  const isShnor = status === "shnor" || status === "shnor_shnsu";
  if (risk) flags.push("risk_zone");
  if (v.lowResultsIndexT.covered && v.lowResultsIndexPrev.covered && atLeast(v.lowResultsIndexT.value!, shnorThreshold) && atLeast(v.lowResultsIndexPrev.value!, shnorThreshold)) {
    flags.push("stable_low");
    reasons.add(() => ru.reasons.stableLow(v.year, v.lowResultsIndexT.value!, v.lowResultsIndexPrev.value!, shnorThreshold));
  }
  if (isShnor) {
    const basic = reasons.child();
    basicFailing(v, basic);
    flags.push(basic.count > 0 ? "basic_failing" : "moderate_failing");
    reasons.add(() => (basic.count > 0 ? ru.reasons.basicFailing(basic.texts) : ru.reasons.moderateFailing()));
  }
  if (v.hasSigns) {
    flags.push("objectivity_signs");
    if (isShnor) flags.push("needs_objectivity_check");
    reasons.add(() => {
      const found = ru.reasons.signsFound(v.year, signIdsIn(v.signs, v.year), signIdsIn(v.signs, v.year - 1));
      return isShnor ? ru.reasons.needsObjectivityCheck(found) : ru.reasons.objectivitySigns(found);
    });
  }
  const small = smallSamples(v, s);
  if (small.length > 0) {
    flags.push("small_sample");
    reasons.add(() => ru.reasons.smallSample(small));
  }
  const oneYear = oneYearIndicators(v);
  if (oneYear.length > 0) {
    flags.push("one_year");
    reasons.add(() => ru.reasons.oneYear(oneYear));
  }
  if (v.accreditationSuspended) flags.push("accreditation_suspended");
  return flags;
}

/** «базово неуспевающая»: ≥ 3 red combos in T, or R3a / R3b red in T. */
function basicFailing(v: YearView, out: Reasons): void {
  const combos = redComboCount(v.single);
  if (combos >= 3) out.add(() => ru.reasons.combosRedCount(combos, v.year));
  for (const id of SHORT) if (isRed(v.single[id])) out.add(() => ru.reasons.redShort(id, v.year));
}

/** R1–R6 as used in ИНР with data and 0 < n < min_n_stable. Loops that allocate only what
 *  they find (filter + map made three arrays per school-year). */
function smallSamples(v: YearView, s: Settings): { id: string; n: number }[] {
  const out: { id: string; n: number }[] = [];
  for (const id of INDEX_IDS) {
    const m = v.pooled[id];
    if (m.value !== null && m.n > 0 && m.n < s.minNStable) out.push({ id, n: m.n });
  }
  return out;
}

/** R1–R4 (pooled) with data of one year only, and that year. */
function oneYearIndicators(v: YearView): { id: string; year: number }[] {
  const out: { id: string; year: number }[] = [];
  for (const id of ONE_YEAR_IDS) {
    const years = v.pooled[id].years;
    if (years.length === 1) out.push({ id, year: years[0] });
  }
  return out;
}

/** Sign ids (O1–O6) found in year y, sorted, for the reasons (made only when they are: the
 *  view holds the signs, not a closure over them made per school-year). */
const signIdsIn = (signs: Sign[], y: number): string[] => (signs.length === 0 ? [] : [...new Set(signs.filter((s) => s.year === y).map((s) => s.sign))].sort());
