/** Assessment results (data.md «Results»): ВПР 4–8, ОГЭ, ЕГЭ, РДР per school × year. */
import { ARCHETYPE_BY_ID } from "./archetypes";
import {
  OGE_BASELINE,
  RDR_BASELINE,
  VPR_BASELINE,
  VPR_OTHER_BASELINE,
  type JournalShares,
  type SubjectKey,
  type VprSpec,
  type YearProfile,
} from "./profiles";
import { allocate, clamp, round1, round2, Rng } from "./random";
import { hasGrade } from "./schools";
import type { ResultRecord, School } from "./types";

export const SUBJECT_NAMES = {
  rus: "Русский язык",
  math: "Математика",
  math_prof: "Математика профильная",
  math_base: "Математика базовая",
} as const;

const OPTIONAL_SUBJECTS: Record<number, string[]> = {
  4: ["Окружающий мир"],
  5: ["История", "Биология"],
  6: ["География", "История", "Обществознание", "Биология"],
  7: ["Физика", "История", "География", "Обществознание"],
  8: ["Химия", "Физика", "Биология", "География"],
};

/** The optional ВПР subject of a grade in a municipality and year (null = none that year). */
export function optionalSubject(seed: number, municipality: number, year: number, grade: number): string | null {
  const rng = Rng.derive(seed, "optional-subject", municipality, year, grade);
  if (!rng.chance(0.85)) return null;
  return rng.pick(OPTIONAL_SUBJECTS[grade]);
}

/** Background schools: a profile from the latent weakness, drifting a little every year. */
export function backgroundProfile(school: School, year: number, seed: number): YearProfile {
  const rng = Rng.derive(seed, "profile", school.id, year);
  const w = school.weakness + rng.normal(0, 0.15);
  const schoolRng = Rng.derive(seed, "journal", school.id);
  const inflated = schoolRng.chance(0.05);
  const lowered = inflated ? schoolRng.float(0.4, 0.6) : schoolRng.float(0.16, 0.3);
  const raised = schoolRng.float(0.03, 0.1);
  return {
    vpr: {
      p2: 0,
      p2Factor: Math.exp(0.75 * w),
      qFactor: clamp(Math.exp(-0.4 * w), 0.3, 1.6),
      journal: { lowered: clamp(lowered + rng.normal(0, 0.02), 0.05, 0.7), raised: clamp(raised + rng.normal(0, 0.01), 0.01, 0.15) },
    },
    oge: {
      p2: { rus: clamp(0.05 * Math.exp(0.8 * w), 0, 0.4), math: clamp(0.07 * Math.exp(0.8 * w), 0, 0.4) },
      qFactor: clamp(Math.exp(-0.4 * w), 0.3, 1.6),
    },
    ege: {
      rusBelow: clamp(0.01 * Math.exp(w), 0, 0.1),
      rusHigh: clamp(0.16 * Math.exp(-0.7 * w), 0.02, 0.35),
      profBelow: clamp(0.05 * Math.exp(0.9 * w), 0, 0.3),
      profHigh: clamp(0.06 * Math.exp(-w), 0, 0.15),
      base2: clamp(0.02 * Math.exp(w), 0, 0.1),
      rusMean: clamp(67 - 6 * w + rng.normal(0, 2), 50, 80),
      profMean: clamp(52 - 9 * w + rng.normal(0, 3), 30, 72),
    },
    rdr: { p2: clamp(0.1 * Math.exp(0.7 * w), 0.05, 0.4) },
  };
}

/** «2»/«3»/«4»/«5» shares for a ВПР row. */
function vprShares(spec: VprSpec, subject: SubjectKey, grade: number): number[] {
  const base = subject === "other" ? VPR_OTHER_BASELINE : VPR_BASELINE[subject][grade];
  const combo = subject !== "other" && (grade === 5 || grade === 8) ? spec.p2Combo?.[`${subject}${grade}` as "rus5"] : undefined;
  let p2 = combo ?? spec.p2Subject?.[subject] ?? (spec.p2Factor !== undefined ? base[0] * spec.p2Factor : spec.p2);
  p2 = clamp(p2, 0, 0.7);
  return marksFrom(base, p2, spec.qAbs ?? (base[2] + base[3]) * spec.qFactor);
}

function marksFrom(base: readonly number[], p2: number, quality: number): number[] {
  const q = clamp(quality, 0, Math.max(0, 1 - p2 - 0.02));
  const f5 = base[3] / (base[2] + base[3]);
  return [p2, 1 - p2 - q, q * (1 - f5), q * f5];
}

function journalFor(spec: VprSpec, subject: SubjectKey, grade: number): JournalShares {
  return spec.journalCombo?.[`${subject}${grade}`] ?? spec.journalSubject?.[subject] ?? spec.journal;
}

/**
 * Counts from shares. Planted schools: exact rounding. Background schools: the shares are
 * jittered with half the binomial standard deviation, then rounded — real classes are less
 * erratic than independent draws would make them (a pure multinomial lets every small class
 * trip the cohort rule O5 now and then).
 */
class Counter {
  constructor(
    private readonly rng: Rng,
    private readonly exact: boolean,
  ) {}
  split(n: number, shares: number[]): number[] {
    if (this.exact || n <= 0) return allocate(n, shares);
    const jittered = shares.map((p) => Math.max(0, p + this.rng.normal(0, 0.5 * Math.sqrt(Math.max(p * (1 - p), 0) / n))));
    return allocate(n, jittered);
  }
  part(n: number, share: number): number {
    if (this.exact) return Math.round(n * share);
    const p = clamp(share + this.rng.normal(0, 0.5 * Math.sqrt(Math.max(share * (1 - share), 0) / Math.max(1, n))), 0, 1);
    // a small probability is rounded randomly so that rare events (a high scorer) still occur
    const x = n * p;
    return Math.min(n, Math.floor(x) + (this.rng.next() < x - Math.floor(x) ? 1 : 0));
  }
}

function emptyRecord(school: School, year: number, procedure: ResultRecord["procedure"], subject: string, grade: number, n: number): ResultRecord {
  return {
    schoolId: school.id,
    year,
    procedure,
    subject,
    grade,
    participants: n,
    mark2: null,
    mark3: null,
    mark4: null,
    mark5: null,
    belowMin: null,
    high: null,
    lowered: null,
    confirmed: null,
    raised: null,
    meanScore: null,
  };
}

function withMarks(r: ResultRecord, m: number[]): ResultRecord {
  r.mark2 = m[0];
  r.mark3 = m[1];
  r.mark4 = m[2];
  r.mark5 = m[3];
  return r;
}

const meanMark = (m: number[], n: number) => round2((2 * m[0] + 3 * m[1] + 4 * m[2] + 5 * m[3]) / n);

/** All result rows of one school, year by year. */
export function schoolResults(school: School, years: number[], seed: number, optionalSubjects: boolean): ResultRecord[] {
  const out: ResultRecord[] = [];
  const t = years[years.length - 1];
  const arch = school.archetype ? ARCHETYPE_BY_ID[school.archetype] : undefined;
  const exact = !!arch;
  const sizeRng = Rng.derive(seed, "cohorts", school.id);
  const cohortSize = new Map<number, number>();
  /** A cohort keeps its size as it moves up (entry year = year − grade). */
  const plantedSize = new Map<string, number>();
  const classSize = (year: number, grade: number): number => {
    if (exact) {
      // planted classes vary a little but never fall below the designed size by more than
      // 6 % (and never below it at all for small classes, whose sample sizes are designed)
      const key = `${year}/${grade}`;
      if (!plantedSize.has(key)) {
        const c = school.cohort;
        const down = c >= 20 ? Math.round(c * 0.06) : 0;
        plantedSize.set(key, c - down + sizeRng.int(0, Math.max(1, Math.round(c * 0.12))));
      }
      return plantedSize.get(key)!;
    }
    const entry = year - grade;
    if (!cohortSize.has(entry)) cohortSize.set(entry, Math.max(0, Math.round(school.cohort * (1 + sizeRng.normal(0, 0.1)))));
    return cohortSize.get(entry)!;
  };
  for (const year of years) {
    if (year < school.firstResultYear) continue;
    const profile = arch ? arch.profile(year, t) : backgroundProfile(school, year, seed);
    const rng = Rng.derive(seed, "results", school.id, year);
    const c = new Counter(rng, exact);
    const participation = () => (exact ? 1 : rng.float(0.85, 0.97));

    // ВПР, grades 4–8
    for (let grade = 4; grade <= 8; grade++) {
      if (!hasGrade(school.type, grade)) continue;
      const subjects: [SubjectKey, string][] = [
        ["rus", SUBJECT_NAMES.rus],
        ["math", SUBJECT_NAMES.math],
      ];
      const opt = optionalSubjects ? optionalSubject(seed, school.municipalityIndex, year, grade) : null;
      if (opt) subjects.push(["other", opt]);
      for (const [key, name] of subjects) {
        const n = Math.round(classSize(year, grade) * participation());
        if (n < 3) continue;
        const marks = c.split(n, vprShares(profile.vpr, key, grade));
        const j = journalFor(profile.vpr, key, grade);
        const [lowered, confirmed, raised] = c.split(n, [j.lowered, 1 - j.lowered - j.raised, j.raised]);
        const r = withMarks(emptyRecord(school, year, "ВПР", name, grade, n), marks);
        r.lowered = lowered;
        r.confirmed = confirmed;
        r.raised = raised;
        out.push(r);
      }
    }

    // ОГЭ, grade 9
    if (hasGrade(school.type, 9)) {
      const n9 = classSize(year, 9);
      for (const key of ["rus", "math"] as const) {
        // planted: everyone of the class sits both exams (R3b pools the two)
        const n = exact ? n9 : Math.round(n9 * rng.float(0.95, 1));
        if (n < 1) continue;
        const base = OGE_BASELINE[key];
        const marks = c.split(n, marksFrom(base, profile.oge.p2[key], (base[2] + base[3]) * profile.oge.qFactor));
        const r = withMarks(emptyRecord(school, year, "ОГЭ", SUBJECT_NAMES[key], 9, n), marks);
        r.meanScore = meanMark(marks, n);
        out.push(r);
      }
    }

    // ЕГЭ, grade 11
    if (hasGrade(school.type, 11)) {
      const e = profile.ege;
      const vary = (k: number) => (exact || k === 0 ? k : Math.max(0, Math.round(k * (1 + rng.normal(0, 0.12)))));
      const rusN = vary(school.egeRus);
      const profN = vary(school.egeProf);
      const baseN = vary(school.egeBase);
      for (const [subject, n, belowShare, highShare, mean] of [
        [SUBJECT_NAMES.rus, rusN, e.rusBelow, e.rusHigh, e.rusMean],
        [SUBJECT_NAMES.math_prof, profN, e.profBelow, e.profHigh, e.profMean],
      ] as const) {
        if (n < 1) continue;
        const r = emptyRecord(school, year, "ЕГЭ", subject, 11, n);
        r.belowMin = c.part(n, belowShare);
        r.high = Math.min(n - r.belowMin, c.part(n, highShare));
        r.meanScore = round1(exact ? mean : mean + rng.normal(0, 1.5));
        out.push(r);
      }
      if (baseN >= 1) {
        const m2 = c.part(baseN, e.base2);
        const rest = c.split(baseN - m2, [0.3, 0.45, 0.25]);
        const marks = [m2, ...rest];
        const r = withMarks(emptyRecord(school, year, "ЕГЭ", SUBJECT_NAMES.math_base, 11, baseN), marks);
        r.meanScore = meanMark(marks, baseN);
        out.push(r);
      }
    }

    // РДР: reading literacy in grade 7 (grade 4 in primary schools)
    const rdrGrade = hasGrade(school.type, 7) ? 7 : 4;
    const n = Math.round(classSize(year, rdrGrade) * participation());
    if (n >= 3) {
      const marks = c.split(n, marksFrom(RDR_BASELINE, profile.rdr.p2, RDR_BASELINE[2] + RDR_BASELINE[3]));
      out.push(withMarks(emptyRecord(school, year, "РДР", "Читательская грамотность", rdrGrade, n), marks));
    }
  }
  return out;
}
