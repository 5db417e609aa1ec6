/** Municipalities and their schools (data.md «Schools»), with the planted archetypes. */
import { ARCHETYPES, type ArchetypeDef } from "./archetypes";
import { branchName, eduCode, innCode, municipalityName, ruralSchoolName, urbanSchoolName, VILLAGES } from "./names";
import { clamp, Rng } from "./random";
import type { GeneratorOptions, Locality, School, SchoolType } from "./types";

interface Slot {
  type: SchoolType;
  locality: Locality;
  archetype?: ArchetypeDef;
}

/** Grades with a class, by type: ВПР 4–8, ОГЭ 9, ЕГЭ 11. */
export function hasGrade(type: SchoolType, grade: number): boolean {
  if (type === "НОШ" || type === "Филиал") return grade <= 4;
  if (type === "ООШ") return grade <= 9;
  return true;
}

function composition(rng: Rng, n: number, city: boolean): Slot[] {
  const slots: Slot[] = [];
  if (city) {
    slots.push({ type: rng.chance(0.5) ? "Гимназия" : "Лицей", locality: "городская" });
    if (n >= 10) slots.push({ type: "СОШ с углублённым изучением отдельных предметов", locality: "городская" });
    if (n >= 12) slots.push({ type: "ООШ", locality: "городская" });
    while (slots.length < n) slots.push({ type: "СОШ", locality: "городская" });
    return slots;
  }
  // a district: urban schools in the district centre, the rest rural
  const urban = n >= 8 ? Math.max(1, Math.round(n * rng.float(0.15, 0.3))) : n >= 5 ? 1 : 0;
  if (n >= 8) slots.push({ type: rng.chance(0.6) ? "Гимназия" : "Лицей", locality: "городская" });
  while (slots.length < urban) slots.push({ type: "СОШ", locality: "городская" });
  const rural = n - slots.length;
  const nSoh = Math.max(1, Math.round(rural * rng.float(0.5, 0.6)));
  const nOoh = Math.round((rural - nSoh) * rng.float(0.5, 0.65));
  for (let i = 0; i < rural; i++) {
    const type: SchoolType = i < nSoh ? "СОШ" : i < nSoh + nOoh ? "ООШ" : rng.chance(0.5) ? "НОШ" : "Филиал";
    slots.push({ type, locality: "сельская" });
  }
  return slots;
}

function pupilsFor(rng: Rng, type: SchoolType, locality: Locality): number {
  switch (type) {
    case "СОШ":
      return locality === "городская" ? rng.int(500, 1500) : rng.int(80, 400);
    case "ООШ":
      return locality === "городская" ? rng.int(250, 500) : rng.int(40, 150);
    case "НОШ":
    case "Филиал":
      return rng.int(5, 40);
    default:
      return rng.int(600, 1200);
  }
}

/** Grade-9 cohort from the pupils: 11 grades (СОШ), 9 (ООШ), 4 (НОШ). */
function cohortFor(type: SchoolType, pupils: number): number {
  const grades = type === "НОШ" || type === "Филиал" ? 4 : type === "ООШ" ? 9 : 11;
  return Math.max(1, Math.round(pupils / grades));
}

const ARCH_FAMILY: Record<string, SchoolType[]> = {
  СОШ: ["СОШ"],
  ООШ: ["ООШ"],
  НОШ: ["НОШ", "Филиал"],
  Гимназия: ["Гимназия", "Лицей"],
};

export interface BuiltSchools {
  schools: School[];
  municipalities: string[];
  planted: Record<string, string>;
}

export function buildSchools(opts: GeneratorOptions): BuiltSchools {
  const years = [...opts.years].sort((a, b) => a - b);
  const t = years[years.length - 1];
  const codeStyle = opts.codeStyle ?? "mixed";
  const range: [number, number] = Array.isArray(opts.schoolsPerMunicipality)
    ? opts.schoolsPerMunicipality
    : [opts.schoolsPerMunicipality, opts.schoolsPerMunicipality];

  // 1. composition of every municipality
  const munis: { name: ReturnType<typeof municipalityName>; slots: Slot[]; region: number; inn: boolean }[] = [];
  const region = Rng.derive(opts.seed, "region").int(10, 89);
  for (let m = 0; m < opts.municipalities; m++) {
    const rng = Rng.derive(opts.seed, "municipality", m);
    const n = rng.int(range[0], range[1]);
    const city = opts.municipalities >= 3 && m % 3 === 2;
    const inn = codeStyle === "inn" || (codeStyle === "mixed" && m > 0 && rng.chance(0.35));
    munis.push({ name: municipalityName(m, city), slots: composition(rng, n, city), region, inn });
  }

  // 2. plant the archetypes (each once per workbook), by placement preference
  if (opts.plant !== false) {
    const bySize = munis.map((_, i) => i).sort((a, b) => munis[b].slots.length - munis[a].slots.length || a - b);
    const largest = bySize[0];
    const cap = (m: number) => Math.floor(munis[m].slots.length * 0.8);
    const used = (m: number) => munis[m].slots.filter((s) => s.archetype).length;
    const plantRng = Rng.derive(opts.seed, "plant");
    // spread planted schools in proportion to size, keeping tiny municipalities (whose group
    // statistics are fragile) for last
    const fill = (m: number) => (munis[m].slots.length < 8 ? 1 : 0) * 10 + used(m) / munis[m].slots.length;
    // the designed numbers assume consecutive years ending with t
    let consecutive = 1;
    while (consecutive < years.length && years[years.length - 1 - consecutive] === t - consecutive) consecutive++;
    for (const a of ARCHETYPES) {
      if (consecutive < a.minYears) continue;
      const byFill = bySize.slice().sort((x, y) => fill(x) - fill(y) || munis[y].slots.length - munis[x].slots.length || x - y);
      let order: number[];
      if (a.placement === "largest") order = [largest, ...byFill.filter((i) => i !== largest)];
      else if (a.placement === "other" && munis.length > 1) order = [...byFill.filter((i) => i !== largest), largest];
      else order = byFill;
      for (const m of order) {
        if (used(m) >= cap(m)) continue;
        const slots = munis[m].slots;
        const family = ARCH_FAMILY[a.shape.type] ?? [a.shape.type];
        const isGym = a.shape.type === "Гимназия" || a.shape.type === "Лицей";
        const hasGym = slots.some((s) => s.type === "Гимназия" || s.type === "Лицей");
        const free = (s: Slot) => !s.archetype;
        // a random free slot of the same kind, so planted schools sit among the others
        const pickSlot = (ok: (s: Slot) => boolean): number => {
          const candidates = slots.map((s, i) => (free(s) && ok(s) ? i : -1)).filter((i) => i >= 0);
          return candidates.length > 0 ? plantRng.pick(candidates) : -1;
        };
        let idx = pickSlot((s) => family.includes(s.type) && s.locality === a.shape.locality);
        if (idx < 0) idx = pickSlot((s) => family.includes(s.type));
        if (idx < 0 && isGym && hasGym) continue; // at most one гимназия/лицей per municipality
        if (idx < 0) idx = pickSlot((s) => s.type !== "Гимназия" && s.type !== "Лицей");
        if (idx < 0) continue;
        slots[idx] = { type: a.shape.type, locality: a.shape.locality, archetype: a };
        break;
      }
    }
  }

  // 3. schools with names, codes and sizes
  const schools: School[] = [];
  const planted: Record<string, string> = {};
  const usedCodes = new Set<string>();
  const codeRng = Rng.derive(opts.seed, "codes");
  for (let m = 0; m < munis.length; m++) {
    const { name: mname, slots } = munis[m];
    const rng = Rng.derive(opts.seed, "schools", m);
    const villages = rng.shuffle(VILLAGES);
    let v = 0;
    const nextVillage = () => villages[v++ % villages.length];
    let number = rng.int(1, 4);
    const nextNumber = () => (number += rng.int(1, 3));
    const ruralSoh: string[] = [];
    // keep planted schools among the others, in a stable but unremarkable order
    const ordered = slots.map((s, i) => ({ s, i }));
    for (const { s } of ordered) {
      const a = s.archetype;
      const pupils = a ? Math.round(a.shape.pupils * (1 + rng.float(-0.05, 0.05))) : pupilsFor(rng, s.type, s.locality);
      const rural = s.locality === "сельская";
      const village = rural ? nextVillage() : null;
      let name: string;
      if (a?.namePattern) {
        name = a.namePattern.replace("{n}", String(nextNumber() + 20)).replace("{t-1}", String(t - 1)).replace("{t}", String(t));
      } else if (s.type === "Филиал" && ruralSoh.length > 0) {
        name = branchName(rng.pick(ruralSoh), village!);
      } else if (rural) {
        const kind = s.type === "ООШ" ? "ООШ" : s.type === "НОШ" || s.type === "Филиал" ? "НОШ" : "СОШ";
        name = ruralSchoolName(rng, village!.adj, kind);
        if (kind === "СОШ") ruralSoh.push(name);
      } else {
        name = urbanSchoolName(rng, nextNumber(), mname.town, s.type);
      }
      const type: SchoolType = s.type === "Филиал" && !name.startsWith("филиал") ? "НОШ" : s.type;
      const id = munis[m].inn ? innCode(codeRng, munis[m].region, usedCodes) : eduCode(codeRng, usedCodes);
      const distanceKm = rural ? rng.int(5, 120) : 0;
      // most schools are comfortable, a tail is deprived; the countryside a little more so
      const deprivation = clamp(Math.pow(rng.next(), 2.2) * 0.85 + (rural ? 0.08 : 0) + (distanceKm > 80 ? 0.06 : 0), 0, 1);
      const weakness = 1.1 * (deprivation - 0.3) + rng.normal(0, 0.4);
      const cohort = a ? a.shape.cohort : cohortFor(type, pupils);
      const hasEge = hasGrade(type, 11);
      // about half a grade-9 cohort goes on to grade 11 in towns, fewer in the countryside
      const egeShare = s.locality === "городская" ? rng.float(0.4, 0.65) : rng.float(0.25, 0.42);
      const egeRus = a ? a.shape.egeRus : hasEge ? Math.max(0, Math.round(cohort * egeShare)) : 0;
      const egeProf = a ? a.shape.egeProf : Math.round(egeRus * rng.float(0.3, 0.55));
      const egeBase = a ? a.shape.egeBase : egeRus - egeProf;
      const reg = a?.registry ?? {};
      const missing = !a && rng.chance(0.03); // a registry row with the yes/no cells left blank
      const yn = (planted: boolean | undefined, background: boolean): boolean | null =>
        missing ? null : a ? planted === true : background;
      const firstResultOffset = a ? a.firstResultOffset : undefined;
      const firstPassportOffset = a ? a.firstPassportOffset : undefined;
      const school: School = {
        id,
        name,
        municipality: mname.name,
        municipalityIndex: m,
        type,
        locality: s.locality,
        pupils,
        distanceKm,
        accreditationSuspended: yn(reg.accreditationSuspended, false),
        remote: yn(reg.remote, rural && distanceKm >= 70 && rng.chance(0.7)),
        smallSchool: yn(reg.smallSchool, rural && pupils < 100),
        infrastructureDeficit: yn(reg.infrastructureDeficit, rural && rng.chance(0.08 + 0.3 * deprivation)),
        staffDeficit: yn(reg.staffDeficit, rng.chance(rural ? 0.12 + 0.2 * deprivation : 0.05)),
        depressedTerritory: yn(reg.depressedTerritory, deprivation > 0.55 && rng.chance(0.5)),
        deprivation: a ? 0 : deprivation,
        weakness: a ? 0 : weakness,
        firstResultYear:
          firstResultOffset === null ? Number.POSITIVE_INFINITY : t + (firstResultOffset ?? -(years.length - 1)),
        firstPassportYear:
          firstPassportOffset === null ? Number.POSITIVE_INFINITY : t + (firstPassportOffset ?? -(years.length - 1)),
        archetype: a?.id,
        cohort,
        egeRus,
        egeProf,
        egeBase,
      };
      if (a) planted[id] = a.id;
      schools.push(school);
    }
  }
  return { schools, municipalities: munis.map((m) => m.name.name), planted };
}
