import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS } from "../i18n/ru";
import { subjectShort } from "../parse/subject";
import { NOTE_STYLE, SheetBuilder, TITLE_STYLE, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { printSetup } from "./print";

const HEADER = ["Код ОО", "Наименование ОО", "Муниципалитет", "Год", "Признак", "Предмет", "Класс", "Описание", `Признаки необъективности в отчётном году`];
const WIDTHS = [12, 40, 22, 7, 9, 16, 7, 70, 18];

/** «Объективность»: every sign per school × subject × grade × year (methodology.md §4). */
export function buildObjectivitySheet(result: EngineResult): ReportSheet {
  const sheet = new SheetBuilder(HEADER.length);
  sheet.banner(`Признаки необъективности результатов (${result.reportYear - 2}–${result.reportYear})`, TITLE_STYLE);
  sheet.banner("Признаки необъективности — требуется анализ. Это не вывод о необъективности.", NOTE_STYLE);
  const rows: Cell[][] = [];
  for (const s of result.schools) {
    for (const sign of [...s.signs].sort((a, b) => a.year - b.year || a.sign.localeCompare(b.sign))) {
      rows.push([s.school.id, s.school.name, s.school.municipality, sign.year, sign.sign, subjectShort(sign.subject), sign.grade, sign.text, s.hasSignsT ? "да" : "нет"]);
    }
  }
  if (rows.length === 0) rows.push(["Признаков не найдено"]);
  sheet.table(HEADER, rows);
  return sheet.build(REPORT_SHEETS.objectivity, WIDTHS, { freezeRows: 3, print: printSetup(result, { titleRows: [2, 2], landscape: true }) });
}
