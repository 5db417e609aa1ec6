import type { SchoolResult } from "../engine/calculate";
import type { EngineResult } from "../engine/run";
import { FLAG_LABELS, INDICATOR_NAMES, REPORT_SHEETS, STATUS_LABELS } from "../i18n/ru";
import { ruDate } from "../i18n/format";
import { SheetBuilder, SHARE_FORMAT, TITLE_STYLE, NOTE_STYLE, ZONE_FILLS, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { printSetup } from "./print";

/** Fixed columns before the indicator values; the status column is what highlights look up. */
export const INDICATOR_COLUMNS = ["Код ОО", "Наименование ОО", "Муниципалитет", "Статус", "Флаги", "ИНР", "ИНР₁(t)", "ИНР₁(t−1)", "ИСН", "ИСБ", "Факторы"] as const;
export const STATUS_COLUMN = 3;
/** Rows above the table: a title and a note. */
export const INDICATOR_HEADER_ROW = 2;

/** «Индикаторы»: every school with all values, zone colours, indices, status, flags, reasons. */
export function buildIndicatorsSheet(result: EngineResult): ReportSheet {
  const ids = indicatorIds(result.schools);
  const header = [...INDICATOR_COLUMNS, ...ids.map((id) => `${id} ${INDICATOR_NAMES[id.startsWith("R4.") ? "R4" : id] ?? ""}${id.startsWith("R4.") ? ` (${id.slice(3)})` : ""}`), "Основания"];
  const sheet = new SheetBuilder(header.length);
  sheet.banner(`Индикаторы ШНОР/ШНСУ за ${result.reportYear} год (двухлетние показатели — за ${result.reportYear - 1}–${result.reportYear}); дата отчёта ${ruDate(result.settings.reportDate)}`, TITLE_STYLE);
  sheet.banner("Кандидаты и признаки — не официальный перечень и не вывод; «нет данных» — показатель не вычислен. Цвет: зелёная, жёлтая, красная зона.", NOTE_STYLE);
  const rows = result.schools.map((s) => schoolRow(s, ids));
  const { first, last } = sheet.table(header, rows);
  if (last >= first) {
    sheet.format({ top: first, left: 5, bottom: last, right: 9 }, SHARE_FORMAT);
    sheet.format({ top: first, left: INDICATOR_COLUMNS.length, bottom: last, right: INDICATOR_COLUMNS.length + ids.length - 1 }, SHARE_FORMAT);
    ids.forEach((id, i) => sheet.fillRuns(INDICATOR_COLUMNS.length + i, first, result.schools.map((s) => s.indicators[id]?.zone ?? null), ZONE_FILLS));
  }
  const widths = [12, 40, 24, 20, 30, 7, 8, 9, 7, 7, 8, ...ids.map(() => 9), 80];
  return sheet.build(REPORT_SHEETS.indicators, widths, {
    freezeRows: INDICATOR_HEADER_ROW + 1,
    // Too wide for one page: three pages wide, the header row and the code and name columns
    // repeated on every page.
    print: printSetup(result, { titleRows: [INDICATOR_HEADER_ROW, INDICATOR_HEADER_ROW], titleColumns: [0, 1], landscape: true, pagesWide: 3 }),
  });
}

function indicatorIds(schools: SchoolResult[]): string[] {
  return schools.length ? Object.keys(schools[0].indicators) : [];
}

const noData = "нет данных";
const num = (v: number | null): Cell => (v === null ? noData : v);

function schoolRow(s: SchoolResult, ids: string[]): Cell[] {
  const c = s.classification;
  return [
    s.school.id,
    s.school.name,
    s.school.municipality,
    STATUS_LABELS[c.status],
    c.flags.map((f) => FLAG_LABELS[f]).join(", "),
    num(s.lowResultsIndex.value),
    num(s.lowResultsIndexT.value),
    num(s.lowResultsIndexT1.value),
    num(s.socialRiskIndex.value),
    num(s.socialRiskIndex.value === null ? null : 100 - s.socialRiskIndex.value),
    s.factors.length,
    ...ids.map((id) => {
      const m = s.indicators[id];
      if (m.value === null) return noData;
      return /^(R7|S6|S7|S8|S9|S14)$/.test(id) ? (m.value ? "да" : "нет") : m.value;
    }),
    c.reasons.join("; "),
  ];
}
