/**
 * Result and social "profiles": the target shares a school has in a year. The results
 * module turns a profile into counts — exactly (largest-remainder rounding) for planted
 * schools, by sampling for background schools.
 */

export type CoreCombo = "rus5" | "rus8" | "math5" | "math8";
export type SubjectKey = "rus" | "math" | "other";

/** Typical ВПР mark shares «2»/«3»/«4»/«5» by subject and grade (data.md; grades 4, 6, 7
 *  interpolated so that a cohort's quality changes smoothly from grade to grade). */
export const VPR_BASELINE: Record<"rus" | "math", Record<number, [number, number, number, number]>> = {
  rus: {
    4: [0.1, 0.4, 0.37, 0.13],
    5: [0.14, 0.4, 0.33, 0.13],
    6: [0.15, 0.42, 0.33, 0.1],
    7: [0.16, 0.43, 0.32, 0.09],
    8: [0.17, 0.43, 0.32, 0.08],
  },
  math: {
    4: [0.08, 0.38, 0.38, 0.16],
    5: [0.1, 0.4, 0.35, 0.15],
    6: [0.11, 0.46, 0.33, 0.1],
    7: [0.12, 0.5, 0.3, 0.08],
    8: [0.12, 0.55, 0.28, 0.05],
  },
};
export const VPR_OTHER_BASELINE: [number, number, number, number] = [0.08, 0.47, 0.35, 0.1];
export const OGE_BASELINE: Record<"rus" | "math", [number, number, number, number]> = {
  rus: [0.05, 0.35, 0.4, 0.2],
  math: [0.07, 0.5, 0.33, 0.1],
};
export const RDR_BASELINE: [number, number, number, number] = [0.14, 0.45, 0.31, 0.1];

export interface JournalShares {
  lowered: number;
  raised: number;
}

export interface VprSpec {
  /** «2» share of every ВПР row unless overridden below. */
  p2: number;
  /** Background schools: «2» share = baseline of the grade and subject × this factor. */
  p2Factor?: number;
  p2Subject?: Partial<Record<SubjectKey, number>>;
  /** Per core combo, e.g. { math8: 0.32 } for a single red combo. */
  p2Combo?: Partial<Record<CoreCombo, number>>;
  /** Quality («4»+«5») as a multiple of the baseline quality of the grade and subject. */
  qFactor: number;
  /** Absolute quality for every row (overrides qFactor); used for "suspiciously strong". */
  qAbs?: number;
  /** ВПР vs journal. */
  journal: JournalShares;
  journalSubject?: Partial<Record<SubjectKey, JournalShares>>;
  /** Per `${subject}${grade}`, e.g. { rus5: {...} }. */
  journalCombo?: Record<string, JournalShares>;
}

export interface OgeSpec {
  p2: { rus: number; math: number };
  qFactor: number;
}

export interface EgeSpec {
  rusBelow: number;
  rusHigh: number;
  profBelow: number;
  profHigh: number;
  /** «2» share in базовая математика (its below_min). */
  base2: number;
  rusMean: number;
  profMean: number;
}

export interface YearProfile {
  vpr: VprSpec;
  oge: OgeSpec;
  ege: EgeSpec;
  rdr: { p2: number };
}

/** Shares of pupils (data.md «Social passport»). */
export interface SocialSpec {
  odnKdn: number;
  lowRussian: number;
  notAttested: number;
  absentUnexcused: number;
  zprUo: number;
  ovz: number;
  lowIncome: number;
  singleParent: number;
  parentsHigherEd: number;
}

// ------------------------------------------------------------ building blocks for archetypes

export const CLEAN_JOURNAL: JournalShares = { lowered: 0.15, raised: 0.05 };

/** All R indicators green: R4 «2» 5 %, ОГЭ without «2», ЕГЭ with high scorers, no failures. */
export function cleanYear(): YearProfile {
  return {
    vpr: { p2: 0.05, qFactor: 1, journal: { ...CLEAN_JOURNAL } },
    oge: { p2: { rus: 0, math: 0 }, qFactor: 1 },
    ege: { rusBelow: 0, rusHigh: 0.2, profBelow: 0, profHigh: 0.12, base2: 0, rusMean: 71.4, profMean: 58.2 },
    rdr: { p2: 0.06 },
  };
}

/** Every R indicator red except R6 (yellow): «2» in ВПР 38 %, ОГЭ 26–30 %, no high scorers. */
export function failingYear(): YearProfile {
  return {
    vpr: { p2: 0.38, qFactor: 0.4, journal: { lowered: 0.25, raised: 0.04 } },
    oge: { p2: { rus: 0.26, math: 0.3 }, qFactor: 0.4 },
    ege: { rusBelow: 0.09, rusHigh: 0, profBelow: 0.34, profHigh: 0, base2: 0.17, rusMean: 48.3, profMean: 31.5 },
    rdr: { p2: 0.33 },
  };
}

/** Good social context, all S indicators green. */
export const SOCIAL_GOOD_URBAN: SocialSpec = {
  odnKdn: 0.004,
  lowRussian: 0.03,
  notAttested: 0.002,
  absentUnexcused: 0.004,
  zprUo: 0.03,
  ovz: 0.04,
  lowIncome: 0.14,
  singleParent: 0.2,
  parentsHigherEd: 0.38,
};
export const SOCIAL_GOOD_RURAL: SocialSpec = {
  ...SOCIAL_GOOD_URBAN,
  lowRussian: 0.01,
  lowIncome: 0.17,
  singleParent: 0.21,
  parentsHigherEd: 0.29,
};
/** Deep deprivation: S1–S5, S10–S12 red, S13 yellow → ИСН ≥ 50 with the yes/no factors. */
export const SOCIAL_SEVERE: SocialSpec = {
  odnKdn: 0.045,
  lowRussian: 0.22,
  notAttested: 0.025,
  absentUnexcused: 0.045,
  zprUo: 0.13,
  ovz: 0.09,
  lowIncome: 0.45,
  singleParent: 0.38,
  parentsHigherEd: 0.08,
};
/** Hard but not desperate: S2, S10, S12 red (+ remote = 4 factors), S5 and S11 yellow. */
export const SOCIAL_HARD: SocialSpec = {
  odnKdn: 0.006,
  lowRussian: 0.2,
  notAttested: 0.003,
  absentUnexcused: 0.006,
  zprUo: 0.065,
  ovz: 0.05,
  lowIncome: 0.4,
  singleParent: 0.28,
  parentsHigherEd: 0.11,
};
/** S1, S5, S10 red (+ remote and staff deficit = 5 factors). */
export const SOCIAL_SHNSU: SocialSpec = {
  odnKdn: 0.036,
  lowRussian: 0.03,
  notAttested: 0.003,
  absentUnexcused: 0.006,
  zprUo: 0.115,
  ovz: 0.05,
  lowIncome: 0.38,
  singleParent: 0.27,
  parentsHigherEd: 0.2,
};
