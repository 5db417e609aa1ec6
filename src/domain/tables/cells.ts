import type { Problem } from "../problems";
import { isDateSerial, serialToIso } from "../parse/date";
import { isExcelError, parseNumber } from "../parse/number";
import type { RecognizedTable, TableRow } from "../recognition/table";
import { cellAddress } from "../sheet/address";
import type { CellValue } from "../sheet/snapshot";
import { cellText } from "../text/normalize";
import { ruDate } from "../i18n/format";
import { ru } from "../i18n/ru";

/** A number that is a count as it is (the common case: no parsing needed). */
export const plainCount = (raw: unknown): raw is number => typeof raw === "number" && raw >= 0 && raw <= Number.MAX_SAFE_INTEGER;

/** Reads fields of one table row and reports problems with the cell's address. */
export class RowReader {
  constructor(
    private readonly table: RecognizedTable,
    private readonly problems: Problem[],
    private current: TableRow,
  ) {}

  get row(): TableRow {
    return this.current;
  }

  /** The same reader on another row of the table (one reader for a million-row sheet). */
  moveTo(row: TableRow): this {
    this.current = row;
    return this;
  }

  has(field: string): boolean {
    return field in this.table.columns;
  }

  raw(field: string): CellValue {
    const col = this.table.columns[field];
    return col === undefined ? "" : this.row.cells[col] ?? "";
  }

  text(field: string): string {
    const raw = this.raw(field);
    // A date in the «Год» column is quoted as the date a person sees, not as its serial number.
    if (field === "year" && typeof raw === "number" && isDateSerial(raw)) {
      const iso = serialToIso(raw);
      if (iso) return ruDate(iso);
    }
    return cellText(raw);
  }

  /**
   * An Excel error value (#Н/Д, #ССЫЛКА!, #DIV/0!) in one of the row's key cells: reported
   * at its cell, and the caller skips the row (an error is not a school code or a year).
   */
  keyError(fields: string[]): boolean {
    for (const field of fields) {
      // Error values arrive as text: other cells need no look (this runs on every row).
      if (typeof this.raw(field) !== "string") continue;
      const text = this.text(field);
      if (text.startsWith("#") && isExcelError(text)) {
        this.report(field, ru.values.excelError(text, field, ru.rows.skipped));
        return true;
      }
    }
    return false;
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
    // no parse (and no parsed object) for a plain number: with one reader per table, this
    // halved what reading a region's social passport allocated (4.1 → 2.3 MB)
    if (plainCount(raw)) return { value: raw, percent: false };
    const parsed = parseNumber(raw);
    if (parsed.kind === "blank") return { value: null, percent: false };
    if (parsed.kind === "error") {
      this.report(field, ru.values.excelError(cellText(raw), field, action));
      return { value: null, percent: false };
    }
    // Beyond 2^53 integers are not exact: no head count is that large, and sums would drift.
    if (parsed.kind === "invalid" || parsed.value < 0 || parsed.value > Number.MAX_SAFE_INTEGER) {
      // A boolean cell is shown as Excel shows it («ИСТИНА»), not as «true».
      this.report(field, ru.values.expectedInteger(parsed.kind === "invalid" ? parsed.text : cellText(raw), field, action));
      return { value: null, percent: false };
    }
    return { value: parsed.value, percent: parsed.percent };
  }
}
