/**
 * Sheets from records: the first-listed header synonyms of workbook.md §2, either plain
 * (header in row 1, column A) or `two_row_headers` (title line, tables from column B, merged
 * group titles, «(чел.)» units, line breaks, «Итого» rows and notes below the tables).
 */
import { round1 } from "./random";
import type { Cell, GeneratedSheet, Layout, ResultRecord, RoadmapEvent, School, SocialRecord, TableKind, TableMeta } from "./types";

/** Excel's limit is 1,048,576 rows; keep room for titles, headers and totals. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const DEFAULT_MAX_DATA_ROWS = EXCEL_MAX_ROWS - 16;

interface ColumnDef {
  field: string;
  /** Header in the plain layout (first-listed synonym). */
  header: string;
  /** Header in the two-row layout (with units / line breaks); defaults to `header`. */
  header2?: string;
  /** Group title over this column in the two-row layout. */
  group?: string;
}

export function colLetter(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (r: number, c: number) => `${colLetter(c)}${r + 1}`;

interface TableSpec {
  kind: TableKind;
  sheet: string;
  columns: ColumnDef[];
  rows: Cell[][];
  percentFields?: string[];
  title?: string;
  /** Cells of the «Итого» row (from the first table column), two-row layout only. */
  total?: Cell[];
  note?: string;
}

function placeTable(spec: TableSpec, layout: Layout): GeneratedSheet {
  const two = layout === "two_row_headers";
  const c0 = two ? 1 : 0;
  const width = spec.columns.length;
  const rows: Cell[][] = [];
  const merges: string[] = [];
  const titleRows: number[] = [];
  const pad = (cells: Cell[]) => [...new Array<Cell>(c0).fill(null), ...cells];
  if (two && spec.title) {
    rows.push(pad([spec.title]));
    merges.push(`${addr(0, c0)}:${addr(0, c0 + width - 1)}`);
    titleRows.push(0);
    rows.push([]);
  }
  const headerRows: number[] = [];
  const grouped = two && spec.columns.some((c) => c.group);
  if (grouped) {
    const top = rows.length;
    const upper: Cell[] = [];
    const lower: Cell[] = [];
    // only the top-left cell of a merge carries its value (as Excel stores it)
    spec.columns.forEach((c, i) => {
      const h = c.header2 ?? c.header;
      const groupStart = c.group !== undefined && (i === 0 || spec.columns[i - 1].group !== c.group);
      upper.push(c.group ? (groupStart ? c.group : null) : h);
      lower.push(c.group ? h : null);
    });
    rows.push(pad(upper), pad(lower));
    headerRows.push(top, top + 1);
    // group titles merged across their columns, other headers merged over both rows
    for (let i = 0; i < width; ) {
      const g = spec.columns[i].group;
      let j = i;
      while (g && j + 1 < width && spec.columns[j + 1].group === g) j++;
      if (g) merges.push(`${addr(top, c0 + i)}:${addr(top, c0 + j)}`);
      else merges.push(`${addr(top, c0 + i)}:${addr(top + 1, c0 + i)}`);
      i = j + 1;
    }
  } else {
    headerRows.push(rows.length);
    rows.push(pad(spec.columns.map((c) => (two ? c.header2 ?? c.header : c.header))));
  }
  const firstDataRow = rows.length;
  for (const r of spec.rows) rows.push(c0 ? pad(r) : r);
  let totalRow: number | undefined;
  if (two && spec.total) {
    totalRow = rows.length;
    rows.push(pad(spec.total));
  }
  if (two && spec.note) rows.push([], pad([spec.note]));
  const columns: Record<string, number> = {};
  spec.columns.forEach((c, i) => {
    if (!c.field.startsWith("_")) columns[c.field] = c0 + i;
  });
  const table: TableMeta = {
    kind: spec.kind,
    headerRows,
    firstDataRow,
    dataRowCount: spec.rows.length,
    columns,
    percentFields: spec.percentFields ?? [],
    totalRow,
    titleRows,
  };
  return { name: spec.sheet, rows, merges, table, columnWidths: widths(rows, c0 + width) };
}

function widths(rows: Cell[][], n: number): number[] {
  const w = new Array<number>(n).fill(6);
  const sample = rows.length > 400 ? rows.slice(0, 400) : rows;
  for (const r of sample) {
    r.forEach((v, i) => {
      if (v === null || i >= n) return;
      const len =
        v instanceof Date ? 10 : typeof v === "string" ? Math.max(...v.split("\n").map((l) => l.length)) : String(v).length;
      w[i] = Math.max(w[i], Math.min(60, len + 2));
    });
  }
  return w;
}

// ------------------------------------------------------------------ registry

const yn = (v: boolean | null): Cell => (v === null ? null : v ? "да" : "нет");

export function registrySheet(schools: School[], layout: Layout, t: number): GeneratedSheet {
  const F = "Факторы риска (да/нет)";
  const columns: ColumnDef[] = [
    { field: "school_id", header: "Код ОО" },
    { field: "name", header: "Наименование ОО", header2: "Наименование\nОО" },
    { field: "municipality", header: "Муниципалитет" },
    { field: "type", header: "Тип ОО" },
    { field: "locality", header: "Городская/сельская" },
    { field: "accreditation_suspended", header: "Аккредитация приостановлена", header2: "Аккредитация\nприостановлена", group: F },
    { field: "remote", header: "Удалённость", group: F },
    { field: "small_school", header: "Малокомплектная", group: F },
    { field: "infrastructure_deficit", header: "Дефицит инфраструктуры", header2: "Дефицит\nинфраструктуры", group: F },
    { field: "staff_deficit", header: "Кадровый дефицит", header2: "Кадровый\nдефицит", group: F },
    { field: "depressed_territory", header: "Депрессивная территория", header2: "Депрессивная\nтерритория", group: F },
    { field: "_distance", header: "Расстояние до районного центра, км" },
  ];
  const rows = schools.map((s) => [
    s.id,
    s.name,
    s.municipality,
    s.type,
    s.locality,
    yn(s.accreditationSuspended),
    yn(s.remote),
    yn(s.smallSchool),
    yn(s.infrastructureDeficit),
    yn(s.staffDeficit),
    yn(s.depressedTerritory),
    s.distanceKm,
  ]);
  return placeTable(
    {
      kind: "registry",
      sheet: "Реестр ОО",
      columns,
      rows,
      title: "Реестр общеобразовательных организаций",
      total: [`Всего ОО: ${schools.length}`],
      note: `Примечание: сведения на 01.09.${t}`,
    },
    layout,
  );
}

// ------------------------------------------------------------------ results

const MARK_FIELDS = ["mark2", "mark3", "mark4", "mark5"];
const JOURNAL_FIELDS = ["lowered", "confirmed", "raised"];

function resultColumns(percent: boolean): ColumnDef[] {
  const pct = percent ? ", %" : "";
  const marks = percent ? "Доля участников, получивших отметку, %" : "Количество участников, получивших отметку";
  const journal = percent ? "Сравнение с отметками по журналу, %" : "Сравнение с отметками по журналу (чел.)";
  return [
    { field: "school_id", header: "Код ОО" },
    { field: "year", header: "Год" },
    { field: "procedure", header: "Процедура" },
    { field: "subject", header: "Предмет" },
    { field: "grade", header: "Класс" },
    { field: "participants", header: "Кол-во участников", header2: "Кол-во участников (чел.)" },
    { field: "mark2", header: `«2»${pct}`, header2: "«2»", group: marks },
    { field: "mark3", header: `«3»${pct}`, header2: "«3»", group: marks },
    { field: "mark4", header: `«4»${pct}`, header2: "«4»", group: marks },
    { field: "mark5", header: `«5»${pct}`, header2: "«5»", group: marks },
    { field: "below_min", header: "Не преодолели минимальный порог", header2: "Не преодолели минимальный порог (чел.)" },
    { field: "high_81_100", header: "Высокобалльники", header2: "Высокобалльники (чел.)" },
    { field: "lowered", header: `Понизили${pct}`, header2: "Понизили", group: journal },
    { field: "confirmed", header: `Подтвердили${pct}`, header2: "Подтвердили", group: journal },
    { field: "raised", header: `Повысили${pct}`, header2: "Повысили", group: journal },
    { field: "mean_score", header: "Средний балл" },
  ];
}

export function resultRow(r: ResultRecord, percent: boolean): Cell[] {
  const p = (x: number | null): Cell => (x === null ? null : percent ? round1((100 * x) / r.participants) : x);
  return [
    r.schoolId,
    r.year,
    r.procedure,
    r.subject,
    r.grade,
    r.participants,
    p(r.mark2),
    p(r.mark3),
    p(r.mark4),
    p(r.mark5),
    r.belowMin,
    r.high,
    p(r.lowered),
    p(r.confirmed),
    p(r.raised),
    r.meanScore,
  ];
}

/** The results table, split over «Результаты 1», «Результаты 2», … when it is too long. */
export function resultSheets(rows: Cell[][], layout: Layout, percent: boolean, years: number[], maxRows: number): GeneratedSheet[] {
  const columns = resultColumns(percent);
  const chunks: Cell[][][] = [];
  for (let i = 0; i < rows.length; i += maxRows) chunks.push(rows.slice(i, i + maxRows));
  if (chunks.length === 0) chunks.push([]);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  return chunks.map((chunk, i) => {
    const sum = (col: number) => chunk.reduce((s, r) => s + (typeof r[col] === "number" ? (r[col] as number) : 0), 0);
    const total: Cell[] = ["Итого", null, null, null, null, sum(5)];
    if (!percent) total.push(sum(6), sum(7), sum(8), sum(9));
    return placeTable(
      {
        kind: "results",
        sheet: chunks.length === 1 ? "Результаты" : `Результаты ${i + 1}`,
        columns,
        rows: chunk,
        percentFields: percent ? [...MARK_FIELDS, ...JOURNAL_FIELDS] : [],
        title: `Результаты оценочных процедур ${y0}–${y1} гг.${chunks.length > 1 ? ` (часть ${i + 1})` : ""}`,
        total,
        note: "Источник: ФИС ОКО, РБД ГИА",
      },
      layout,
    );
  });
}

// ------------------------------------------------------------------ social passport

export function socialSheet(records: SocialRecord[], layout: Layout, monthly: boolean): GeneratedSheet {
  const G = "Категории обучающихся (чел.)";
  const columns: ColumnDef[] = [
    { field: "school_id", header: "Код ОО" },
    { field: "year", header: "Год" },
    ...(monthly ? [{ field: "month", header: "Месяц" }] : []),
    { field: "pupils_total", header: "Контингент", header2: "Контингент, чел." },
    { field: "n_odn_kdn", header: "На учёте в ОДН/КДН", header2: "На учёте\nв ОДН/КДН", group: G },
    { field: "n_low_russian", header: "Из семей мигрантов", header2: "Из семей\nмигрантов", group: G },
    { field: "n_not_attested", header: "Не аттестованы", group: G },
    { field: "n_absent_unexcused", header: "Систематически пропускают", header2: "Систематически\nпропускают", group: G },
    { field: "n_zpr_uo", header: "ЗПР/УО", group: G },
    { field: "n_ovz", header: "С ОВЗ", group: G },
    { field: "n_low_income", header: "Из малоимущих семей", header2: "Из малоимущих\nсемей", group: G },
    { field: "n_single_parent", header: "Из неполных семей", header2: "Из неполных\nсемей", group: G },
    { field: "n_parents_higher_ed", header: "Оба родителя с высшим образованием", header2: "Оба родителя\nс высшим образованием", group: G },
  ];
  const rows = records.map((r) => [
    r.schoolId,
    r.year,
    ...(monthly ? [r.month] : []),
    r.pupils,
    r.odnKdn,
    r.lowRussian,
    r.notAttested,
    r.absentUnexcused,
    r.zprUo,
    r.ovz,
    r.lowIncome,
    r.singleParent,
    r.parentsHigherEd,
  ]);
  const pupilsCol = monthly ? 3 : 2;
  const total: Cell[] = new Array<Cell>(pupilsCol).fill(null);
  total[0] = "Итого";
  if (!monthly) total.push(rows.reduce((s, r) => s + (r[pupilsCol] as number), 0));
  return placeTable(
    {
      kind: "social",
      sheet: "Социальный паспорт",
      columns,
      rows,
      title: monthly ? "Социальный паспорт ОО (ежемесячный мониторинг)" : "Социальный паспорт ОО",
      total,
      note: "Сведения представлены руководителями ОО",
    },
    layout,
  );
}

// ------------------------------------------------------------------ roadmap

export function roadmapSheet(events: RoadmapEvent[], layout: Layout, year: number): GeneratedSheet {
  const two = layout === "two_row_headers";
  const c0 = two ? 1 : 0;
  const fields = ["number", ...(two ? [] : ["section"]), "event", "due", "responsible", "expected", "actual", "done_date", "school_id", "indicator"];
  const headers: Record<string, string> = {
    number: "№",
    section: "Раздел",
    event: "Мероприятие",
    due: "Срок",
    responsible: "Ответственный",
    expected: "Ожидаемый результат",
    actual: "Фактический результат",
    done_date: "Дата выполнения",
    school_id: "Школа",
    indicator: "Показатель",
  };
  const rows: Cell[][] = [];
  const merges: string[] = [];
  const titleRows: number[] = [];
  const pad = (cells: Cell[]) => [...new Array<Cell>(c0).fill(null), ...cells];
  if (two) {
    rows.push(pad([`Дорожная карта по поддержке ШНОР и ШНСУ на ${year} год`]), pad([`(утверждена приказом УО от 15.01.${year} № 12)`]), []);
    titleRows.push(0, 1);
  }
  const headerRow = rows.length;
  rows.push(pad(fields.map((f) => headers[f])));
  const firstDataRow = rows.length;
  let section = "";
  for (const e of events) {
    if (two && e.section !== section) {
      const r = rows.length;
      rows.push(pad([e.section]));
      merges.push(`${addr(r, c0)}:${addr(r, c0 + fields.length - 1)}`);
    }
    section = e.section;
    const value: Record<string, Cell> = {
      number: e.number,
      section: e.section,
      event: two || !e.continuation ? e.event : `${e.event} ${e.continuation}`,
      due: e.due,
      responsible: e.responsible,
      expected: e.expected,
      actual: e.actual,
      done_date: e.doneDate,
      school_id: e.schoolId,
      indicator: e.indicator,
    };
    rows.push(pad(fields.map((f) => value[f])));
    if (two && e.continuation) {
      const cont: Cell[] = fields.map(() => null);
      cont[fields.indexOf("event")] = e.continuation;
      rows.push(pad(cont));
    }
  }
  const dataRowCount = rows.length - firstDataRow;
  let totalRow: number | undefined;
  if (two) {
    totalRow = rows.length;
    rows.push(pad([`Всего мероприятий: ${events.length}`]));
  }
  const columns: Record<string, number> = {};
  fields.forEach((f, i) => (columns[f] = c0 + i));
  return {
    name: "Дорожная карта",
    rows,
    merges,
    table: { kind: "roadmap", headerRows: [headerRow], firstDataRow, dataRowCount, columns, percentFields: [], totalRow, titleRows },
    columnWidths: widths(rows, c0 + fields.length).map((w, i) => (fields[i - c0] === "event" ? Math.min(w, 60) : Math.min(w, 30))),
  };
}

/** A hidden helper sheet with the lists behind the data-validation drop-downs. */
export function listsSheet(): GeneratedSheet {
  const procedures = ["ВПР", "ОГЭ", "ЕГЭ", "РДР"];
  const subjects = ["Русский язык", "Математика", "Математика профильная", "Математика базовая", "Окружающий мир", "История", "Биология", "География", "Обществознание", "Физика", "Химия", "Читательская грамотность"];
  const yesNo = ["да", "нет"];
  const n = Math.max(procedures.length, subjects.length, yesNo.length);
  const rows: Cell[][] = [["Список процедур", "Список предметов", "Да/нет"]];
  for (let i = 0; i < n; i++) rows.push([procedures[i] ?? null, subjects[i] ?? null, yesNo[i] ?? null]);
  return { name: "Списки", rows, hidden: true, columnWidths: [18, 26, 8] };
}
