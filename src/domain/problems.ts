import { ru } from "./i18n/ru";

/** A data problem, reported as workbook.md §6 asks: sheet, cell and a Russian message
 *  that says what was found, what was expected and what the add-in did. */
export interface Problem {
  sheet: string;
  /** A1-style cell. Every problem the engine reports names one (a whole-table problem names
   *  the table's header row); "" is left for callers outside the engine. */
  cell: string;
  message: string;
}

/** Collects problems during one run; order of discovery is kept. */
export class ProblemLog {
  readonly items: Problem[] = [];

  add(sheet: string, cell: string, message: string): void {
    this.items.push({ sheet, cell, message });
  }
}

/** Problems shown per sheet; a sheet with more gets one closing line instead of the rest. */
export const MAX_PROBLEMS_PER_SHEET = 1000;

/**
 * Caps the problems of each sheet at `max`: a column of formulas copied down to row
 * 1,048,576 would otherwise give a million «пустой код ОО» lines (and a «Сводка» longer
 * than a sheet can be). The rest becomes one problem at the first left-out cell.
 */
export function capProblems(problems: Problem[], max = MAX_PROBLEMS_PER_SHEET): Problem[] {
  const perSheet = new Map<string, number>();
  const out: Problem[] = [];
  const closing = new Map<string, Problem>();
  for (const p of problems) {
    const n = (perSheet.get(p.sheet) ?? 0) + 1;
    perSheet.set(p.sheet, n);
    if (n <= max) out.push(p);
    else if (n === max + 1) {
      const line = { sheet: p.sheet, cell: p.cell, message: "" };
      closing.set(p.sheet, line);
      out.push(line);
    }
  }
  for (const [sheet, line] of closing) line.message = ru.problems.more(perSheet.get(sheet)! - max, max);
  return out;
}
