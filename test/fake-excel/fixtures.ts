import type { CellStyle, ReportSheet } from "../../src/domain/report/model";
import type { CellRange, CellValue } from "../../src/domain/sheet/snapshot";
import type { WritePlan } from "../../src/workbook/gateway";
import type { Scalar, SheetSpec } from "./model";

/** A small seeded PRNG (mulberry32): the same workbook on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MUNICIPALITIES = Array.from({ length: 30 }, (_, i) => `Муниципальный район № ${i + 1}`);
const SUBJECTS = ["Русский язык", "Математика", "Окружающий мир", "История", "Биология", "География", "Обществознание", "Физика"];
const PROCEDURES = ["ВПР", "ОГЭ", "ЕГЭ"];

export interface RegionWorkbook {
  specs: SheetSpec[];
  /** What `readSheets` must return for each sheet, values cut like the adapter's. */
  expected: Record<string, { values: Scalar[][]; merges: CellRange[] }>;
  schoolIds: string[];
}

/** Cuts each row after its last non-empty cell and drops trailing empty rows. */
export function trimRows(rows: Scalar[][]): Scalar[][] {
  const out = rows.map((row) => {
    let end = row.length - 1;
    while (end >= 0 && row[end] === "") end--;
    return row.slice(0, end + 1);
  });
  let last = out.length - 1;
  while (last >= 0 && out[last].length === 0) last--;
  return out.slice(0, last + 1);
}

/**
 * The region workload of quality.md: 1,000 schools in 30 municipalities, 3 years, about
 * 45,000 results rows × 17 columns, a social passport, a 60-event roadmap, settings.
 * The results table starts at B3 (the used range does not start at A1).
 */
export function regionWorkbook(seed = 1): RegionWorkbook {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const schools = 1000;
  const schoolIds = Array.from({ length: schools }, (_, i) => `edu${String(100000 + i * 37).padStart(6, "0")}`);

  // Реестр ОО: a merged title, the header in row 2.
  const registry: Scalar[][] = [["Реестр образовательных организаций"], [
    "Код ОО", "Наименование ОО", "Муниципалитет", "Тип ОО", "Городская/сельская", "Аккредитация приостановлена",
    "Удалённость", "Малокомплектная", "Дефицит инфраструктуры", "Кадровый дефицит", "Депрессивная территория", "ИНН",
  ]];
  schoolIds.forEach((id, i) => {
    registry.push([
      id,
      `МБОУ «Средняя общеобразовательная школа № ${i + 1}» ${MUNICIPALITIES[i % 30].split(" ").pop()}`,
      MUNICIPALITIES[i % 30],
      i % 7 === 0 ? "ООШ" : "СОШ",
      i % 3 === 0 ? "городская" : "сельская",
      i % 97 === 0 ? "да" : "нет",
      i % 5 === 0 ? "да" : "нет",
      i % 4 === 0 ? "да" : "нет",
      i % 6 === 0 ? "да" : "",
      i % 9 === 0 ? "да" : "нет",
      i % 11 === 0 ? "да" : "нет",
      `7${String(700000000 + i * 7919).slice(0, 9)}`,
    ]);
  });

  // Результаты: 45 rows per school (3 years × 3 procedures × 5 subject/grade rows), from B3.
  const resultsHeader: Scalar[] = [
    "Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»", "«3»", "«4»", "«5»",
    "Не преодолели минимальный порог", "Высокобалльники", "Понизили", "Подтвердили", "Повысили", "Средний балл", "Примечание",
  ];
  const results: Scalar[][] = [[], [], ["", ...resultsHeader]];
  for (const id of schoolIds) {
    for (const year of [2024, 2025, 2026]) {
      for (const proc of PROCEDURES) {
        for (let k = 0; k < 5; k++) {
          const n = int(8, 60);
          const m2 = int(0, Math.floor(n / 5));
          const m5 = int(0, Math.floor(n / 4));
          const m3 = int(0, n - m2 - m5);
          const m4 = n - m2 - m3 - m5;
          results.push([
            "", id, year, proc, SUBJECTS[(k + year) % SUBJECTS.length], proc === "ВПР" ? `${4 + k}` : proc === "ОГЭ" ? 9 : 11,
            n, m2, m3, m4, m5, proc === "ВПР" ? "" : int(0, 3), proc === "ЕГЭ" ? int(0, 5) : "",
            int(0, 5), int(0, 20), int(0, 5), Math.round((2 + rand() * 3) * 100) / 100, k === 0 && year === 2026 ? "уточнить" : "",
          ]);
        }
      }
    }
  }

  // Социальный паспорт: a two-row header (merged group titles above).
  const passportTop: Scalar[] = ["Код ОО", "Год", "Контингент", "Состоят на учёте", "", "Из семей", "", "", "Обучающиеся", "", "", "", "", "", "", "", "", "", "", ""];
  const passportHead: Scalar[] = ["", "", "", "ОДН/КДН", "Не аттестованы", "Мигранты", "Малоимущие", "Неполные", "С ОВЗ", "ЗПР/УО", "Пропуски", "Прочее 1", "Прочее 2", "Прочее 3", "Прочее 4", "Прочее 5", "Прочее 6", "Прочее 7", "Прочее 8", "Прочее 9"];
  const passport: Scalar[][] = [passportTop, passportHead];
  for (const id of schoolIds) {
    for (const year of [2024, 2025, 2026]) {
      const total = int(40, 1200);
      passport.push([id, year, total, ...Array.from({ length: 17 }, () => int(0, Math.floor(total / 10)))]);
    }
  }

  // Дорожная карта with full-width section rows (merged).
  const roadmap: Scalar[][] = [["№", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат", "Фактический результат", "Дата выполнения", "Школа", "Показатель", "Раздел"]];
  const roadmapMerges: CellRange[] = [];
  for (let e = 0; e < 60; e++) {
    if (e % 15 === 0) {
      roadmapMerges.push({ top: roadmap.length, left: 0, bottom: roadmap.length, right: 9 });
      roadmap.push([`${e / 15 + 1}. Раздел мероприятий`]);
    }
    roadmap.push([e + 1, `Мероприятие ${e + 1}: методический семинар`, 46000 + e * 7, "Методист", "Проведено", e % 3 === 0 ? "выполнено" : "", e % 3 === 0 ? 46000 + e * 7 - 2 : "", schoolIds[e], "R1", ""]);
  }

  const settings: Scalar[][] = [["Параметр", "Значение", "По умолчанию", "Описание"]];
  for (let i = 0; i < 40; i++) settings.push([`param_${i}`, i % 2 === 0 ? i * 1.5 : "", i, `Описание параметра ${i}`]);

  const specs: SheetSpec[] = [
    { name: "Реестр ОО", values: registry, merges: ["A1:L1"] },
    { name: "Результаты", values: results },
    { name: "Социальный паспорт", values: passport, merges: ["D1:E1", "F1:H1", "I1:T1"] },
    { name: "Дорожная карта", values: roadmap, merges: roadmapMerges },
    { name: "Настройки", values: settings },
  ];
  const expected: RegionWorkbook["expected"] = {};
  for (const s of specs) expected[s.name] = { values: trimRows(s.values ?? []), merges: (s.merges ?? []).map((m) => (typeof m === "string" ? parseA1(m) : m)) };
  return { specs, expected, schoolIds };
}

function parseA1(a: string): CellRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

// ----------------------------------------------------------------------------------------
// Report plans

const HEADER_STYLE: CellStyle = { bold: true, fill: "#D9E1F2", border: true, wrap: true, vertical: "middle", horizontal: "center" };
const ZONES: CellStyle[] = [{ fill: "#C6EFCE" }, { fill: "#FFEB9C" }, { fill: "#FFC7CE" }];

function table(name: string, rows: number, cols: number, cell: (r: number, c: number) => CellValue | null, opts: Partial<ReportSheet> = {}): ReportSheet {
  const values: (CellValue | null)[][] = [];
  values.push(Array.from({ length: cols }, (_, c) => `Столбец ${c + 1}`));
  for (let r = 1; r < rows; r++) values.push(Array.from({ length: cols }, (_, c) => cell(r, c)));
  return {
    name,
    values,
    columnWidths: Array.from({ length: cols }, (_, c) => (c === 1 ? 40 : 12)),
    numberFormats: [{ range: { top: 1, left: 2, bottom: rows - 1, right: cols - 1 }, format: "0.0" }],
    styles: [
      { range: { top: 0, left: 0, bottom: rows - 1, right: cols - 1 }, style: { border: true } },
      { range: { top: 0, left: 0, bottom: 0, right: cols - 1 }, style: HEADER_STYLE },
    ],
    freezeRows: 1,
    ...opts,
  };
}

/** ~7 report sheets of a region run, with per-cell zone colours on «Индикаторы». */
export function regionPlan(schoolIds: string[], seed = 2): WritePlan {
  const rand = rng(seed);
  const indicators = table(
    "Индикаторы",
    schoolIds.length + 1,
    45,
    (r, c) => (c === 0 ? schoolIds[r - 1] : c === 1 ? `МБОУ «СОШ № ${r}»` : c === 44 ? ["ШНОР", "ШНСУ", "нет риска", "зона риска"][r % 4] : Math.round(rand() * 1000) / 10),
    { print: { titleRows: [0, 0], landscape: true } },
  );
  for (let r = 1; r <= schoolIds.length; r++) {
    for (let c = 2; c < 17; c++) indicators.styles.push({ range: { top: r, left: c, bottom: r, right: c }, style: ZONES[Math.floor(rand() * 3)] });
  }
  const summary = table("Сводка", 40, 6, (r, c) => (c === 0 ? `Показатель ${r}` : r * c), {
    merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
  });
  summary.values[0] = ["Сводка мониторинга ШНОР за 2026 год", null, null, null, null, null];
  const candidates = table("Кандидаты", 300, 10, (r, c) => (c === 0 ? schoolIds[r] : c === 9 ? `ИНР ${r},5 ≥ 50; причина: =СУММ(A1)` : r + c / 10), {
    print: { titleRows: [0, 0], landscape: true },
  });
  const dynamics = table("Динамика", schoolIds.length + 1, 20, (r, c) => (c === 0 ? schoolIds[r - 1] : c === 1 ? "ШНОР → зона риска" : Math.round(rand() * 100) / 10));
  const objectivity = table("Объективность", 24_001, 12, (r, c) =>
    c === 0 ? schoolIds[r % schoolIds.length] : c === 1 ? "Русский язык" : c === 2 ? 5 + (r % 4) : c === 3 ? 2024 + (r % 3) : c === 11 ? (r % 10 === 0 ? "O1" : "") : Math.round(rand() * 1000) / 10,
  );
  const roadmap = table("Исполнение ДК", 61, 12, (r, c) => (c === 0 ? r : c === 1 ? `Мероприятие ${r}` : c === 2 ? 46000 + r : c === 3 ? "overdue" : c), {
    numberFormats: [{ range: { top: 1, left: 2, bottom: 60, right: 2 }, format: "dd.mm.yyyy" }],
  });
  const log = table("Журнал", 2, 8, (_r, c) => (c === 0 ? 46000.5 : `v0.1.0 ${c}`));

  const reports = [summary, indicators, candidates, dynamics, objectivity, roadmap, log];
  const statusColumn = "$AS:$AS";
  return {
    reports,
    deleteSheets: [],
    ownedSheets: reports.map((r) => r.name),
    highlights: [
      {
        sheet: "Реестр ОО",
        range: `A3:L${schoolIds.length + 2}`,
        rules: [
          { formula: `=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!${statusColumn},"ШНОР")>0`, fill: "#FFC7CE" },
          { formula: `=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!${statusColumn},"ШНСУ")>0`, fill: "#FFEB9C" },
          { formula: `=COUNTIFS(Индикаторы!$A:$A,$A3,Индикаторы!${statusColumn},"зона риска")>0`, fill: "#FCE4D6" },
        ],
      },
    ],
    settings: { sheet: "Настройки", create: false, startRow: 41, rows: [["new_param", 14, 14, "Новый параметр"], ["due_soon_days", 30, 30, "Дней до срока"]] },
  };
}
