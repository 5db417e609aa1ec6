/**
 * Hand-built multi-year workbooks for the dynamics tests (transitions, statuses per year,
 * indicator changes). Every school's classification follows from methodology.md §5:
 *
 * - «red» year: the four ВПР combos 10/20 «2» (50 %, red) plus green ОГЭ and ЕГЭ rows, so
 *   R has coverage (4.5 of 7) and ИНР = 33,3 (R4 red alone) — below the ШНОР threshold;
 *   a school is a ШНОР candidate only by the override «≥ 2 combos red in t and t−1»;
 * - «green» year: 0/20 «2» everywhere, ИНР 0;
 * - ШНСУ comes from the passport of that year: remote, infrastructure and staff deficit
 *   «да» are 3 red factors (≥ shnsu_min_factors); «нет» — none.
 */
import type { SheetSnapshot } from "../../src/domain/sheet/snapshot";
import { ege, oge, passportSheet, registrySheet, resultsSheet, vprCombos, type PassportRow, type RegistryRow, type ResultRow } from "../../src/domain/testing/workbook-builder";

export type YearKind = "red" | "green";

/** One school-year of results: ВПР combos, ОГЭ русский, ЕГЭ русский (20 participants each). */
export function resultYear(school: string, year: number, kind: YearKind): ResultRow[] {
  const twos = kind === "red" ? 10 : 0;
  return [...vprCombos(school, year, 20, [twos, twos, twos, twos]), oge(school, year, "rus", 20, 0), ege(school, year, "rus", 20, { high: 10, below: 0 })];
}

/** A passport row: `factors` true gives 3 red yes/no factors (a ШНСУ candidate). */
export function passportYear(school: string, year: number, factors: boolean): PassportRow {
  const yn = factors ? "да" : "нет";
  return { school, year, pupils: 200, odn: 0, migr: 0, notAtt: 0, absent: 0, zpr: 0, remote: yn, infra: yn, staff: yn };
}

export interface SchoolPlan {
  id: string;
  /** Results per year (years left out have no rows). */
  results?: Record<number, YearKind>;
  /** Passport per year: true = 3 red factors. */
  passport?: Record<number, boolean>;
  registry?: Partial<RegistryRow>;
}

export function book(plans: SchoolPlan[]): SheetSnapshot[] {
  const results = plans.flatMap((p) => Object.entries(p.results ?? {}).flatMap(([y, kind]) => resultYear(p.id, Number(y), kind)));
  const passport = plans.flatMap((p) => Object.entries(p.passport ?? {}).map(([y, f]) => passportYear(p.id, Number(y), f)));
  const sheets = [registrySheet(plans.map((p) => ({ id: p.id, name: `Школа ${p.id}`, ...p.registry }))), resultsSheet(results)];
  if (passport.length > 0) sheets.push(passportSheet(passport));
  return sheets;
}

const all = (kind: YearKind): Record<number, YearKind> => ({ 2024: kind, 2025: kind, 2026: kind });
const both = (f: boolean): Record<number, boolean> => ({ 2025: f, 2026: f });

/**
 * Every transition of methodology.md §6 for t = 2026 (t−1 = 2025 is classified with 2024):
 *
 * | id | ШНОР 2025 → 2026 | ШНСУ 2025 → 2026 | what happens |
 * |---|---|---|---|
 * | A | stayed | — | red 2024–2026 |
 * | B | entered | — | green 2024, red 2025–2026 |
 * | C | left | — | red 2024–2025, green 2026 (risk zone: was ШНОР in 2025) |
 * | D | — | — | green throughout |
 * | E | — | entered | appears in 2026 only (results green, 3 factors) |
 * | F | left | — | red 2024–2025, disappears from the data in 2026 |
 * | G | — | entered | factors 2026 only |
 * | H | — | left | factors 2025 only |
 * | I | — | stayed | factors both years |
 * | J | stayed | stayed | red throughout and factors both years |
 */
export function transitionsBook(): SheetSnapshot[] {
  return book([
    { id: "A", results: all("red") },
    { id: "B", results: { 2024: "green", 2025: "red", 2026: "red" } },
    { id: "C", results: { 2024: "red", 2025: "red", 2026: "green" } },
    { id: "D", results: all("green") },
    { id: "E", results: { 2026: "green" }, passport: { 2026: true } },
    { id: "F", results: { 2024: "red", 2025: "red" } },
    { id: "G", results: all("green"), passport: { 2025: false, 2026: true } },
    { id: "H", results: all("green"), passport: { 2025: true, 2026: false } },
    { id: "I", results: all("green"), passport: both(true) },
    { id: "J", results: all("red"), passport: both(true) },
  ]);
}
