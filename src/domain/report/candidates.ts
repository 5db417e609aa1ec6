import type { SchoolResult } from "../engine/calculate";
import type { EngineResult } from "../engine/run";
import { FLAG_LABELS, REPORT_SHEETS, STATUS_LABELS } from "../i18n/ru";
import { ruDate } from "../i18n/format";
import { NOTE_STYLE, SHARE_FORMAT, SheetBuilder, SUBTITLE_STYLE, TITLE_STYLE, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { printSetup } from "./print";

const HEADER = ["№", "Код ОО", "Наименование ОО", "Муниципалитет", "Статус", "ИНР", "ИСН", "Флаги", "Основания"];
const WIDTHS = [5, 12, 40, 22, 18, 7, 7, 28, 70];

type Pick = (s: SchoolResult) => boolean;
const desc = (key: (s: SchoolResult) => number | null) => (a: SchoolResult, b: SchoolResult) => (key(b) ?? -1) - (key(a) ?? -1);
const inr = (s: SchoolResult) => s.lowResultsIndex.value;
const isn = (s: SchoolResult) => s.socialRiskIndex.value;

/** The printable lists: ШНОР, ШНСУ, резильентные, зона риска — each sorted by its index. */
export const CANDIDATE_LISTS: { title: string; pick: Pick; order: (a: SchoolResult, b: SchoolResult) => number }[] = [
  { title: "Кандидаты в ШНОР (школы с низкими образовательными результатами)", pick: (s) => s.classification.lowResults, order: desc(inr) },
  { title: "Кандидаты в ШНСУ (школы в неблагоприятных социальных условиях)", pick: (s) => s.classification.status === "shnor_shnsu" || s.classification.status === "shnsu", order: desc(isn) },
  { title: "Резильентные школы (неблагоприятные условия, устойчиво хорошие результаты)", pick: (s) => s.classification.status === "resilient", order: desc(isn) },
  { title: "Зона риска (группа профилактики учебной неуспешности)", pick: (s) => s.classification.flags.includes("risk_zone"), order: desc(inr) },
];

export function buildCandidatesSheet(result: EngineResult): ReportSheet {
  const sheet = new SheetBuilder(HEADER.length);
  sheet.banner(`Кандидаты в перечни ШНОР и ШНСУ, ${result.reportYear} год (дата отчёта ${ruDate(result.settings.reportDate)})`, TITLE_STYLE);
  sheet.banner("Списки кандидатов для анализа, а не официальный перечень; решение принимает орган управления образованием.", NOTE_STYLE);
  for (const list of CANDIDATE_LISTS) {
    const schools = result.schools.filter(list.pick).sort(list.order);
    sheet.push([]);
    const titleRow = sheet.push([`${list.title}: ${schools.length}`]);
    sheet.style({ top: titleRow, left: 0, bottom: titleRow, right: HEADER.length - 1 }, SUBTITLE_STYLE);
    const { first, last } = sheet.table(HEADER, schools.map((s, i) => row(s, i + 1)));
    if (last >= first) sheet.format({ top: first, left: 5, bottom: last, right: 6 }, SHARE_FORMAT);
  }
  return sheet.build(REPORT_SHEETS.candidates, WIDTHS, { print: printSetup(result, { titleRows: [0, 0], landscape: true }) });
}

function row(s: SchoolResult, n: number): Cell[] {
  const c = s.classification;
  return [n, s.school.id, s.school.name, s.school.municipality, STATUS_LABELS[c.status], s.lowResultsIndex.value ?? "нет данных", s.socialRiskIndex.value ?? "нет данных", c.flags.map((f) => FLAG_LABELS[f]).join(", "), c.reasons.join("; ")];
}
