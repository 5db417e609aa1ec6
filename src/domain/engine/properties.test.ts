/**
 * Property tests on random small workbooks (fast-check): the result does not depend on
 * row or column order; a worse ВПР «2» count never improves a school's status; marks
 * written as percentages give the same result as counts.
 */
import fc from "fast-check";
import { toResultJson } from "./json";
import type { EngineResult } from "./run";
import type { Status } from "../classification/types";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import {
  passportSheet,
  registrySheet,
  RESULTS_HEADER,
  resultCells,
  resultsSheet,
  run,
  settingsSheet,
  sheet,
  type PassportRow,
  type RegistryRow,
  type ResultRow,
} from "../testing/workbook-builder";

const RUNS = { numRuns: 40 };
const YEARS = [2024, 2025, 2026];

interface Book {
  registry: RegistryRow[];
  results: ResultRow[];
  passport: PassportRow[];
  settings: Record<string, CellValue>;
}

const yesNo = fc.constantFrom<CellValue>("да", "нет", "");

/** «2»–«5» of n participants (complete: they sum to n), «2» at most about 25 %. */
const marks = (n: number) =>
  fc.tuple(fc.nat(Math.ceil(n * 0.25)), fc.nat(n), fc.nat(n)).map(([a, b, c]) => {
    const m2 = Math.min(a, n);
    const m4 = Math.min(b, n - m2);
    const m5 = Math.min(c, n - m2 - m4);
    return { m2, m3: n - m2 - m4 - m5, m4, m5 };
  });

/** Понизили / Подтвердили / Повысили summing to n. */
const journal = (n: number) =>
  fc.tuple(fc.nat(Math.ceil(n * 0.5)), fc.nat(Math.ceil(n * 0.3))).map(([a, b]) => {
    const lowered = Math.min(a, n);
    const raised = Math.min(b, n - lowered);
    return { lowered, confirmed: n - lowered - raised, raised };
  });

const participants = fc.integer({ min: 3, max: 30 });

const vprRow = (school: string, year: number, subject: string, grade: number) =>
  participants.chain((n) =>
    fc.tuple(marks(n), fc.option(journal(n), { nil: undefined })).map(([m, j]): ResultRow => ({ school, year, proc: "ВПР", subject, grade, n, ...m, ...(j ?? {}) })),
  );

const ogeRow = (school: string, year: number, subject: string) =>
  participants.chain((n) => fc.nat(Math.ceil(n * 0.22)).map((m2): ResultRow => ({ school, year, proc: "ОГЭ", subject, grade: 9, n, m2: Math.min(m2, n) })));

const egeRow = (school: string, year: number) =>
  participants.chain((n) => fc.tuple(fc.nat(Math.ceil(n * 0.4)), fc.nat(Math.ceil(n * 0.06))).map(([high, below]): ResultRow => ({ school, year, proc: "ЕГЭ", subject: "Русский язык", grade: 11, n, high: Math.min(high, n), below: Math.min(below, n) })));

/** Results of one school: each row present or not. */
function schoolResults(id: string): fc.Arbitrary<ResultRow[]> {
  const parts: fc.Arbitrary<ResultRow>[] = [];
  for (const y of YEARS) {
    for (const [subject, grade] of [["Русский язык", 5], ["Русский язык", 8], ["Математика", 5], ["Математика", 8], ["Русский язык", 4]] as const) parts.push(vprRow(id, y, subject, grade));
    parts.push(ogeRow(id, y, "Русский язык"), ogeRow(id, y, "Математика"), egeRow(id, y));
  }
  return fc.tuple(...parts.map((p) => fc.option(p, { nil: null, freq: 3 }))).map((rows) => rows.filter((r): r is ResultRow => r !== null));
}

const passportRow = (school: string, year: number) =>
  fc.integer({ min: 40, max: 400 }).chain((pupils) =>
    fc
      .tuple(fc.nat(Math.ceil(pupils * 0.04)), fc.nat(Math.ceil(pupils * 0.2)), fc.nat(Math.ceil(pupils * 0.03)), fc.nat(Math.ceil(pupils * 0.04)), fc.nat(Math.ceil(pupils * 0.12)), yesNo, yesNo)
      .map(([odn, migr, notAtt, absent, zpr, remote, infra]): PassportRow => ({ school, year, pupils, odn, migr, notAtt, absent, zpr, remote, infra })),
  );

const book: fc.Arbitrary<Book> = fc.integer({ min: 2, max: 5 }).chain((k) => {
  const ids = Array.from({ length: k }, (_, i) => `s${i}`);
  return fc.record({
    registry: fc.tuple(...ids.map((id) => fc.record({ municipality: fc.constantFrom("М1", "М2"), type: fc.constantFrom("СОШ", "СОШ", "Гимназия"), accreditation: fc.constantFrom<CellValue>("нет", "нет", "нет", "нет", "нет", "нет", "нет", "нет", "да", ""), remote: yesNo }).map((r): RegistryRow => ({ id, ...r })))),
    results: fc.tuple(...ids.map(schoolResults)).map((x) => x.flat()),
    passport: fc.tuple(...ids.map((id) => fc.option(fc.tuple(passportRow(id, 2025), passportRow(id, 2026)), { nil: null }))).map((x) => x.flatMap((p) => p ?? [])),
    settings: fc.record({ scoring_mode: fc.constantFrom("absolute", "relative"), comparison_group: fc.constantFrom("municipality", "workbook") }),
  });
});

function sheets(b: Book, results: SheetSnapshot = resultsSheet(b.results)): SheetSnapshot[] {
  const out = [settingsSheet(b.settings), registrySheet(b.registry), results];
  if (b.passport.length > 0) out.push(passportSheet(b.passport));
  return out;
}

/** Everything a user sees per school, order-free where the spec says so. */
function project(r: EngineResult) {
  return toResultJson(r).schools.map((s) => ({
    id: s.school_id,
    status: s.status,
    flags: [...s.flags].sort(),
    reasons: [...s.reasons].sort(),
    indicators: s.indicators,
    zones: s.zones,
    inr: s.inr,
    inr_t: s.inr_t,
    inr_t1: s.inr_t1,
    isn: s.isn,
    factors: s.factors,
    signs: s.objectivity_signs,
    dynamics: s.extra.dynamics,
    shnor_t1: s.extra.shnor_t1,
  }));
}

/** Deterministic shuffle from a seed (fast-check shrinks the seed, not the permutation). */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let x = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("order does not matter", () => {
  test("shuffling data rows of results and passport", () => {
    fc.assert(
      fc.property(book, fc.integer(), (b, seed) => {
        const before = project(run(sheets(b)));
        const shuffled: Book = { ...b, results: shuffle(b.results, seed), passport: shuffle(b.passport, seed + 1) };
        expect(project(run(sheets(shuffled)))).toEqual(before);
      }),
      RUNS,
    );
  });

  test("shuffling the columns of the results sheet", () => {
    fc.assert(
      fc.property(book, fc.integer(), (b, seed) => {
        const before = project(run(sheets(b)));
        const order = shuffle(RESULTS_HEADER.map((_, i) => i), seed);
        const permute = (row: CellValue[]) => order.map((i) => row[i] ?? "");
        const results = sheet("Результаты", [permute(RESULTS_HEADER), ...b.results.map((r) => permute(resultCells(r)))]);
        expect(project(run(sheets(b, results)))).toEqual(before);
      }),
      RUNS,
    );
  });
});

/** Severity along the two chains a worse ВПР can move a school:
 *  no_risk / insufficient_data → risk_zone → shnor, and resilient → shnsu → shnor_shnsu. */
const SEVERITY: Record<Status, number> = { insufficient_data: 0, no_risk: 0, resilient: 1, risk_zone: 2, shnsu: 3, shnor: 4, shnor_shnsu: 5 };

describe("monotonicity", () => {
  test("more «2» in one ВПР row of year t never improves that school's status (absolute mode)", () => {
    const withVprT = book.filter((b) => b.results.some((r) => r.proc === "ВПР" && r.year === 2026));
    fc.assert(
      fc.property(withVprT, fc.nat(), fc.integer({ min: 1, max: 30 }), (b0, pick, extra) => {
        const b: Book = { ...b0, settings: { scoring_mode: "absolute", comparison_group: b0.settings.comparison_group } };
        const candidates = b.results.map((r, i) => [r, i] as const).filter(([r]) => r.proc === "ВПР" && r.year === 2026);
        const [row, index] = candidates[pick % candidates.length];
        const m3 = Number(row.m3);
        const d = Math.min(extra, m3);
        fc.pre(d > 0);
        const worse = b.results.slice();
        worse[index] = { ...row, m2: Number(row.m2) + d, m3: m3 - d };
        const id = String(row.school);
        const status = (rows: ResultRow[]) => run(sheets({ ...b, results: rows })).schools.find((s) => s.school.id === id)!.classification.status;
        const before = status(b.results);
        const after = status(worse);
        expect(SEVERITY[after]).toBeGreaterThanOrEqual(SEVERITY[before]);
      }),
      RUNS,
    );
  });
});

describe("percentages instead of counts", () => {
  const MARKS = ["m2", "m3", "m4", "m5"] as const;
  const JOURNAL = ["lowered", "confirmed", "raised"] as const;
  const SINGLE = ["below", "high"] as const;

  /** «12,5» with one decimal (the text a person types), optionally with «%». */
  const pct = (x: CellValue | undefined, n: number, sign: boolean): CellValue => {
    if (x === undefined || x === "") return "";
    const text = ((100 * Number(x)) / n).toFixed(1).replace(".", ",");
    return sign ? `${text}%` : text;
  };

  test("the same data as percentages (by «%» headers or by «%» cells) gives the same result", () => {
    fc.assert(
      fc.property(book, fc.boolean(), (b, byHeader) => {
        const before = project(run(sheets(b)));
        const percentHeaders = new Set(["«2»", "«3»", "«4»", "«5»", "Понизили", "Подтвердили", "Повысили", "Не преодолели минимальный порог", "Высокобалльники"]);
        const header = RESULTS_HEADER.map((h) => (percentHeaders.has(h) && (byHeader || ["Не преодолели минимальный порог", "Высокобалльники"].includes(h)) ? `${h}, %` : h));
        const rows = b.results.map((r) => {
          const n = Number(r.n);
          const out: ResultRow = { ...r };
          for (const f of [...MARKS, ...JOURNAL]) out[f] = pct(r[f], n, !byHeader);
          for (const f of SINGLE) out[f] = pct(r[f], n, false);
          return out;
        });
        const results = resultsSheet(rows, { header });
        const after = run(sheets(b, results));
        expect(after.problems).toEqual([]);
        expect(project(after)).toEqual(before);
      }),
      RUNS,
    );
  });
});
