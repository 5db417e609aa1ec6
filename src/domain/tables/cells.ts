import type { Problem } from "../problems";
import { parseNumber } from "../parse/number";
import type { RecognizedTable, TableRow } from "../recognition/table";
import { cellAddress } from "../sheet/address";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { ru } from "../i18n/ru";

/** Reads fields of one table row and reports problems with the cell's address. */
export class RowReader {
  constructor(
    private readonly table: RecognizedTable,
    private readonly problems: Problem[],
    readonly row: TableRow,
  ) {}

  has(field: string): boolean {
    return field in this.table.columns;
  }

  raw(field: string): CellValue {
    const col = this.table.columns[field];
    return col === undefined ? "" : this.row.cells[col] ?? "";
  }

  text(field: string): string {
    return cellText(this.raw(field));
  }

  address(field: string): string {
    return cellAddress(this.row.row, this.table.columns[field] ?? 0);
  }

  report(field: string, message: string): void {
    this.problems.push({ sheet: this.table.sheet, cell: this.address(field), message });
  }

  /** School codes: numbers (ИНН typed as a number) become their digits. */
  schoolId(field = "school_id"): string {
    const raw = this.raw(field);
    return typeof raw === "number" ? String(Math.round(raw)) : cellText(raw);
  }

  /**
   * A count (integer ≥ 0). Blank → null silently; anything else unusable → null with a
   * problem that says what was done (`action`).
   */
  count(field: string, action: string): { value: number | null; percent: boolean } {
    if (!this.has(field)) return { value: null, percent: false };
    const raw = this.raw(field);
    const parsed = parseNumber(raw);
    if (parsed.kind === "blank") return { value: null, percent: false };
    if (parsed.kind === "error") {
      this.report(field, ru.values.excelError(cellText(raw), field, action));
      return { value: null, percent: false };
    }
    if (parsed.kind === "invalid" || parsed.value < 0) {
      this.report(field, ru.values.expectedInteger(cellText(raw), field, action));
      return { value: null, percent: false };
    }
    return { value: parsed.value, percent: parsed.percent };
  }
}
