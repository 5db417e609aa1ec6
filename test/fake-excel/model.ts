import { MAX_COLS, MAX_ROWS, parseRange, rangeAddress } from "../../src/domain/sheet/address";
import type { CellRange } from "../../src/domain/sheet/snapshot";
import { intersects } from "../../src/workbook/office/a1";
import { sameSheetName } from "../../src/workbook/sheet-names";
import { FakeExcelError } from "./errors";

/**
 * The in-memory workbook behind the fake Excel: what a test builds from plain arrays and
 * inspects afterwards. Cells are stored sparsely per row; formats are per cell (as Excel
 * keeps them), so a test can compare whole sheets before and after a run.
 */

export type Scalar = string | number | boolean;
export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface FakeStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font name and underline: user formats the adapter never sets, kept for before/after pictures. */
  fontName?: string;
  underline?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  /** Border style per side of this cell ("Continuous", …). */
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", string>>;
}

export interface FakeCell {
  value: Scalar;
  /** A formula kept as written ("=A1*2"); `value` is its last computed result. */
  formula?: string;
  numberFormat?: string;
  style?: FakeStyle;
  /** Text typed with a leading apostrophe (Excel's quotePrefix). */
  quotePrefix?: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  areas: CellRange[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printTitleColumns?: string;
  printArea?: string;
  centerFooter?: string;
}

/** A chart as the fake keeps it: what the adapter asked for, addresses as A1 blocks. */
export interface FakeChart {
  name: string;
  type: string;
  /** The range `charts.add` got, and how it reads series. */
  source: string;
  seriesBy: string;
  title?: string;
  legend: { visible?: boolean; position?: string };
  /** setPosition(start, end). */
  position?: { start: string; end?: string };
  axes: Record<"category" | "value", FakeAxis>;
  series: FakeSeries[];
}

export interface FakeAxis {
  title?: string;
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  categoryNames?: string;
}

export interface FakeSeries {
  name: string;
  values?: string;
  xValues?: string;
  chartType?: string;
  markerStyle?: string;
  markerSize?: number;
  markerBackgroundColor?: string;
  markerForegroundColor?: string;
  fill?: string;
  line?: { color?: string; lineStyle?: string; weight?: number };
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

const EMPTY: FakeCell = Object.freeze({ value: "" }) as FakeCell;

export class FakeSheet {
  rows: (FakeCell | undefined)[][] = [];
  merges: CellRange[] = [];
  /** In priority order: index 0 is applied first (highest precedence). */
  conditionalFormats: FakeConditionalFormat[] = [];
  columnWidths = new Map<number, number>();
  freezeRows = 0;
  pageLayout: FakePageLayout = {};
  protected = false;
  /**
   * Notes and data validation: the adapter has no API for them here (it never touches
   * them), but a user's sheet has them, so whole-sheet pictures before and after a run
   * include them. Keyed by A1 address / range.
   */
  comments = new Map<string, string>();
  /** Charts on the sheet, and row heights in points set through `format.rowHeight`. */
  charts: FakeChart[] = [];
  rowHeights = new Map<number, number>();
  dataValidations: { range: string; rule: Record<string, unknown> }[] = [];
  constructor(
    public name: string,
    public visibility: Visibility = "Visible",
    readonly id: string = name,
  ) {}

  cell(r: number, c: number): FakeCell {
    return this.rows[r]?.[c] ?? EMPTY;
  }

  /** A cell that may be changed (created when missing). */
  writable(r: number, c: number): FakeCell {
    let row = this.rows[r];
    if (!row) row = this.rows[r] = [];
    let cell = row[c];
    if (!cell) cell = row[c] = { value: "" };
    return cell;
  }

  forEachCell(area: CellRange, f: (cell: FakeCell | undefined, r: number, c: number) => void): void {
    const bottom = Math.min(area.bottom, this.rows.length - 1);
    for (let r = area.top; r <= bottom; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const right = Math.min(area.right, row.length - 1);
      for (let c = area.left; c <= right; c++) if (row[c]) f(row[c], r, c);
    }
  }

  /** Bounding box of cells with a value (valuesOnly) or with anything at all. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const used = cell.value !== "" || cell.formula !== undefined || (!valuesOnly && (cell.style !== undefined || cell.numberFormat !== undefined));
        if (!used) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  /** Merged areas intersecting `area`. */
  mergesIn(area: CellRange): CellRange[] {
    return this.merges.filter((m) => intersects(m, area));
  }
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  enableEvents = true;
  structureProtected = false;
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** Log of calculate() calls and suspensions, for tests. */
  calculations: string[] = [];
  apiCalculationSuspensions = 0;
  screenUpdatingSuspensions = 0;
  private nextId = 1;

  newId(): string {
    return `{CF-${this.nextId++}}`;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  get(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist. (worksheet «${name}»)`);
    return s;
  }

  add(name: string): FakeSheet {
    if (this.find(name)) throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists. («${name}»)`);
    if (name.length === 0 || name.length > 31 || /[*?:/\\[\]]/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (sheet name «${name}»)`);
    }
    if (this.structureProtected) throw new FakeExcelError("AccessDenied", "The workbook structure is protected.");
    const s = new FakeSheet(name, "Visible", `sheet-${this.nextId++}`);
    this.sheets.push(s);
    return s;
  }

  remove(sheet: FakeSheet): void {
    if (this.structureProtected) throw new FakeExcelError("AccessDenied", "The workbook structure is protected.");
    const visibleOthers = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
    if (visibleOthers.length === 0) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }
}

// ----------------------------------------------------------------------------------------
// Building and inspecting

export interface SheetSpec {
  name: string;
  /** From A1; rows may be ragged; "" is an empty cell. */
  values?: Scalar[][];
  visibility?: Visibility;
  protected?: boolean;
  /** A1 ranges ("A1:C1") or 0-based blocks. */
  merges?: (string | CellRange)[];
  formulas?: { cell: string; formula: string; value: Scalar }[];
  numberFormats?: { range: string; format: string }[];
  styles?: { range: string; style: FakeStyle }[];
  conditionalFormats?: { range: string; type?: string; formula?: string; fill?: string }[];
  /** Column index → width in points. */
  columnWidths?: Record<number, number>;
  /** Notes by cell address ("B3" → text). */
  comments?: Record<string, string>;
  dataValidations?: { range: string; rule: Record<string, unknown> }[];
  freezeRows?: number;
}

export function toRange(a: string | CellRange): CellRange {
  if (typeof a !== "string") return a;
  const r = parseRange(a);
  if (!r) throw new Error(`bad range ${a}`);
  return r;
}

export function buildModel(specs: SheetSpec[], options: { structureProtected?: boolean } = {}): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.structureProtected = false;
  for (const spec of specs) {
    const s = model.add(spec.name);
    s.visibility = spec.visibility ?? "Visible";
    s.protected = spec.protected ?? false;
    (spec.values ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) s.writable(r, c).value = v;
      }),
    );
    for (const f of spec.formulas ?? []) {
      const r = toRange(f.cell);
      const cell = s.writable(r.top, r.left);
      cell.formula = f.formula;
      cell.value = f.value;
    }
    s.merges = (spec.merges ?? []).map(toRange);
    for (const nf of spec.numberFormats ?? []) {
      const r = toRange(nf.range);
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.writable(i, j).numberFormat = nf.format;
    }
    for (const st of spec.styles ?? []) {
      const r = toRange(st.range);
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) s.writable(i, j).style = { ...s.cell(i, j).style, ...st.style };
    }
    for (const cf of spec.conditionalFormats ?? []) {
      s.conditionalFormats.push({ id: model.newId(), type: cf.type ?? "Custom", areas: [toRange(cf.range)], formula: cf.formula, fill: cf.fill });
    }
    for (const [col, w] of Object.entries(spec.columnWidths ?? {})) s.columnWidths.set(Number(col), w);
    s.freezeRows = spec.freezeRows ?? 0;
    for (const [address, text] of Object.entries(spec.comments ?? {})) s.comments.set(address, text);
    s.dataValidations = (spec.dataValidations ?? []).map((v) => ({ range: v.range, rule: { ...v.rule } }));
  }
  model.structureProtected = options.structureProtected ?? false;
  model.activeSheet = specs[0]?.name ?? "";
  return model;
}

/** Values as `range.values` would give them from A1, rows cut after the last non-empty cell. */
export function valuesOf(sheet: FakeSheet): Scalar[][] {
  const out: Scalar[][] = [];
  let last = -1;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const vals: Scalar[] = [];
    let end = -1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value ?? "";
      vals.push(v);
      if (v !== "") end = c;
    }
    vals.length = end + 1;
    out.push(vals);
    if (end >= 0) last = r;
  }
  out.length = last + 1;
  return out;
}

/**
 * Everything a user could notice on a sheet, in a canonical JSON-able form: values,
 * formulas, number formats, styles, merges, conditional formats, widths, panes, layout.
 */
export function dumpSheet(sheet: FakeSheet): unknown {
  const cells: Record<string, FakeCell> = {};
  sheet.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const isEmpty = cell.value === "" && cell.formula === undefined && cell.numberFormat === undefined && cell.style === undefined;
      if (!isEmpty) cells[rangeAddress({ top: r, left: c, bottom: r, right: c })] = JSON.parse(JSON.stringify(cell));
    }),
  );
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protected,
    cells,
    merges: sheet.merges.map(rangeAddress),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, areas: cf.areas.map(rangeAddress) })),
    columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    freezeRows: sheet.freezeRows,
    comments: [...sheet.comments.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    dataValidations: sheet.dataValidations,
    pageLayout: sheet.pageLayout,
    ...(sheet.rowHeights.size > 0 ? { rowHeights: [...sheet.rowHeights.entries()].sort((a, b) => a[0] - b[0]) } : {}),
    ...(sheet.charts.length > 0 ? { charts: JSON.parse(JSON.stringify(sheet.charts)) } : {}),
  };
}

export const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
