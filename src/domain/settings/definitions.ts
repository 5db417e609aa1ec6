/**
 * Parameter ids of «Настройки» with defaults and Russian descriptions (methodology.md,
 * end of Appendix A). The sheet shows the description beside each id.
 */
export type ParamType = "number" | "integer" | "year" | "date" | "enum" | "list" | "color";

export interface ParamDef {
  id: string;
  type: ParamType;
  /** Default as it is written in the sheet; "" = empty (automatic). */
  default: string;
  description: string;
  options?: string[];
}

const ZONES: [string, number, number, string][] = [
  ["R1", 10, 3, "доля высокобалльников ЕГЭ, русский язык (ниже — хуже)"],
  ["R2", 5, 1, "доля высокобалльников ЕГЭ, профильная математика (ниже — хуже)"],
  ["R3a", 2, 5, "доля не преодолевших минимальный порог ЕГЭ"],
  ["R3b", 10, 20, "доля «2» на ОГЭ"],
  ["R4", 15, 25, "доля «2» по ВПР (и её комбинации предмет × класс)"],
  ["R5", 15, 25, "доля неудовлетворительных результатов РДР"],
  ["R6", 20, 40, "расхождение ВПР с отметками по журналу"],
  ["S1", 1, 3, "доля на учёте в ОДН/КДН"],
  ["S2", 5, 15, "доля из семей мигрантов / слабо владеющих русским языком"],
  ["S3", 0.5, 2, "доля неаттестованных"],
  ["S4", 1, 3, "доля систематически пропускающих"],
  ["S5", 5, 10, "доля с ЗПР/УО"],
  ["S10", 20, 35, "доля из малоимущих семей"],
  ["S11", 25, 35, "доля из неполных семей"],
  ["S12", 25, 15, "доля, где оба родителя с высшим образованием (ниже — хуже)"],
  ["S13", 7, 12, "доля с ОВЗ"],
];

const WEIGHTS: [string, number][] = [
  ["R1", 1],
  ["R2", 1],
  ["R3a", 1],
  ["R3b", 1],
  ["R4", 1.5],
  ["R5", 1],
  ["R6", 0.5],
];

/** Status colours for highlighting rows of the user's registry. */
export const STATUS_COLOR_DEFAULTS: [string, string, string][] = [
  ["shnor_shnsu", "#F4B6B6", "ШНОР + ШНСУ"],
  ["shnor", "#F8CBAD", "кандидат в ШНОР"],
  ["resilient", "#C6E0B4", "резильентная"],
  ["shnsu", "#FFE699", "кандидат в ШНСУ"],
  ["risk_zone", "#FFF2CC", "зона риска"],
];

/** Colour of overdue events in the user's roadmap sheet (same `color_<key>` pattern). */
export const ROADMAP_COLOR_DEFAULTS: [string, string, string][] = [["overdue", "#FFC7CE", "просроченное мероприятие дорожной карты"]];

/** Every highlight colour: parameter `color_<key>` → `Settings.colors[key]`. */
export const HIGHLIGHT_COLOR_DEFAULTS: [string, string, string][] = [...STATUS_COLOR_DEFAULTS, ...ROADMAP_COLOR_DEFAULTS];

const n = (id: string, def: number | "", description: string, type: ParamType = "number"): ParamDef => ({ id, type, default: String(def), description });

export const PARAMS: ParamDef[] = [
  n("report_year", "", "Отчётный год t (пусто — наибольший год в результатах)", "year"),
  n("report_date", "", "Дата отчёта для дорожной карты (пусто — сегодня), ДД.ММ.ГГГГ", "date"),
  n("roadmap_year", "", "Год дорожной карты (пусто — отчётный год)", "year"),
  n("due_soon_days", 30, "За сколько дней до срока событие считается «срок подходит»", "integer"),
  { id: "scoring_mode", type: "enum", default: "absolute", options: ["absolute", "relative"], description: "Баллы индикаторов: absolute — по зонам, relative — по рангу в группе сравнения" },
  { id: "comparison_group", type: "enum", default: "municipality", options: ["municipality", "workbook"], description: "Группа сравнения: municipality — муниципалитет, workbook — вся книга" },
  n("min_n_scored", 5, "Минимум участников, чтобы показатель учитывался в индексе", "integer"),
  n("min_n_stable", 10, "Меньше этого числа участников — флаг «малая выборка»", "integer"),
  n("index_coverage", 40, "Минимальная доля веса показателей с данными для ИНР, %"),
  n("social_min_indicators", 4, "Минимальное число социальных показателей с данными для ИСН", "integer"),
  n("shnor_threshold", 50, "Порог ИНР для кандидата в ШНОР"),
  n("shnsu_threshold", 50, "Порог ИСН для кандидата в ШНСУ"),
  n("shnsu_min_factors", 3, "Число факторов неблагополучия (красная зона) для кандидата в ШНСУ", "integer"),
  n("resilient_threshold", 25, "ИНР₁ не выше этого значения в обоих годах — резильентная школа"),
  n("risk_zone_threshold", 35, "Нижняя граница ИНР зоны риска"),
  n("relative_shnor_threshold", 75, "Порог ИНР для ШНОР в режиме relative"),
  n("relative_risk_zone_threshold", 60, "Нижняя граница зоны риска в режиме relative"),
  n("relative_shnsu_threshold", 75, "Порог ИСН для ШНСУ в режиме relative"),
  n("dynamics_threshold", 10, "Изменение доли, п.п., считающееся динамикой"),
  { id: "vpr_subjects", type: "list", default: "rus, math", description: "Предметы ВПР для R4 (rus, math)" },
  { id: "vpr_grades", type: "list", default: "5, 8", description: "Классы ВПР для R4" },
  { id: "monthly_absence_rule", type: "enum", default: "max", options: ["max", "mean", "last"], description: "S4 по месячным данным: max, mean или last" },
  n("small_school_limit", "", "Контингент меньше этого — малокомплектная школа (если не указано явно)", "integer"),
  n("o1_lowered_min", 40, "O1: доля понизивших отметку, %"),
  n("o2_raised_min", 20, "O2: доля повысивших отметку, %"),
  n("o4_sd_factor", 2, "O4: число стандартных отклонений над средним"),
  n("o4_min_group", 6, "O4: минимальный размер группы сравнения", "integer"),
  n("o5_gap_min", 25, "O5: разрыв качества когорты, п.п."),
  n("o6_min_group", 5, "O6: минимальный размер групп ВПР и ОГЭ", "integer"),
  n("o3_min_n", 20, "O3: минимум участников для анализа пиков", "integer"),
  n("boundary_3", "", "Первичный балл, с которого ставится «3» (для O3)", "integer"),
  n("boundary_4", "", "Первичный балл, с которого ставится «4» (для O3)", "integer"),
  n("boundary_5", "", "Первичный балл, с которого ставится «5» (для O3)", "integer"),
  ...ZONES.flatMap(([id, yellow, red, what]) => [
    n(`zone_${id}_yellow`, yellow, `${id}: граница жёлтой зоны — ${what}`),
    n(`zone_${id}_red`, red, `${id}: граница красной зоны — ${what}`),
  ]),
  ...WEIGHTS.map(([id, w]) => n(`weight_${id}`, w, `${id}: вес в ИНР`)),
  ...HIGHLIGHT_COLOR_DEFAULTS.map(([key, color, label]) => ({ id: `color_${key}`, type: "color" as const, default: color, description: `Цвет подсветки: ${label}` })),
];

export const PARAM_BY_ID = new Map(PARAMS.map((p) => [p.id, p]));
