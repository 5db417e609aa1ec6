/** The plain model the generator produces, and the records it is built from. */

export type Cell = string | number | boolean | Date | null;

export type TableKind = "registry" | "results" | "social" | "roadmap";

/** Where a generated table sits on its sheet (0-based rows and columns), so that tests can
 *  read the data back without re-implementing header recognition. */
export interface TableMeta {
  kind: TableKind;
  /** Header rows (one, or two for `two_row_headers`). The last one is the column-name row. */
  headerRows: number[];
  /** First data row. */
  firstDataRow: number;
  /** Number of rows from `firstDataRow` that belong to the table (data, section and
   *  continuation rows; not the «Итого» row). */
  dataRowCount: number;
  /** Field id (workbook.md §2) → column. */
  columns: Record<string, number>;
  /** Field ids written as percentages of `participants`. */
  percentFields: string[];
  /** Row of the «Итого»/«Всего» line, if any. */
  totalRow?: number;
  /** Title rows above the header. */
  titleRows: number[];
}

export interface GeneratedSheet {
  name: string;
  /** Row 0 is sheet row 1, column 0 is column A; `null` is an empty cell. */
  rows: Cell[][];
  /** A1-style ranges, e.g. "B3:B4". */
  merges?: string[];
  hidden?: boolean;
  table?: TableMeta;
  /** Column widths in characters (index 0 = column A). */
  columnWidths?: number[];
}

export interface GeneratedWorkbook {
  sheets: GeneratedSheet[];
  /** school_id → archetype id (see archetypes.ts) for every deliberately planted school. */
  planted: Record<string, string>;
  meta: GeneratedMeta;
}

export interface GeneratedMeta {
  seed: number;
  years: number[];
  reportYear: number;
  municipalities: string[];
  schoolCount: number;
  resultRowCount: number;
  socialRowCount: number;
  roadmapEventCount: number;
  layout: Layout;
  marksAsPercent: boolean;
  monthlyPassport: boolean;
}

export type Layout = "plain" | "two_row_headers";

export interface GeneratorOptions {
  seed: number;
  municipalities: number;
  /** A fixed count or an inclusive range; data.md: 5–40. */
  schoolsPerMunicipality: [number, number] | number;
  /** Calendar years of the assessments, e.g. [2024, 2025, 2026]. The last is the report year. */
  years: number[];
  /** Number of roadmap events (0 = no roadmap sheet). data.md: 20–60. */
  roadmapEvents: number;
  /** One passport row per school × school year × month (September–May), years written
   *  as «2025/26». Default: one row per school × year. */
  monthlyPassport?: boolean;
  layout?: Layout;
  /** Mark and journal columns as percentages of participants (headers carry «%»). */
  marksAsPercent?: boolean;
  /** Plant the archetypes of archetypes.ts (default true). */
  plant?: boolean;
  /** Data rows per sheet before a table is split into «Результаты 1», «Результаты 2», …
   *  Default: what fits into an Excel sheet (1,048,576 rows minus header and totals). */
  maxRowsPerSheet?: number;
  /** School codes: ФИС ОКО logins, 10-digit ИНН, or a mix per municipality (default). */
  codeStyle?: "edu" | "inn" | "mixed";
  /** Optional third ВПР subject per grade (default true). */
  optionalSubjects?: boolean;
}

// ---------------------------------------------------------------- records

export type SchoolType =
  | "СОШ"
  | "ООШ"
  | "НОШ"
  | "Филиал"
  | "Гимназия"
  | "Лицей"
  | "СОШ с углублённым изучением отдельных предметов";

export type Locality = "городская" | "сельская";

export interface School {
  id: string;
  name: string;
  municipality: string;
  municipalityIndex: number;
  type: SchoolType;
  locality: Locality;
  /** Pupils in the report year. */
  pupils: number;
  distanceKm: number;
  /** Registry yes/no; null = not filled. */
  accreditationSuspended: boolean | null;
  remote: boolean | null;
  smallSchool: boolean | null;
  infrastructureDeficit: boolean | null;
  staffDeficit: boolean | null;
  depressedTerritory: boolean | null;
  /** Latent social deprivation 0..1 and results weakness (≈ −1..2) of a background school. */
  deprivation: number;
  weakness: number;
  /** First year with results (a school opened later has none before). */
  firstResultYear: number;
  /** First year with a passport row. */
  firstPassportYear: number;
  archetype?: string;
  /** Grade-9 cohort size (ВПР classes are of similar size). */
  cohort: number;
  /** ЕГЭ participants per year (0 = no grade 11). */
  egeRus: number;
  egeProf: number;
  egeBase: number;
}

export type Procedure = "ВПР" | "ОГЭ" | "ЕГЭ" | "РДР";

export interface ResultRecord {
  schoolId: string;
  year: number;
  procedure: Procedure;
  /** As written in the sheet («Русский язык», «Математика профильная», …). */
  subject: string;
  grade: number;
  participants: number;
  mark2: number | null;
  mark3: number | null;
  mark4: number | null;
  mark5: number | null;
  belowMin: number | null;
  high: number | null;
  lowered: number | null;
  confirmed: number | null;
  raised: number | null;
  meanScore: number | null;
}

export interface SocialRecord {
  schoolId: string;
  /** Calendar year, or the school year written as «2025/26». */
  year: number | string;
  month: number | null;
  pupils: number;
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

export interface RoadmapEvent {
  section: string;
  number: string;
  event: string;
  /** Text, or a date cell. */
  due: string | Date;
  responsible: string;
  expected: string;
  actual: string | null;
  doneDate: Date | null;
  schoolId: string | null;
  indicator: string | null;
  /** Text that continues the event on the next row (two-row layout only). */
  continuation?: string;
}
