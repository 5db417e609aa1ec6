/** Official-style names of municipalities and schools, and school codes. */
import { Rng } from "./random";

/** Villages with the feminine adjective used in school names («Сосновская СОШ»). */
export const VILLAGES: readonly { village: string; adj: string; kind: "с." | "д." | "п." }[] = [
  { village: "Сосновка", adj: "Сосновская", kind: "с." },
  { village: "Берёзовка", adj: "Берёзовская", kind: "с." },
  { village: "Никольское", adj: "Никольская", kind: "с." },
  { village: "Дубровка", adj: "Дубровская", kind: "д." },
  { village: "Каменка", adj: "Каменская", kind: "с." },
  { village: "Заречье", adj: "Зареченская", kind: "д." },
  { village: "Покровка", adj: "Покровская", kind: "с." },
  { village: "Ольховка", adj: "Ольховская", kind: "д." },
  { village: "Вишнёвка", adj: "Вишнёвская", kind: "с." },
  { village: "Калиновка", adj: "Калиновская", kind: "с." },
  { village: "Рябиновка", adj: "Рябиновская", kind: "д." },
  { village: "Садовое", adj: "Садовская", kind: "с." },
  { village: "Черёмушки", adj: "Черёмуховская", kind: "п." },
  { village: "Луговое", adj: "Луговская", kind: "с." },
  { village: "Ключи", adj: "Ключевская", kind: "с." },
  { village: "Кедровка", adj: "Кедровская", kind: "п." },
  { village: "Полевое", adj: "Полевская", kind: "с." },
  { village: "Октябрьское", adj: "Октябрьская", kind: "с." },
  { village: "Успенка", adj: "Успенская", kind: "с." },
  { village: "Верхнекамское", adj: "Верхнекамская", kind: "с." },
  { village: "Александровка", adj: "Александровская", kind: "с." },
  { village: "Семёновка", adj: "Семёновская", kind: "д." },
  { village: "Малиновка", adj: "Малиновская", kind: "д." },
  { village: "Боровое", adj: "Боровская", kind: "с." },
  { village: "Светлое", adj: "Светловская", kind: "п." },
  { village: "Ясеновка", adj: "Ясеновская", kind: "д." },
  { village: "Знаменка", adj: "Знаменская", kind: "с." },
  { village: "Сторожевое", adj: "Сторожевская", kind: "с." },
  { village: "Новоспасское", adj: "Новоспасская", kind: "с." },
  { village: "Михайловка", adj: "Михайловская", kind: "с." },
  { village: "Ивановка", adj: "Ивановская", kind: "д." },
  { village: "Горское", adj: "Горская", kind: "с." },
  { village: "Широково", adj: "Широковская", kind: "д." },
  { village: "Нижнеозёрное", adj: "Нижнеозёрская", kind: "с." },
  { village: "Новосёлово", adj: "Новосёловская", kind: "с." },
  { village: "Озёрное", adj: "Озёрская", kind: "п." },
  { village: "Красный Яр", adj: "Красноярская", kind: "с." },
  { village: "Троицкое", adj: "Троицкая", kind: "с." },
  { village: "Богородское", adj: "Богородская", kind: "с." },
  { village: "Воскресенка", adj: "Воскресенская", kind: "с." },
  { village: "Петропавловка", adj: "Петропавловская", kind: "с." },
  { village: "Ильинка", adj: "Ильинская", kind: "д." },
  { village: "Куликово", adj: "Куликовская", kind: "д." },
  { village: "Зелёный Дол", adj: "Зеленодольская", kind: "п." },
  { village: "Ясная Поляна", adj: "Яснополянская", kind: "с." },
  { village: "Белоключи", adj: "Белоключевская", kind: "с." },
  { village: "Верх-Иса", adj: "Верх-Исинская", kind: "с." },
  { village: "Старая Майна", adj: "Старомайнская", kind: "п." },
  { village: "Новая Жизнь", adj: "Новожизненская", kind: "п." },
  { village: "Гремячье", adj: "Гремяченская", kind: "с." },
  { village: "Тарасово", adj: "Тарасовская", kind: "д." },
  { village: "Лебяжье", adj: "Лебяжинская", kind: "с." },
  { village: "Павловка", adj: "Павловская", kind: "с." },
  { village: "Степное", adj: "Степновская", kind: "п." },
  { village: "Урожайное", adj: "Урожайненская", kind: "п." },
  { village: "Кирилловка", adj: "Кирилловская", kind: "д." },
  { village: "Мариинка", adj: "Мариинская", kind: "с." },
  { village: "Родники", adj: "Родниковская", kind: "с." },
  { village: "Преображенка", adj: "Преображенская", kind: "с." },
  { village: "Лесной", adj: "Лесновская", kind: "п." },
];

/** District names: «Сосновский муниципальный район» and its centre «г. Сосновск». */
const DISTRICTS: readonly { adj: string; town: string }[] = [
  { adj: "Сосновский", town: "Сосновск" },
  { adj: "Берёзовский", town: "Берёзовск" },
  { adj: "Краснозёрский", town: "Краснозёрск" },
  { adj: "Заволжский", town: "Заволжск" },
  { adj: "Приозёрский", town: "Приозёрск" },
  { adj: "Северный", town: "Северск" },
  { adj: "Каменский", town: "Каменск" },
  { adj: "Белогорский", town: "Белогорск" },
  { adj: "Светлоярский", town: "Светлый Яр" },
  { adj: "Новоуральский", town: "Новоуральск" },
  { adj: "Тихореченский", town: "Тихореченск" },
  { adj: "Старооскольский", town: "Старый Оскол" },
  { adj: "Чернореченский", town: "Чернореченск" },
  { adj: "Верхнеландехский", town: "Верхний Ландех" },
  { adj: "Усть-Камский", town: "Усть-Камск" },
  { adj: "Ясногорский", town: "Ясногорск" },
];

const CITIES: readonly string[] = [
  "Заречный",
  "Лесогорск",
  "Новокаменск",
  "Светлогорск",
  "Приволжск",
  "Южноуральск",
  "Солнечногорск",
  "Зеленоградск",
];

export interface MunicipalityName {
  name: string;
  /** «г. Сосновск» / «Заречный». */
  town: string;
  city: boolean;
}

export function municipalityName(index: number, city: boolean): MunicipalityName {
  if (city) {
    const base = CITIES[index % CITIES.length];
    const suffix = index >= CITIES.length ? ` ${Math.floor(index / CITIES.length) + 1}` : "";
    return { name: `Городской округ «Город ${base}${suffix}»`, town: base + suffix, city: true };
  }
  const d = DISTRICTS[index % DISTRICTS.length];
  const round = Math.floor(index / DISTRICTS.length);
  const kind = index % 3 === 1 ? "муниципальный округ" : "муниципальный район";
  // unique names for big benchmark workbooks (the municipality is the comparison group)
  const suffix = round >= 1 ? ` № ${round + 1}` : "";
  return { name: `${d.adj} ${kind}${suffix}`, town: d.town, city: false };
}

const HEROES: readonly string[] = [
  "Героя Советского Союза И. Н. Кожедуба",
  "А. С. Пушкина",
  "Героя России С. А. Ашихмина",
  "М. В. Ломоносова",
  "Героя Советского Союза А. П. Маресьева",
  "писателя В. П. Астафьева",
  "Ю. А. Гагарина",
];

/** Legal forms: budget, state (казённое) and autonomous municipal institutions. */
function legalForm(rng: Rng, rural: boolean): string {
  const r = rng.next();
  if (rural) return r < 0.55 ? "МБОУ" : r < 0.95 ? "МКОУ" : "МАОУ";
  return r < 0.7 ? "МБОУ" : "МАОУ";
}

export function ruralSchoolName(rng: Rng, adj: string, kind: "СОШ" | "ООШ" | "НОШ"): string {
  const form = legalForm(rng, true);
  const full = {
    СОШ: "средняя общеобразовательная школа",
    ООШ: "основная общеобразовательная школа",
    НОШ: "начальная общеобразовательная школа",
  }[kind];
  const r = rng.next();
  if (r < 0.6) return `${form} «${adj} ${kind}»`;
  if (r < 0.75) return `${form} ${adj} ${kind}`;
  if (r < 0.9) return `${form} «${adj} ${full}»`;
  return `${form} «${adj} ${full} имени ${rng.pick(HEROES)}»`;
}

export function urbanSchoolName(rng: Rng, number: number, town: string, type: string): string {
  const form = legalForm(rng, false);
  if (type === "Гимназия") return rng.chance(0.7) ? `МАОУ «Гимназия № ${number}»` : `МАОУ «Гимназия № ${number} г. ${town}»`;
  if (type === "Лицей") return rng.chance(0.7) ? `МАОУ «Лицей № ${number}»` : `МБОУ «Лицей № ${number} имени ${rng.pick(HEROES)}»`;
  if (type.startsWith("СОШ с углуб"))
    return `${form} «Средняя общеобразовательная школа № ${number} с углублённым изучением отдельных предметов»`;
  if (type === "ООШ") return `${form} «Основная общеобразовательная школа № ${number}»`;
  const r = rng.next();
  if (r < 0.45) return `${form} «СОШ № ${number}»`;
  if (r < 0.7) return `${form} «Средняя общеобразовательная школа № ${number}»`;
  if (r < 0.85) return `${form} «Средняя школа № ${number} г. ${town}»`;
  return `${form} «Школа № ${number}»`;
}

export function branchName(parentName: string, v: { village: string; kind: string }): string {
  return `филиал ${parentName} в ${v.kind} ${v.village}`;
}

/** ФИС ОКО login: «edu» + 6 digits. */
export function eduCode(rng: Rng, used: Set<string>): string {
  for (;;) {
    const code = "edu" + String(rng.int(100000, 999999));
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

/** A 10-digit ИНН of an organisation with a valid check digit. */
export function innCode(rng: Rng, region: number, used: Set<string>): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  for (;;) {
    const digits = (String(region).padStart(2, "0") + String(rng.int(1, 99)).padStart(2, "0") + String(rng.int(0, 99999)).padStart(5, "0"))
      .split("")
      .map(Number);
    const check = (digits.reduce((s, d, i) => s + d * weights[i], 0) % 11) % 10;
    const code = digits.join("") + String(check);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}
