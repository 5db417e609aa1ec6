/** A data problem, reported as workbook.md §6 asks: sheet, cell and a Russian message
 *  that says what was found, what was expected and what the add-in did. */
export interface Problem {
  sheet: string;
  /** A1-style cell, or "" when the problem concerns the whole sheet. */
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
