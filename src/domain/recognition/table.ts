import type { CellRange, CellValue } from "../sheet/snapshot";

export type TableKind = "scores" | "results" | "social" | "roadmap" | "registry";

/** One data row of a recognised table. `cells` holds the whole sheet row as read, with
 *  merged areas filled (every cell of a merge carries the merge's value). */
export interface TableRow {
  /** 0-based sheet row index (row 1 of the sheet is 0). */
  row: number;
  cells: CellValue[];
}

/** A table found on a sheet by its header (workbook.md §1). */
export interface RecognizedTable {
  kind: TableKind;
  sheet: string;
  /** 0-based index of the (lower) header row. */
  headerRow: number;
  /** Field id → 0-based column index. */
  columns: Record<string, number>;
  /** Field ids whose header or group title contains «%». */
  percentColumns: Set<string>;
  rows: TableRow[];
  /** The sheet's merged areas (to tell a full-width merged section row from a typed one). */
  merges: CellRange[];
}

/**
 * A recognised table as a block of its sheet: data rows are sheet rows first … end − 1. Its
 * `rows` objects are made only when asked for: the readers of results, passports and the
 * registry go row by row through a TableCursor (an object per row was 3.2 MB of what
 * reading a region allocated, all of it kept until the run ended).
 */
export class SheetBlock implements RecognizedTable {
  private listed: TableRow[] | null = null;

  constructor(
    readonly kind: TableKind,
    readonly sheet: string,
    readonly headerRow: number,
    readonly columns: Record<string, number>,
    readonly percentColumns: Set<string>,
    readonly merges: CellRange[],
    /** The sheet's rows as read, with merges filled. */
    readonly sheetRows: CellValue[][],
    readonly first: number,
    readonly end: number,
  ) {}

  get rows(): TableRow[] {
    if (!this.listed) {
      this.listed = [];
      for (let r = this.first; r < this.end; r++) this.listed.push({ row: r, cells: this.sheetRows[r] ?? [] });
    }
    return this.listed;
  }

  get rowCount(): number {
    return this.end - this.first;
  }
}

/**
 * The data rows of a table one at a time in one reused TableRow (a block's rows are not
 * made; a table given as a list, as tests write them, is read from its list). What `at`
 * returns is good until the next call: keep its `row`, not the object.
 */
export class TableCursor {
  readonly count: number;
  private readonly block: SheetBlock | null;
  private readonly current: TableRow = { row: 0, cells: [] };

  constructor(private readonly table: RecognizedTable) {
    this.block = table instanceof SheetBlock ? table : null;
    this.count = this.block ? this.block.rowCount : table.rows.length;
  }

  /** Data row k (0 ≤ k < count). */
  at(k: number): TableRow {
    if (!this.block) return this.table.rows[k];
    this.current.row = this.block.first + k;
    this.current.cells = this.block.sheetRows[this.current.row] ?? [];
    return this.current;
  }

  /** Data row k as its own object, to keep (a reader that reports about it later). */
  copyOf(k: number): TableRow {
    const row = this.at(k);
    return { row: row.row, cells: row.cells };
  }
}
