/**
 * A small, independent re-implementation of the parts of methodology.md §2–§6 needed to
 * check that the planted archetypes really cross their thresholds (default settings only;
 * absolute scoring, municipality groups, no primary-score table so no O3). It reads the
 * generated sheets through their TableMeta, converting percentages back to counts as
 * workbook.md §2.2 says. It is a test oracle for the generator, not the add-in's engine.
 */
import type { Cell, GeneratedWorkbook } from "./types";

const EPS = 1e-9;
const W: Record<string, number> = { R1: 1, R2: 1, R3a: 1, R3b: 1, R4: 1.5, R5: 1, R6: 0.5 };
const TOTAL_W = 7;
const ZONES: Record<string, { dir: "up" | "down"; yellow: number | null; red: number }> = {
  R1: { dir: "down", yellow: 10, red: 3 },
  R2: { dir: "down", yellow: 5, red: 1 },
  R3a: { dir: "up", yellow: 2, red: 5 },
  R3b: { dir: "up", yellow: 10, red: 20 },
  R4: { dir: "up", yellow: 15, red: 25 },
  R5: { dir: "up", yellow: 15, red: 25 },
  R6: { dir: "up", yellow: 20, red: 40 },
  S1: { dir: "up", yellow: 1, red: 3 },
  S2: { dir: "up", yellow: 5, red: 15 },
  S3: { dir: "up", yellow: 0.5, red: 2 },
  S4: { dir: "up", yellow: 1, red: 3 },
  S5: { dir: "up", yellow: 5, red: 10 },
  S10: { dir: "up", yellow: 20, red: 35 },
  S11: { dir: "up", yellow: 25, red: 35 },
  S12: { dir: "down", yellow: 25, red: 15 },
  S13: { dir: "up", yellow: 7, red: 12 },
};

export type Zone = "green" | "yellow" | "red";

export function zoneOf(id: string, v: number): Zone {
  const z = ZONES[id.startsWith("R4") ? "R4" : id];
  if (z.dir === "up") return v >= z.red - EPS ? "red" : z.yellow !== null && v >= z.yellow - EPS ? "yellow" : "green";
  return v < z.red - EPS ? "red" : z.yellow !== null && v < z.yellow - EPS ? "yellow" : "green";
}
const points = (z: Zone) => (z === "red" ? 1 : z === "yellow" ? 0.5 : 0);

export interface Val {
  v: number;
  n: number;
}

interface Row {
  school: string;
  year: number;
  procedure: string;
  subject: string;
  grade: number;
  n: number;
  mark2: number | null;
  mark3: number | null;
  mark4: number | null;
  mark5: number | null;
  below: number | null;
  high: number | null;
  lowered: number | null;
  confirmed: number | null;
  raised: number | null;
}

interface Passport {
  school: string;
  year: number;
  schoolYear: boolean;
  month: number | null;
  pupils: number;
  counts: Record<string, number | null>;
  /** Yes/no values given in the passport override the registry for that year. */
  yn: Record<string, boolean | null>;
}

interface RegistryRow {
  id: string;
  name: string;
  municipality: string;
  type: string;
  yn: Record<string, boolean | null>;
}

export interface OracleSchool {
  id: string;
  status: string;
  flags: Set<string>;
  inr: number | null;
  inrT: number | null;
  inrT1: number | null;
  isn: number | null;
  factors: number;
  /** Pooled values for t (R1–R4 over t, t−1; R5, R6 over t) and single-year values. */
  pooled: Record<string, Val | null>;
  single: Record<number, Record<string, Val | null>>;
  signs: Record<number, Set<string>>;
  shnorPrev: boolean | null;
}

// ------------------------------------------------------------------ reading

const YES_NO = ["accreditation_suspended", "remote", "small_school", "infrastructure_deficit", "staff_deficit", "depressed_territory"];
const num = (c: Cell | undefined): number | null => (typeof c === "number" ? c : null);
const str = (c: Cell | undefined): string => (c === null || c === undefined ? "" : String(c));

function parseYear(c: Cell | undefined): { year: number; schoolYear: boolean } {
  if (typeof c === "number") return { year: c, schoolYear: false };
  const s = str(c);
  const m = /^(\d{4})\s*[/-]\s*(\d{2,4})/.exec(s);
  if (m) return { year: m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]), schoolYear: true };
  return { year: Number.parseInt(s, 10), schoolYear: false };
}

function yesNo(c: Cell | undefined): boolean | null {
  const s = str(c).trim().toLowerCase();
  if (s === "да") return true;
  if (s === "нет") return false;
  return null;
}

export function normSubject(s: string): string {
  const x = s.trim().toLowerCase();
  if (x.startsWith("русск")) return "rus";
  if (x.startsWith("математ")) return x.includes("проф") ? "math_prof" : x.includes("баз") ? "math_base" : "math";
  return x;
}

interface Parsed {
  registry: RegistryRow[];
  results: Row[];
  passports: Passport[];
}

export function readModel(model: GeneratedWorkbook): Parsed {
  const registry: RegistryRow[] = [];
  const results: Row[] = [];
  const passports: Passport[] = [];
  for (const sheet of model.sheets) {
    const t = sheet.table;
    if (!t || sheet.hidden) continue;
    const col = (row: Cell[], f: string) => (t.columns[f] === undefined ? null : row[t.columns[f]]);
    for (let r = t.firstDataRow; r < t.firstDataRow + t.dataRowCount; r++) {
      const row = sheet.rows[r];
      if (t.kind === "registry") {
        registry.push({
          id: str(col(row, "school_id")),
          name: str(col(row, "name")),
          municipality: str(col(row, "municipality")),
          type: str(col(row, "type")),
          yn: Object.fromEntries(YES_NO.map((f) => [f, yesNo(col(row, f))])),
        });
      } else if (t.kind === "results") {
        const n = num(col(row, "participants")) ?? 0;
        const get = (f: string): number | null => {
          const v = num(col(row, f));
          if (v === null) return null;
          return t.percentFields.includes(f) ? Math.floor((n * v) / 100 + 0.5) : v;
        };
        results.push({
          school: str(col(row, "school_id")),
          year: parseYear(col(row, "year")).year,
          procedure: str(col(row, "procedure")),
          subject: normSubject(str(col(row, "subject"))),
          grade: num(col(row, "grade")) ?? 0,
          n,
          mark2: get("mark2"),
          mark3: get("mark3"),
          mark4: get("mark4"),
          mark5: get("mark5"),
          below: get("below_min"),
          high: get("high_81_100"),
          lowered: get("lowered"),
          confirmed: get("confirmed"),
          raised: get("raised"),
        });
      } else if (t.kind === "social") {
        const y = parseYear(col(row, "year"));
        passports.push({
          school: str(col(row, "school_id")),
          year: y.year,
          schoolYear: y.schoolYear,
          month: num(col(row, "month")),
          pupils: num(col(row, "pupils_total")) ?? 0,
          counts: Object.fromEntries(
            ["n_odn_kdn", "n_low_russian", "n_not_attested", "n_absent_unexcused", "n_zpr_uo", "n_ovz", "n_low_income", "n_single_parent", "n_parents_higher_ed"].map(
              (f) => [f, num(col(row, f))],
            ),
          ),
          yn: Object.fromEntries(YES_NO.map((f) => [f, yesNo(col(row, f))])),
        });
      }
    }
  }
  return { registry, results, passports };
}

// ------------------------------------------------------------------ indicators

function pool(rows: Row[], num: (r: Row) => number | null): Val | null {
  let x = 0;
  let n = 0;
  for (const r of rows) {
    const v = num(r);
    if (v === null) continue;
    x += v;
    n += r.n;
  }
  return n > 0 ? { v: (100 * x) / n, n } : null;
}

function indicatorsFor(rows: Row[], years: number[], t: number): Record<string, Val | null> {
  const inY = rows.filter((r) => years.includes(r.year));
  const inT = rows.filter((r) => r.year === t);
  const ege = (s: string) => inY.filter((r) => r.procedure === "ЕГЭ" && r.subject === s);
  const vpr = (s: string, g: number) => inY.filter((r) => r.procedure === "ВПР" && r.subject === s && r.grade === g);
  const out: Record<string, Val | null> = {
    R1: pool(ege("rus"), (r) => r.high),
    R2: pool(ege("math_prof"), (r) => r.high),
    R3a: pool(
      inY.filter((r) => r.procedure === "ЕГЭ" && ["rus", "math_prof", "math_base"].includes(r.subject)),
      (r) => (r.subject === "math_base" ? r.mark2 ?? r.below : r.below),
    ),
    R3b: pool(
      inY.filter((r) => r.procedure === "ОГЭ" && (r.subject === "rus" || r.subject === "math")),
      (r) => r.mark2,
    ),
    R4: pool(
      inY.filter((r) => r.procedure === "ВПР" && (r.subject === "rus" || r.subject === "math") && (r.grade === 5 || r.grade === 8)),
      (r) => r.mark2,
    ),
    R5: pool(
      inT.filter((r) => r.procedure === "РДР"),
      (r) => r.mark2,
    ),
  };
  for (const s of ["rus", "math"]) for (const g of [5, 8]) out[`R4.${s}${g}`] = pool(vpr(s, g), (r) => r.mark2);
  let l = 0;
  let ra = 0;
  let tot = 0;
  for (const r of inT.filter((r) => r.procedure === "ВПР")) {
    if (r.lowered === null || r.confirmed === null || r.raised === null) continue;
    l += r.lowered;
    ra += r.raised;
    tot += r.lowered + r.confirmed + r.raised;
  }
  out.R6 = tot > 0 ? { v: Math.max((100 * l) / tot, (100 * ra) / tot), n: tot } : null;
  return out;
}

const scored = (v: Val | null | undefined): v is Val => !!v && v.n >= 5;

export function inrOf(vals: Record<string, Val | null>): number | null {
  let sw = 0;
  let sp = 0;
  for (const id of Object.keys(W)) {
    const v = vals[id];
    if (!scored(v)) continue;
    sw += W[id];
    sp += W[id] * points(zoneOf(id, v.v));
  }
  if (sw < 0.4 * TOTAL_W - EPS) return null;
  return (100 * sp) / sw;
}

const isRed = (id: string, v: Val | null | undefined) => scored(v) && zoneOf(id, v.v) === "red";

// ------------------------------------------------------------------ social

function socialFor(passports: Passport[], reg: RegistryRow | undefined, year: number): { isn: number | null; factors: number } {
  const rows = passports.filter((p) => p.year === year);
  const monthly = rows.filter((p) => p.month !== null);
  const ids: [string, string][] = [
    ["S1", "n_odn_kdn"],
    ["S2", "n_low_russian"],
    ["S3", "n_not_attested"],
    ["S4", "n_absent_unexcused"],
    ["S5", "n_zpr_uo"],
    ["S10", "n_low_income"],
    ["S11", "n_single_parent"],
    ["S12", "n_parents_higher_ed"],
    ["S13", "n_ovz"],
  ];
  const zones: Zone[] = [];
  let latest: Passport | undefined;
  let s4: number | null = null;
  if (monthly.length > 0) {
    const order = (p: Passport) => (p.schoolYear ? (p.month! + 3) % 12 : p.month!); // Sep→0 … Aug→11
    const sorted = monthly.slice().sort((a, b) => order(a) - order(b));
    latest = sorted[sorted.length - 1];
    const shares = sorted.filter((p) => p.pupils > 0 && p.counts.n_absent_unexcused !== null).map((p) => (100 * p.counts.n_absent_unexcused!) / p.pupils);
    s4 = shares.length > 0 ? Math.max(...shares) : null;
  } else latest = rows.find((p) => p.month === null);
  if (latest && latest.pupils > 0) {
    for (const [id, f] of ids) {
      const c = latest.counts[f];
      const v = id === "S4" && monthly.length > 0 ? s4 : c === null ? null : (100 * c) / latest.pupils;
      if (v !== null) zones.push(zoneOf(id, v));
    }
  }
  for (const f of ["remote", "small_school", "infrastructure_deficit", "staff_deficit", "depressed_territory"]) {
    const own = latest?.yn[f];
    const v = own !== null && own !== undefined ? own : reg?.yn[f];
    if (v !== null && v !== undefined) zones.push(v ? "red" : "green");
  }
  if (zones.length < 4) return { isn: null, factors: zones.filter((z) => z === "red").length };
  return { isn: (100 * zones.reduce((s, z) => s + points(z), 0)) / zones.length, factors: zones.filter((z) => z === "red").length };
}

// ------------------------------------------------------------------ objectivity

function quantileInc(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

function objectivity(parsed: Parsed): Map<string, Record<number, Set<string>>> {
  const regById = new Map(parsed.registry.map((r) => [r.id, r]));
  const muni = (id: string) => regById.get(id)?.municipality ?? "";
  const out = new Map<string, Record<number, Set<string>>>();
  const add = (id: string, y: number, sign: string) => {
    if (!out.has(id)) out.set(id, {});
    const rec = out.get(id)!;
    (rec[y] ??= new Set()).add(sign);
  };
  const vpr = parsed.results.filter((r) => r.procedure === "ВПР" && r.n >= 5 && r.mark4 !== null && r.mark5 !== null);
  const quality = (r: Row) => (100 * (r.mark4! + r.mark5!)) / r.n;
  const groups = new Map<string, Row[]>();
  for (const r of vpr) {
    const k = `${muni(r.school)}|${r.subject}|${r.grade}|${r.year}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const ogeGroups = new Map<string, Row[]>();
  for (const r of parsed.results.filter((r) => r.procedure === "ОГЭ" && r.n >= 5 && r.mark2 !== null)) {
    const k = `${muni(r.school)}|${r.subject}|${r.year}`;
    if (!ogeGroups.has(k)) ogeGroups.set(k, []);
    ogeGroups.get(k)!.push(r);
  }
  const exempt = (id: string) => /гимназ|лице|углубл/i.test(regById.get(id)?.type ?? "");
  for (const [k, rows] of groups) {
    const [m, subject, gradeS, yearS] = k.split("|");
    const grade = Number(gradeS);
    const year = Number(yearS);
    const qs = rows.map(quality).sort((a, b) => a - b);
    const median = quantileInc(qs, 0.5);
    const mean = qs.reduce((s, x) => s + x, 0) / qs.length;
    const sd = qs.length > 1 ? Math.sqrt(qs.reduce((s, x) => s + (x - mean) ** 2, 0) / (qs.length - 1)) : 0;
    const q3 = quantileInc(qs, 0.75);
    const oge = ogeGroups.get(`${m}|${subject}|${year}`) ?? [];
    const ogeShares = oge.map((r) => (100 * r.mark2!) / r.n).sort((a, b) => a - b);
    const ogeQ3 = ogeShares.length > 0 ? quantileInc(ogeShares, 0.75) : Infinity;
    for (const r of rows) {
      const q = quality(r);
      const j = r.lowered !== null && r.confirmed !== null && r.raised !== null ? r.lowered + r.confirmed + r.raised : 0;
      if (j > 0 && (100 * r.lowered!) / j >= 40 - EPS) add(r.school, year, "O1");
      if (j > 0 && (100 * r.raised!) / j >= 20 - EPS && q > median + EPS) add(r.school, year, "O2");
      if (qs.length >= 6 && !exempt(r.school) && q >= mean + 2 * sd - EPS) add(r.school, year, "O4");
      if (grade === 8 && (subject === "rus" || subject === "math") && qs.length >= 5 && ogeShares.length >= 5 && q >= q3 - EPS) {
        const o = oge.find((x) => x.school === r.school);
        if (o) {
          const share = (100 * o.mark2!) / o.n;
          if (share > 0 && share >= ogeQ3 - EPS) add(r.school, year, "O6");
        }
      }
    }
  }
  // O5: cohort, grade g in y−1 vs grade g+1 in y
  const byKey = new Map(vpr.map((r) => [`${r.school}|${r.subject}|${r.grade}|${r.year}`, r]));
  for (const r of vpr) {
    const prev = byKey.get(`${r.school}|${r.subject}|${r.grade - 1}|${r.year - 1}`);
    if (prev && quality(prev) - quality(r) >= 25 - EPS) add(r.school, r.year, "O5");
  }
  return out;
}

// ------------------------------------------------------------------ classification

export function evaluateModel(model: GeneratedWorkbook): Map<string, OracleSchool> {
  const parsed = readModel(model);
  const t = model.meta.reportYear;
  const signs = objectivity(parsed);
  const rowsBySchool = new Map<string, Row[]>();
  for (const r of parsed.results) {
    if (!rowsBySchool.has(r.school)) rowsBySchool.set(r.school, []);
    rowsBySchool.get(r.school)!.push(r);
  }
  const out = new Map<string, OracleSchool>();
  for (const reg of parsed.registry) {
    const rows = rowsBySchool.get(reg.id) ?? [];
    const sg = signs.get(reg.id) ?? {};
    const has = (y: number) => {
      const s = sg[y] ?? new Set<string>();
      const p = sg[y - 1] ?? new Set<string>();
      return s.size >= 2 || [...s].some((x) => p.has(x));
    };
    const single: Record<number, Record<string, Val | null>> = {};
    for (const y of [t - 3, t - 2, t - 1, t]) single[y] = indicatorsFor(rows, [y], y);
    const combosRed = (y: number) => ["R4.rus5", "R4.rus8", "R4.math5", "R4.math8"].filter((c) => isRed(c, single[y][c])).length;

    interface Classified {
      pooled: Record<string, Val | null>;
      inr: number | null;
      inrT: number | null;
      inrT1: number | null;
      r7: boolean;
      shnor: boolean;
      shnsu: boolean;
      resilient: boolean;
      risk: boolean;
      soc: { isn: number | null; factors: number };
      shnorPrev: boolean;
    }
    const classify = (T: number, withPrev: boolean): Classified => {
      const pooled = indicatorsFor(rows, [T, T - 1], T);
      const inr = inrOf(pooled);
      const inrT = inrOf(single[T]);
      const inrT1 = inrOf(single[T - 1]);
      const ownR7 = parsed.passports.find((p) => p.school === reg.id && p.year === T && p.yn.accreditation_suspended !== null)?.yn.accreditation_suspended;
      const r7 = ownR7 !== undefined && ownR7 !== null ? ownR7 : T === t && reg.yn.accreditation_suspended === true;
      const shnor =
        (inr !== null && inr >= 50 - EPS) ||
        r7 ||
        (isRed("R3a", single[T].R3a) && isRed("R3a", single[T - 1].R3a)) ||
        (isRed("R3b", single[T].R3b) && isRed("R3b", single[T - 1].R3b)) ||
        (combosRed(T) >= 2 && combosRed(T - 1) >= 2);
      const soc = socialFor(
        parsed.passports.filter((p) => p.school === reg.id),
        reg,
        T,
      );
      const shnsu = soc.isn !== null && (soc.isn >= 50 - EPS || soc.factors >= 3);
      const resilient = shnsu && inrT !== null && inrT <= 25 + EPS && inrT1 !== null && inrT1 <= 25 + EPS && !has(T) && !has(T - 1);
      const delta = (id: string) => (scored(single[T][id]) && scored(single[T - 1][id]) ? single[T][id]!.v - single[T - 1][id]!.v : null);
      const dR4 = delta("R4");
      const dR3b = delta("R3b");
      const shnorPrev: boolean = withPrev ? classify(T - 1, false).shnor : false;
      const risk =
        !shnor &&
        ((inr !== null && inr >= 35 - EPS && inr < 50 - EPS) ||
          isRed("R3a", single[T].R3a) ||
          isRed("R3b", single[T].R3b) ||
          combosRed(T) >= 1 ||
          (dR4 !== null && dR4 >= 10 - EPS) ||
          (dR3b !== null && dR3b >= 10 - EPS) ||
          shnorPrev);
      return { pooled, inr, inrT, inrT1, r7, shnor, shnsu, resilient, risk, soc, shnorPrev };
    };
    const c = classify(t, true);
    const status = c.shnor && c.shnsu ? "shnor_shnsu" : c.shnor ? "shnor" : c.resilient ? "resilient" : c.shnsu ? "shnsu" : c.risk ? "risk_zone" : c.inr !== null ? "no_risk" : "insufficient_data";
    const flags = new Set<string>();
    if (c.risk) flags.add("risk_zone");
    if (c.inrT !== null && c.inrT1 !== null && c.inrT >= 50 - EPS && c.inrT1 >= 50 - EPS) flags.add("stable_low");
    if (c.shnor) {
      const basic = combosRed(t) >= 3 || isRed("R3a", single[t].R3a) || isRed("R3b", single[t].R3b);
      flags.add(basic ? "basic_failing" : "moderate_failing");
    }
    if (has(t)) flags.add("objectivity_signs");
    if (c.shnor && has(t)) flags.add("needs_objectivity_check");
    if (Object.keys(W).some((id) => c.pooled[id] && c.pooled[id]!.n > 0 && c.pooled[id]!.n < 10)) flags.add("small_sample");
    const hasData = (v: Val | null) => v !== null && v.n > 0;
    if (["R1", "R2", "R3a", "R3b", "R4"].some((id) => hasData(single[t][id]) !== hasData(single[t - 1][id]))) flags.add("one_year");
    if (c.r7) flags.add("accreditation_suspended");
    out.set(reg.id, {
      id: reg.id,
      status,
      flags,
      inr: c.inr,
      inrT: c.inrT,
      inrT1: c.inrT1,
      isn: c.soc.isn,
      factors: c.soc.factors,
      pooled: c.pooled,
      single,
      signs: sg,
      shnorPrev: c.shnorPrev,
    });
  }
  return out;
}
