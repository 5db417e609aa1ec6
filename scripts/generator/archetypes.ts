/**
 * Planted archetypes: schools whose numbers are set on purpose so that every status and
 * flag of methodology.md §5 occurs, crossing each threshold with a margin. Planted schools
 * get exact counts (largest-remainder rounding, no sampling noise); their ВПР quality is
 * ordinary or low and their ОГЭ «2» share is zero unless the archetype needs otherwise (then
 * their ВПР quality is low: 0.4–0.6 × the usual), so the group-relative signs O2, O4, O6
 * cannot fire on them by accident.
 *
 * Defaults assumed (methodology.md Appendix A): vpr_subjects rus, math; vpr_grades 5, 8;
 * min_n_scored 5; min_n_stable 10; thresholds ШНОР 50, ШНСУ 50 / 3 factors, resilient 25,
 * risk zone 35, dynamics 10; comparison group = municipality. t = the last year, t−1 and
 * t−2 the two before it. Weights R1 1, R2 1, R3a 1, R3b 1, R4 1.5, R5 1, R6 0.5 (Σ 7).
 */
import {
  cleanYear,
  failingYear,
  SOCIAL_GOOD_RURAL,
  SOCIAL_GOOD_URBAN,
  SOCIAL_HARD,
  SOCIAL_SEVERE,
  SOCIAL_SHNSU,
  type SocialSpec,
  type YearProfile,
} from "./profiles";
import type { Locality, SchoolType } from "./types";

/** The spec's status and flag codes, as the engine defines them. */
export type { Status as StatusCode, Flag as FlagCode } from "../../src/domain/classification/types";
import type { Flag as FlagCode, Status as StatusCode } from "../../src/domain/classification/types";

export interface ArchetypeShape {
  type: SchoolType;
  locality: Locality;
  pupils: number;
  /** Class size used for ВПР and ОГЭ rows. */
  cohort: number;
  egeRus: number;
  egeProf: number;
  egeBase: number;
}

export interface ArchetypeDef {
  id: string;
  /** Which rules of methodology.md the planted numbers are meant to trigger. */
  rules: string;
  /** Expected status and flags (the exact set) with the default settings. */
  status: StatusCode;
  flags: FlagCode[];
  /** Objectivity signs that must occur in t (others may occur too). */
  signs?: string[];
  /** Consecutive years of data needed: 3 = t−2, t−1, t. With a single year nothing is
   *  planted (every school would carry «1 год данных»). */
  minYears: number;
  /** Needs group statistics (O2/O6): placed in the largest municipality. */
  placement: "largest" | "other" | "any";
  shape: ArchetypeShape;
  registry?: {
    accreditationSuspended?: boolean;
    remote?: boolean;
    smallSchool?: boolean;
    infrastructureDeficit?: boolean;
    staffDeficit?: boolean;
    depressedTerritory?: boolean;
  };
  social: SocialSpec;
  /** Name pattern for new schools; `{n}` is a number, `{t}` the report year. */
  namePattern?: string;
  /** Results start in this year relative to t (0 = only t); null = no results at all. */
  firstResultOffset?: number | null;
  /** Passport rows start in this year relative to t; null = no passport rows. */
  firstPassportOffset?: number | null;
  /** The profile of year `year` (t is the report year). */
  profile: (year: number, t: number) => YearProfile;
}

const soh = (locality: Locality, pupils: number, cohort: number, ege: [number, number, number]): ArchetypeShape => ({
  type: "СОШ",
  locality,
  pupils,
  cohort,
  egeRus: ege[0],
  egeProf: ege[1],
  egeBase: ege[2],
});

/** Modify a clean or failing year in place and return it. */
function tweak(p: YearProfile, f: (p: YearProfile) => void): YearProfile {
  f(p);
  return p;
}

export const ARCHETYPES: readonly ArchetypeDef[] = [
  {
    id: "shnor_shnsu",
    // Rule §5.1 (ШНОР + ШНСУ): R1–R5 red, R6 yellow in every year → ИНР ≈ 96 ≥ 50 (and the
    // R3a/R3b/R4 overrides); social S1–S5, S10–S12, S6, S9, S14 red → ИСН ≈ 79 ≥ 50, factors 11 ≥ 3.
    // Flags: «устойчиво низкие» (ИНР₁(t), ИНР₁(t−1) ≥ 50), «базово» (R4 red in 4 combos in t).
    rules: "ИНР ≥ 50 (все R красные) и ИСН ≥ 50, факторов ≥ 3; ИНР₁(t), ИНР₁(t−1) ≥ 50; R4 красная в 4 комбинациях в t",
    status: "shnor_shnsu",
    flags: ["stable_low", "basic_failing"],
    minYears: 2,
    placement: "other",
    shape: soh("сельская", 290, 24, [12, 6, 6]),
    registry: { remote: true, staffDeficit: true, depressedTerritory: true },
    social: SOCIAL_SEVERE,
    profile: () => failingYear(),
  },
  {
    id: "shnor_basic",
    // Rule §5.2 via ИНР ≥ 50: an ООШ (no ЕГЭ, weight 4 of 7 ≥ 40 % coverage) with R3b, R4, R5
    // red and R6 yellow → ИНР ≈ 94. «Базово неуспевающая»: R4 red in 4 of 4 combos in t and
    // R3b red in t. «Устойчиво низкие»: both single-year ИНР ≥ 50. Social context good.
    rules: "ИНР ≥ 50 без ЕГЭ (покрытие 4/7); R4 красная в 4 комбинациях и R3b красная в t → базово; ИНР₁ ≥ 50 два года",
    status: "shnor",
    flags: ["stable_low", "basic_failing"],
    minYears: 2,
    placement: "other",
    shape: { type: "ООШ", locality: "сельская", pupils: 130, cohort: 13, egeRus: 0, egeProf: 0, egeBase: 0 },
    social: SOCIAL_GOOD_RURAL,
    profile: () =>
      tweak(failingYear(), (p) => {
        p.vpr.qFactor = 0.45;
        p.oge.p2 = { rus: 0.25, math: 0.3 };
      }),
  },
  {
    id: "shnor_moderate",
    // Rule §5.2 via the R4 override: ВПР math «2» 34 % in grades 5 and 8 (2 of 4 combos red)
    // in t and t−1; rus «2» 6 %. R3a, R3b green → «умеренно неуспевающая». ИНР ≈ 11 (< 50,
    // the override alone makes the candidate).
    rules: "R4.math5 и R4.math8 красные в t и t−1 (2 из 4 комбинаций) → ШНОР без ИНР; R3a/R3b не красные → умеренно",
    status: "shnor",
    flags: ["moderate_failing"],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 380, 32, [16, 7, 9]),
    social: SOCIAL_GOOD_RURAL,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.06;
        p.vpr.p2Subject = { math: 0.34 };
        p.vpr.qFactor = 0.6;
        p.oge.p2 = { rus: 0.04, math: 0.08 };
        p.rdr.p2 = 0.08;
      }),
  },
  {
    id: "shnor_entered",
    // Rule §5.2 via ИНР ≥ 50, a school that *entered* the list: t−2 clean, t−1 yellow
    // (R1, R3a, R3b, R4, R5, R6 yellow → ИНР₁ ≈ 43), t failing (ИНР₁ ≈ 96) → pooled ИНР(t) ≥ 50 while ИНР(t−1) < 50 (transition
    // «вошла»). «Базово»: R4 red in 4 combos in t. Not «устойчиво низкие» (ИНР₁(t−1) < 50).
    rules: "ИНР(t) ≥ 50 при ИНР(t−1) < 50 (переход «вошла в ШНОР»); R4 красная в t → базово; ИНР₁(t−1) < 50 → не «устойчиво низкие»",
    status: "shnor",
    flags: ["basic_failing"],
    minYears: 3,
    placement: "other",
    shape: soh("городская", 700, 60, [30, 12, 18]),
    social: SOCIAL_GOOD_URBAN,
    profile: (year, t) => {
      if (year <= t - 2) return cleanYear();
      if (year === t - 1)
        return {
          vpr: { p2: 0.18, qFactor: 0.7, journal: { lowered: 0.22, raised: 0.05 } },
          oge: { p2: { rus: 0.12, math: 0.15 }, qFactor: 0.85 },
          ege: { rusBelow: 0.034, rusHigh: 0.07, profBelow: 0.09, profHigh: 0.1, base2: 0, rusMean: 61.3, profMean: 44.8 },
          rdr: { p2: 0.18 },
        };
      return tweak(failingYear(), (p) => {
        p.vpr.qFactor = 0.5;
        p.vpr.p2 = 0.36;
      });
    },
  },
  {
    id: "shnor_accreditation",
    // Rule §5.2 via the R7 override (accreditation suspended, registry = year t only).
    // Results mediocre: R4 «2» ≈ 19 % (yellow, no red combo), R3a/R3b green → «умеренно».
    rules: "R7 = да (аккредитация приостановлена) → ШНОР без ИНР; R4 жёлтая, R3a/R3b зелёные → умеренно",
    status: "shnor",
    flags: ["accreditation_suspended", "moderate_failing"],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 220, 19, [10, 5, 5]),
    registry: { accreditationSuspended: true },
    social: SOCIAL_GOOD_RURAL,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.19;
        p.vpr.qFactor = 0.6;
        p.vpr.journal = { lowered: 0.18, raised: 0.05 };
        p.oge.p2 = { rus: 0.06, math: 0.08 };
        p.rdr.p2 = 0.1;
      }),
  },
  {
    id: "needs_objectivity_check",
    // Rule §5.2 via the R3b override: ОГЭ «2» 20 % (rus) and 40 % (math) → R3b ≈ 30 % red in
    // t and t−1; «базово» (R3b red in t). ВПР looks excellent (quality 80 %, «2» 3 %) with
    // «повысили» 28 % → O2 (≥ 20 % and quality above the median) and O6 (grade-8 ВПР quality
    // in the top quartile, ОГЭ «2» in the worst quartile) in t and t−1 → signs → flag
    // «требуется проверка объективности».
    rules: "R3b красная в t и t−1 → ШНОР; O2 (повысили 28 %, качество выше медианы) + O6 (ВПР 8 кл. в верхнем квартиле, ОГЭ «2» в худшем) → признаки → требуется проверка",
    status: "shnor",
    flags: ["basic_failing", "objectivity_signs", "needs_objectivity_check"],
    signs: ["O2", "O6"],
    minYears: 2,
    placement: "largest",
    shape: soh("городская", 650, 55, [28, 12, 16]),
    social: SOCIAL_GOOD_URBAN,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.03;
        p.vpr.qAbs = 0.8;
        p.vpr.journal = { lowered: 0.08, raised: 0.28 };
        p.oge.p2 = { rus: 0.2, math: 0.4 };
        p.oge.qFactor = 0.5;
        p.rdr.p2 = 0.12;
      }),
  },
  {
    id: "resilient",
    // Rule §5.3: a ШНСУ candidate by factors (S2 20 %, S10 40 %, S12 11 %, S6 remote = 4 red
    // ≥ 3; ИСН ≈ 36 < 50) with clean results in every year (ИНР₁(t) = ИНР₁(t−1) = 0 ≤ 25),
    // no signs of non-objectivity.
    rules: "ШНСУ по факторам (4 ≥ 3) при ИНР₁(t) ≤ 25 и ИНР₁(t−1) ≤ 25, без признаков необъективности",
    status: "resilient",
    flags: [],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 240, 20, [10, 5, 5]),
    registry: { remote: true },
    social: SOCIAL_HARD,
    profile: () => cleanYear(),
  },
  {
    id: "shnsu",
    // Rule §5.4 (ШНСУ only): factors S1 3.5 %, S5 11.5 %, S10 38 %, S6, S9 = 5 ≥ 3. Results
    // mediocre so it is not resilient: R1 yellow (1 of 12 high scorers), R2 red (none),
    // R4 yellow (19 %) → ИНР₁ = 2.25/7 ≈ 32 > 25 in both years, yet < 35 (no risk band).
    rules: "ШНСУ по факторам (5 ≥ 3); ИНР₁ ≈ 32 > 25 → не резильентная; ИНР < 35 и нет красных в t → не зона риска",
    status: "shnsu",
    flags: [],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 230, 20, [12, 6, 6]),
    registry: { remote: true, staffDeficit: true },
    social: SOCIAL_SHNSU,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.19;
        p.vpr.qFactor = 0.85;
        p.ege.rusHigh = 0.06;
        p.ege.profHigh = 0;
        p.ege.profMean = 41.5;
        p.ege.rusMean = 63.2;
      }),
  },
  {
    id: "risk_band",
    // Rule §5.5, the ИНР band: R1 6 %, R2 4 %, R3a 3 %, R3b 14 %, R4 19 % all yellow, R5 and R6
    // green → ИНР = (4·0.5 + 1.5·0.5)/7 ≈ 39.3 ∈ [35, 50); nothing red in t, no dynamics,
    // the same in t−1 (not ШНОР then).
    rules: "35 ≤ ИНР ≈ 39,3 < 50 (R1, R2, R3a, R3b, R4 жёлтые); нет красных в t, нет динамики",
    status: "risk_zone",
    flags: ["risk_zone"],
    minYears: 2,
    placement: "any",
    shape: soh("городская", 900, 80, [50, 25, 25]),
    social: SOCIAL_GOOD_URBAN,
    profile: () => ({
      vpr: { p2: 0.19, qFactor: 0.6, journal: { lowered: 0.15, raised: 0.05 } },
      oge: { p2: { rus: 0.14, math: 0.14 }, qFactor: 0.8 },
      ege: { rusBelow: 0.02, rusHigh: 0.06, profBelow: 0.04, profHigh: 0.04, base2: 0.04, rusMean: 62.7, profMean: 47.1 },
      rdr: { p2: 0.08 },
    }),
  },
  {
    id: "risk_r4_single",
    // Rule §5.5, a single-year red R4 combo in t: ВПР math grade 8 «2» 32 % in t only (the
    // other combos 4 %), R4 aggregate rises 4 % → 11 % (Δ ≈ 7 < 10, no dynamics rule); pooled
    // R4 ≈ 7.5 % green, ИНР = 0. Not ШНОР: one combo, one year.
    rules: "R4.math8 красная только в t (32 %) при ИНР = 0; Δ R4 < 10 п.п.",
    status: "risk_zone",
    flags: ["risk_zone"],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 300, 25, [12, 6, 6]),
    social: SOCIAL_GOOD_RURAL,
    profile: (year, t) =>
      tweak(cleanYear(), (p) => {
        if (year === t) p.vpr.p2Combo = { math8: 0.32 };
      }),
  },
  {
    id: "risk_dynamics",
    // Rule §5.5 + §6, negative dynamics of the aggregate R4: ВПР «2» 4 % in t−1 → 19 % in t
    // (Δ ≈ +15 ≥ 10), no combo red (19 % < 25), pooled R4 ≈ 11.5 % green, ИНР = 0.
    rules: "отрицательная динамика R4: Δ ≈ +15 п.п. ≥ 10 без красных комбинаций; ИНР = 0",
    status: "risk_zone",
    flags: ["risk_zone"],
    minYears: 2,
    placement: "any",
    shape: soh("городская", 620, 52, [26, 12, 14]),
    social: SOCIAL_GOOD_URBAN,
    profile: (year, t) =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = year === t ? 0.19 : 0.04;
        if (year === t) p.vpr.qFactor = 0.85;
      }),
  },
  {
    id: "risk_was_shnor",
    // Rule §5.5, «was a ШНОР candidate in t−1»: ВПР «2» 36 % in all four combos in t−2 and
    // t−1 (the R4 override holds for t−1), clean in t → in t: pooled R4 ≈ 20 % yellow,
    // ИНР ≈ 11, nothing red in t, positive dynamics; only the t−1 rule fires (transition «вышла»).
    rules: "ШНОР в t−1 (R4 красная в 4 комбинациях в t−2 и t−1), в t всё зелёное кроме пула R4 → зона риска только по правилу «был ШНОР в t−1»",
    status: "risk_zone",
    flags: ["risk_zone"],
    minYears: 3,
    placement: "any",
    shape: soh("сельская", 330, 28, [14, 6, 8]),
    social: SOCIAL_GOOD_RURAL,
    profile: (year, t) =>
      year === t
        ? cleanYear()
        : tweak(cleanYear(), (p) => {
            p.vpr = { p2: 0.36, qFactor: 0.45, journal: { lowered: 0.25, raised: 0.04 } };
            p.oge.p2 = { rus: 0.1, math: 0.12 };
            p.rdr.p2 = 0.2;
          }),
  },
  {
    id: "no_risk",
    // Rule §5.6: clean results and social context, big enough samples → «Без рисков».
    rules: "все R и S зелёные, выборки ≥ 10 → без рисков",
    status: "no_risk",
    flags: [],
    minYears: 2,
    placement: "any",
    shape: soh("городская", 820, 70, [36, 16, 20]),
    social: SOCIAL_GOOD_URBAN,
    profile: () => cleanYear(),
  },
  {
    id: "insufficient_new",
    // Rule §5.6, «Недостаточно данных»: a school opened on 1 September of t — in the
    // registry, but without results and without a passport row.
    rules: "нет результатов и паспорта (новая школа) → недостаточно данных",
    status: "insufficient_data",
    flags: [],
    minYears: 2,
    placement: "any",
    shape: soh("городская", 320, 0, [0, 0, 0]),
    social: SOCIAL_GOOD_URBAN,
    namePattern: "МБОУ «Средняя общеобразовательная школа № {n}» (открыта 01.09.{t})",
    firstResultOffset: null,
    firstPassportOffset: null,
    profile: () => cleanYear(),
  },
  {
    id: "insufficient_primary",
    // Rule §5.6 + coverage: a НОШ has only grade-4 ВПР and РДР → R5 (1) + R6 (0.5) = 1.5 of 7
    // < 40 % → no R coverage; good social context → «Недостаточно данных». Samples ≥ 10.
    rules: "только 4 класс: покрытие R 1,5/7 < 40 % и не ШНСУ → недостаточно данных",
    status: "insufficient_data",
    flags: [],
    minYears: 2,
    placement: "any",
    shape: { type: "НОШ", locality: "сельская", pupils: 38, cohort: 10, egeRus: 0, egeProf: 0, egeBase: 0 },
    registry: { smallSchool: true },
    social: SOCIAL_GOOD_RURAL,
    profile: () => cleanYear(),
  },
  {
    id: "objectivity_signs",
    // §4 «признаки необъективности» (≥ 2 different signs in t): ВПР quality 82 %; rus rows
    // «понизили» 50 % → O1; math rows «повысили» 28 % with quality above the median → O2;
    // ОГЭ math «2» 36 % (rus 0) with grade-8 ВПР quality in the top quartile → O6 (O4 may
    // join; O6 needs the group's quartiles, so it is only guaranteed in a large municipality).
    // R3b ≈ 18 % stays yellow (< 20) and R6 yellow → ИНР ≈ 11 → status «без рисков».
    rules: "O1 (понизили 50 %) + O2 (повысили 28 %) + O6 (ВПР высоко, ОГЭ «2» 36 %) в t → признаки необъективности; статус без рисков",
    status: "no_risk",
    flags: ["objectivity_signs"],
    signs: ["O1", "O2"],
    minYears: 2,
    placement: "largest",
    shape: soh("городская", 720, 60, [30, 14, 16]),
    social: SOCIAL_GOOD_URBAN,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.03;
        p.vpr.qAbs = 0.82;
        p.vpr.journal = { lowered: 0.2, raised: 0.05 };
        p.vpr.journalSubject = { rus: { lowered: 0.5, raised: 0.03 }, math: { lowered: 0.08, raised: 0.28 } };
        p.oge.p2 = { rus: 0, math: 0.36 };
        p.oge.qFactor = 0.6;
      }),
  },
  {
    id: "objectivity_repeat",
    // §4, the same sign in t and t−1: grade-5 Russian «понизили» 54 % every year → O1 in t
    // and in t−1 (one sign id, two years) → «признаки необъективности». Otherwise clean.
    rules: "O1 (понизили 54 %, рус. 5 кл.) в t и в t−1 → признаки необъективности по повтору",
    status: "no_risk",
    flags: ["objectivity_signs"],
    signs: ["O1"],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 310, 26, [13, 6, 7]),
    social: SOCIAL_GOOD_RURAL,
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.journal = { lowered: 0.12, raised: 0.05 };
        p.vpr.journalCombo = { rus5: { lowered: 0.54, raised: 0.02 } };
      }),
  },
  {
    id: "small_sample",
    // «Малая выборка»: a малокомплектная СОШ with 4 ЕГЭ rus and 2 math_prof participants a
    // year → pooled R1 n = 8 < 10 (R2 n = 4 < 5: shown, not scored), РДР 6 < 10. Clean results.
    rules: "пул R1 n = 8 < 10, R2 n = 4 < 5, R5 n = 6 < 10 → малая выборка; результаты чистые",
    status: "no_risk",
    flags: ["small_sample"],
    minYears: 2,
    placement: "any",
    shape: soh("сельская", 70, 6, [4, 2, 2]),
    registry: { smallSchool: true },
    social: SOCIAL_GOOD_RURAL,
    profile: () => cleanYear(),
  },
  {
    id: "one_year",
    // «1 год данных»: a school opened in autumn of t−1 (school year ending in t) has results
    // and a passport for t only → pooled R3b and R4 have data in exactly one of t, t−1.
    rules: "результаты только за t (открыта в t−1) → 1 год данных; результаты чистые",
    status: "no_risk",
    flags: ["one_year"],
    minYears: 2,
    placement: "any",
    shape: { type: "ООШ", locality: "городская", pupils: 260, cohort: 28, egeRus: 0, egeProf: 0, egeBase: 0 },
    social: SOCIAL_GOOD_URBAN,
    namePattern: "МБОУ «Школа № {n}» (открыта в {t-1} г.)",
    firstResultOffset: 0,
    firstPassportOffset: 0,
    profile: () => cleanYear(),
  },
  {
    id: "gymnasium_high",
    // A гимназия with very high results (ВПР quality 72 %, ЕГЭ high scorers 40 %): O4 does not
    // apply to гимназии, ОГЭ has no «2» (no O6), journal normal → no signs, «Без рисков».
    rules: "гимназия с высокими результатами: O4 не применяется к гимназиям, нет O1/O2/O6 → без рисков",
    status: "no_risk",
    flags: [],
    minYears: 2,
    placement: "largest",
    shape: { type: "Гимназия", locality: "городская", pupils: 900, cohort: 80, egeRus: 60, egeProf: 35, egeBase: 25 },
    social: { ...SOCIAL_GOOD_URBAN, parentsHigherEd: 0.55, lowIncome: 0.08 },
    profile: () =>
      tweak(cleanYear(), (p) => {
        p.vpr.p2 = 0.02;
        p.vpr.qAbs = 0.72;
        p.oge.qFactor = 1.5;
        p.ege = { rusBelow: 0, rusHigh: 0.4, profBelow: 0, profHigh: 0.2, base2: 0, rusMean: 81.6, profMean: 68.9 };
        p.rdr.p2 = 0.03;
      }),
  },
];

export const ARCHETYPE_BY_ID: Record<string, ArchetypeDef> = Object.fromEntries(ARCHETYPES.map((a) => [a.id, a]));
