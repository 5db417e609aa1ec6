/* eslint-disable @typescript-eslint/no-explicit-any */
import { MAX_COLS, MAX_ROWS, parseRange, rangeAddress } from "../../src/domain/sheet/address";
import type { CellRange } from "../../src/domain/sheet/snapshot";
import { cellCount, intersects } from "../../src/workbook/office/a1";
import { FakeExcelError, propertyNotLoaded } from "./errors";
import { FakeSheet, WHOLE_SHEET, type FakeAxis, type FakeCell, type FakeChart, type FakeConditionalFormat, type FakeSeries, type FakeStyle, type FakeWorkbookModel, type Scalar } from "./model";

/**
 * Proxy objects with Office.js semantics: calls and property sets are queued; `load`
 * queues a read whose results are visible only after `context.sync()`; reading a property
 * that was not loaded throws PropertyNotLoaded; `*OrNullObject` gives an object whose
 * `isNullObject` is known after sync, and calling a method on a null object fails at sync
 * with InvalidObjectPath.
 */

export interface Op {
  label: string;
  payload: unknown;
  /** Executes against the model; may return a loaded result to deliver after the sync. */
  exec(): LoadResult | void;
  /** Excel cannot put this call into an undo group (undo docs: Worksheet.delete, visibility). */
  undoUnsupported?: boolean;
  /** Cells read by this op (for the 5,000,000-cell limit). */
  cellsRead?: number;
}

export interface LoadResult {
  json: unknown;
  deliver(): void;
  cellsRead?: number;
}

export interface ContextHost {
  model: FakeWorkbookModel;
  sync(ctx: FakeContext, ops: Op[]): Promise<void>;
}

type Tree = { [key: string]: Tree };

function parseLoad(spec?: string | string[]): Tree {
  const tree: Tree = {};
  if (spec === undefined) return tree;
  const list = Array.isArray(spec) ? spec : spec.split(",");
  for (const raw of list) {
    const path = raw.trim();
    if (!path) continue;
    let node = tree;
    for (const part of path.split("/")) node = node[part.trim()] ??= {};
  }
  return tree;
}

export class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add() {}, remove() {} };
  private queue: Op[] = [];
  constructor(
    readonly host: ContextHost,
    readonly options: { mergeUndoGroup?: boolean },
  ) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
    this.application = this.workbook.application;
  }
  get model(): FakeWorkbookModel {
    return this.host.model;
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  get pending(): number {
    return this.queue.length;
  }
  sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    return this.host.sync(this, ops);
  }
}

// ----------------------------------------------------------------------------------------

export abstract class FakeObject<M = any> {
  protected _loaded: Record<string, unknown> = {};
  protected _null: boolean | undefined;
  private readonly _children = new Map<string, FakeObject>();

  constructor(
    readonly context: FakeContext,
    private readonly _parent: FakeObject | null,
    private readonly _derive: (parentModel: any) => M | null,
    readonly _path: string,
  ) {}

  /** The model, or null for a null object; a null parent is an invalid object path. */
  _resolveOrNull(): M | null {
    const pm = this._parent ? this._parent._resolve() : undefined;
    return this._derive(pm);
  }

  _resolve(): M {
    const m = this._resolveOrNull();
    if (m === null) throw new FakeExcelError("InvalidObjectPath", `${this._path} is a null object: calls on it are invalid`);
    return m;
  }

  _deriveFrom(parentModel: unknown): M | null {
    return this._derive(parentModel);
  }

  get isNullObject(): boolean {
    if (this._null === undefined) throw propertyNotLoaded("isNullObject");
    return this._null;
  }

  load(spec?: string | string[]): this {
    const tree = parseLoad(spec);
    this.context.enqueue({
      label: `${this._path}.load`,
      payload: { load: spec ?? "*" },
      exec: () => {
        const m = this._resolveOrNull();
        if (m === null) return { json: null, deliver: () => void (this._null = true) };
        const r = collect(this, m, tree);
        return { json: r.json, cellsRead: r.cellsRead, deliver: () => ((this._null = false), r.deliver()) };
      },
    });
    return this;
  }

  toJSON(): unknown {
    return this._loaded;
  }

  /** Scalar property names loaded by `load()` without arguments. */
  _defaults(): string[] {
    return [];
  }

  /** A scalar property read from the model (unknown names are an invalid argument). */
  _scalar(_m: M, name: string): unknown {
    throw new FakeExcelError("InvalidArgument", `Property '${name}' of ${this._path} is not supported by the fake`);
  }

  /** Navigation property by name (the same instance the getter returns). */
  _nav(_name: string): FakeObject | undefined {
    return undefined;
  }

  _setLoaded(values: Record<string, unknown>): void {
    Object.assign(this._loaded, values);
  }

  _setNull(isNull: boolean): void {
    this._null = isNull;
  }

  protected get<T>(name: string): T {
    if (this._null === true) throw new FakeExcelError("InvalidObjectPath", `${this._path} is a null object`);
    if (!(name in this._loaded)) throw propertyNotLoaded(name);
    return this._loaded[name] as T;
  }

  protected child<T extends FakeObject>(name: string, make: () => T): T {
    let c = this._children.get(name);
    if (!c) this._children.set(name, (c = make()));
    return c as T;
  }

  protected op(label: string, payload: unknown, exec: (m: M) => void, extra: Partial<Op> = {}): void {
    this.context.enqueue({ label: `${this._path}.${label}`, payload, exec: () => exec(this._resolve()), ...extra });
  }
}

export abstract class FakeCollection<M = any, I = any> extends FakeObject<M> {
  private _items: FakeObject[] | undefined;
  get items(): any[] {
    if (!this._items) throw propertyNotLoaded("items");
    return this._items;
  }
  abstract _itemModels(m: M): I[];
  abstract _makeItem(item: I, index: number): FakeObject;
  _setItems(items: FakeObject[]): void {
    this._items = items;
  }
}

function collect(obj: FakeObject, model: any, tree: Tree): { json: any; deliver: () => void; cellsRead: number } {
  const keys: Tree = Object.keys(tree).length > 0 ? tree : Object.fromEntries(obj._defaults().map((k) => [k, {}]));
  const json: Record<string, unknown> = {};
  const scalars: Record<string, unknown> = {};
  const delivers: (() => void)[] = [];
  let cellsRead = 0;
  for (const [key, sub] of Object.entries(keys)) {
    if (key === "items" && obj instanceof FakeCollection) {
      const models = obj._itemModels(model);
      const items = models.map((m, i) => obj._makeItem(m, i));
      const rs = models.map((m, i) => collect(items[i], m, sub));
      json.items = rs.map((r) => r.json);
      delivers.push(() => {
        obj._setItems(items);
        for (const r of rs) r.deliver();
      });
      continue;
    }
    const child = obj._nav(key);
    if (child) {
      const cm = child._deriveFrom(model);
      if (cm === null) {
        json[key] = null;
        delivers.push(() => child._setNull(true));
        continue;
      }
      const r = collect(child, cm, sub);
      json[key] = r.json;
      cellsRead += r.cellsRead;
      delivers.push(() => (child._setNull(false), r.deliver()));
      continue;
    }
    const v = obj._scalar(model, key);
    if (key === "values" || key === "numberFormat") {
      const rows = v as unknown[][];
      cellsRead += rows.length * (rows[0]?.length ?? 0);
    }
    json[key] = v;
    scalars[key] = v;
  }
  delivers.push(() => obj._setLoaded(scalars));
  return { json, deliver: () => delivers.forEach((d) => d()), cellsRead };
}

// ----------------------------------------------------------------------------------------
// Workbook, application, runtime

export class WorkbookProxy extends FakeObject<FakeWorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, null, () => ctx.model, "workbook");
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.child("worksheets", () => new WorksheetCollectionProxy(this.context, this, (wb) => wb, "workbook.worksheets"));
  }
  get application(): ApplicationProxy {
    return this.child("application", () => new ApplicationProxy(this.context, this, (wb) => wb, "workbook.application"));
  }
  get protection(): ProtectionProxy {
    return this.child("protection", () => new ProtectionProxy(this.context, this, (wb: FakeWorkbookModel) => ({ protected: wb.structureProtected }), "workbook.protection"));
  }
  override _nav(name: string): FakeObject | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "protection") return this.protection;
    if (name === "application") return this.application;
    return undefined;
  }
}

/** `workbook.protection` (the structure) and `worksheet.protection`: read-only here. */
export class ProtectionProxy extends FakeObject<{ protected: boolean }> {
  override _defaults() {
    return ["protected"];
  }
  override _scalar(m: { protected: boolean }, name: string): unknown {
    if (name === "protected") return m.protected;
    return super._scalar(m, name);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class ApplicationProxy extends FakeObject<FakeWorkbookModel> {
  suspendApiCalculationUntilNextSync(): void {
    this.op("suspendApiCalculationUntilNextSync", {}, (m) => void m.apiCalculationSuspensions++);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.op("suspendScreenUpdatingUntilNextSync", {}, (m) => void m.screenUpdatingSuspensions++);
  }
  calculate(type: string): void {
    this.op("calculate", { type }, (m) => void m.calculations.push(type));
  }
}

export class RuntimeProxy extends FakeObject<FakeWorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, null, () => ctx.model, "runtime");
  }
  override _defaults() {
    return ["enableEvents"];
  }
  override _scalar(m: FakeWorkbookModel, name: string): unknown {
    if (name === "enableEvents") return m.enableEvents;
    return super._scalar(m, name);
  }
  get enableEvents(): boolean {
    return this.get("enableEvents");
  }
  set enableEvents(v: boolean) {
    this.op("enableEvents", { enableEvents: v }, (m) => void (m.enableEvents = v));
  }
}

// ----------------------------------------------------------------------------------------
// Worksheets

export class WorksheetCollectionProxy extends FakeCollection<FakeWorkbookModel, FakeSheet> {
  override _itemModels(m: FakeWorkbookModel): FakeSheet[] {
    return m.sheets.slice();
  }
  override _makeItem(sheet: FakeSheet): FakeObject {
    return new WorksheetProxy(this.context, this, (wb: FakeWorkbookModel) => liveSheet(wb, sheet), `worksheets[${sheet.name}]`);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, (wb: FakeWorkbookModel) => wb.get(name), `worksheets.getItem(${name})`);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this, (wb: FakeWorkbookModel) => wb.find(name) ?? null, `worksheets.getItemOrNullObject(${name})`);
  }
  add(name?: string): WorksheetProxy {
    const holder: { sheet?: FakeSheet } = {};
    const sheetName = name ?? `Лист${Date.now() % 1000}`;
    this.context.enqueue({
      label: "worksheets.add",
      payload: { add: sheetName },
      exec: () => void (holder.sheet = this._resolve().add(sheetName)),
    });
    return new WorksheetProxy(
      this.context,
      this,
      (wb: FakeWorkbookModel) => {
        if (!holder.sheet) throw new FakeExcelError("InvalidObjectPath", "worksheet used before it was added");
        return liveSheet(wb, holder.sheet);
      },
      `worksheets.add(${sheetName})`,
    );
  }
}

function liveSheet(wb: FakeWorkbookModel, sheet: FakeSheet): FakeSheet {
  if (!wb.sheets.includes(sheet)) throw new FakeExcelError("ItemNotFound", `The worksheet «${sheet.name}» no longer exists`);
  return sheet;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

interface RangeModel {
  sheet: FakeSheet;
  areas: CellRange[];
}

function checkUnprotected(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet («${sheet.name}»).`);
}

export class WorksheetProxy extends FakeObject<FakeSheet> {
  override _defaults() {
    return ["name", "visibility", "id"];
  }
  override _scalar(s: FakeSheet, name: string): unknown {
    if (name === "name") return s.name;
    if (name === "visibility") return s.visibility;
    if (name === "id") return s.id;
    if (name === "position") return this.context.model.sheets.indexOf(s);
    return super._scalar(s, name);
  }
  override _nav(name: string): FakeObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "charts") return this.charts;
    return undefined;
  }
  get charts(): ChartCollectionProxy {
    return this.child("charts", () => new ChartCollectionProxy(this.context, this, (s: FakeSheet) => s, `${this._path}.charts`));
  }
  get name(): string {
    return this.get("name");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.op("visibility", { visibility: v }, (s) => void (s.visibility = v as FakeSheet["visibility"]), { undoUnsupported: true });
  }
  get protection(): ProtectionProxy {
    return this.child("protection", () => new ProtectionProxy(this.context, this, (s: FakeSheet) => ({ protected: s.protected }), `${this._path}.protection`));
  }
  get freezePanes(): FreezePanesProxy {
    return this.child("freezePanes", () => new FreezePanesProxy(this.context, this, (s) => s, `${this._path}.freezePanes`));
  }
  get pageLayout(): PageLayoutProxy {
    return this.child("pageLayout", () => new PageLayoutProxy(this.context, this, (s) => s, `${this._path}.pageLayout`));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, (s: FakeSheet) => ({ sheet: s, areas: [address === undefined ? WHOLE_SHEET : parseOrThrow(address)] }), `${this._path}.getRange(${address ?? ""})`);
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      (s: FakeSheet) => ({ sheet: s, areas: address.split(",").map((a) => parseOrThrow(a)) }),
      `${this._path}.getRanges(${address.length > 40 ? address.slice(0, 40) + "…" : address})`,
    );
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      (s: FakeSheet) => {
        if (row < 0 || col < 0 || rowCount < 1 || colCount < 1 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLS) {
          throw new FakeExcelError("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rowCount}, ${colCount})`);
        }
        return { sheet: s, areas: [{ top: row, left: col, bottom: row + rowCount - 1, right: col + colCount - 1 }] };
      },
      `${this._path}.getRangeByIndexes(${row},${col},${rowCount},${colCount})`,
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      (s: FakeSheet) => ({ sheet: s, areas: [s.usedRange(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 }] }),
      `${this._path}.getUsedRange(${valuesOnly ?? ""})`,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      (s: FakeSheet) => {
        const used = s.usedRange(valuesOnly === true);
        return used ? { sheet: s, areas: [used] } : null;
      },
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly ?? ""})`,
    );
  }
  delete(): void {
    this.op("delete", {}, (s) => this.context.model.remove(s), { undoUnsupported: true });
  }
  activate(): void {
    this.op("activate", {}, (s) => {
      if (s.visibility !== "Visible") throw new FakeExcelError("InvalidOperation", `Cannot activate hidden sheet «${s.name}»`);
      this.context.model.activeSheet = s.name;
    });
  }
}

function parseOrThrow(address: string): CellRange {
  const r = parseRange(address);
  if (!r) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (address «${address}»)`);
  return r;
}

export class FreezePanesProxy extends FakeObject<FakeSheet> {
  freezeRows(count: number): void {
    this.op("freezeRows", { count }, (s) => void (s.freezeRows = count));
  }
  unfreeze(): void {
    this.op("unfreeze", {}, (s) => void (s.freezeRows = 0));
  }
}

export class PageLayoutProxy extends FakeObject<FakeSheet> {
  set orientation(v: string) {
    this.op("orientation", { v }, (s) => void (s.pageLayout.orientation = v));
  }
  set paperSize(v: string) {
    this.op("paperSize", { v }, (s) => void (s.pageLayout.paperSize = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.op("zoom", v, (s) => void (s.pageLayout.zoom = { ...v }));
  }
  setPrintTitleRows(address: string): void {
    this.op("setPrintTitleRows", { address }, (s) => {
      const r = parseOrThrow(address);
      if (r.left !== 0 || r.right !== MAX_COLS - 1) throw new FakeExcelError("InvalidArgument", `print title rows must be whole rows: ${address}`);
      s.pageLayout.printTitleRows = address;
    });
  }
  setPrintTitleColumns(address: string): void {
    this.op("setPrintTitleColumns", { address }, (s) => {
      const r = parseOrThrow(address);
      if (r.top !== 0 || r.bottom !== MAX_ROWS - 1) throw new FakeExcelError("InvalidArgument", `print title columns must be whole columns: ${address}`);
      s.pageLayout.printTitleColumns = address;
    });
  }
  setPrintArea(address: string): void {
    this.op("setPrintArea", { address }, (s) => {
      parseOrThrow(address);
      s.pageLayout.printArea = address;
    });
  }
  get headersFooters(): HeadersFootersProxy {
    return this.child("headersFooters", () => new HeadersFootersProxy(this.context, this, (s: FakeSheet) => s, `${this._path}.headersFooters`));
  }
}

/** `pageLayout.headersFooters` (ExcelApi 1.9): only the default footer's centre is modelled. */
export class HeadersFootersProxy extends FakeObject<FakeSheet> {
  get defaultForAllPages(): HeaderFooterProxy {
    return this.child("defaultForAllPages", () => new HeaderFooterProxy(this.context, this, (s: FakeSheet) => s, `${this._path}.defaultForAllPages`));
  }
}

export class HeaderFooterProxy extends FakeObject<FakeSheet> {
  set centerFooter(v: string) {
    this.op("centerFooter", { v }, (s) => void (s.pageLayout.centerFooter = v));
  }
}

// ----------------------------------------------------------------------------------------
// Ranges

/** What Excel does with a value typed into a cell. */
export function enterValue(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  delete cell.quotePrefix;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new FakeExcelError("InvalidArgument", `unsupported value ${JSON.stringify(input)}`);
  const s = input;
  if (s === "") {
    cell.value = "";
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = s;
    return;
  }
  if (s[0] === "'") {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const num = parseNumber(s);
  if (num !== null) {
    cell.value = num;
    return;
  }
  if (s.length > 1 && "=+-@".includes(s[0])) {
    cell.formula = s[0] === "=" ? s : "=" + s;
    cell.value = "#NAME?";
    return;
  }
  const date = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (date) {
    const serial = (Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])) - Date.UTC(1899, 11, 30)) / 86_400_000;
    cell.value = serial;
    return;
  }
  if (/^(true|истина)$/i.test(s.trim())) {
    cell.value = true;
    return;
  }
  if (/^(false|ложь)$/i.test(s.trim())) {
    cell.value = false;
    return;
  }
  cell.value = s;
}

function parseNumber(s: string): number | null {
  const m = /^\s*([+-]?)(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,](\d+))?(%?)\s*$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[1]}${m[2].replace(/[ \u00a0]/g, "")}${m[3] ? "." + m[3] : ""}`);
  return m[4] ? n / 100 : n;
}

function forEachCellOfAreas(model: RangeModel, f: (cell: FakeCell, r: number, c: number, area: CellRange) => void): void {
  for (const area of model.areas) {
    if (cellCount(area) > 5_000_000) throw new FakeExcelError("InvalidArgument", `the fake refuses a per-cell operation on ${rangeAddress(area)}`);
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) f(model.sheet.writable(r, c), r, c, area);
  }
}

function checkGrid(area: CellRange, grid: unknown, what: string): unknown[][] {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${rangeAddress(area)}).`);
  }
  return grid as unknown[][];
}

function single(m: RangeModel): CellRange {
  if (m.areas.length !== 1) throw new FakeExcelError("InvalidArgument", "operation needs a single area");
  return m.areas[0];
}

abstract class RangeLike extends FakeObject<RangeModel> {
  get format(): RangeFormatProxy {
    return this.child("format", () => new RangeFormatProxy(this.context, this, (m) => m, `${this._path}.format`));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.context, this, (m) => m, `${this._path}.conditionalFormats`));
  }
  override _nav(name: string): FakeObject | undefined {
    if (name === "format") return this.format;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
  protected addressOf(m: RangeModel): string {
    return m.areas.map((a) => `${quoteSheet(m.sheet.name)}!${rangeAddress(a)}`).join(", ");
  }
}

export class RangeProxy extends RangeLike {
  override _defaults() {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"];
  }
  override _scalar(m: RangeModel, name: string): unknown {
    const a = single(m);
    switch (name) {
      case "address":
        return this.addressOf(m);
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "cellCount":
        return cellCount(a);
      case "values":
      case "numberFormat": {
        const n = cellCount(a);
        if (n > 5_000_000) throw new FakeExcelError("RangeExceedsLimit", `The range has ${n} cells; reading more than 5,000,000 cells in one request is not allowed.`);
        const out: Scalar[][] = [];
        for (let r = a.top; r <= a.bottom; r++) {
          const row: Scalar[] = new Array(a.right - a.left + 1);
          const src = m.sheet.rows[r];
          for (let c = a.left; c <= a.right; c++) {
            const cell = src?.[c];
            row[c - a.left] = name === "values" ? (cell?.value ?? "") : (cell?.numberFormat ?? "General");
          }
          out.push(row);
        }
        return out;
      }
    }
    return super._scalar(m, name);
  }
  get values(): any[][] {
    return this.get("values");
  }
  set values(grid: any[][]) {
    this.op("values", { values: grid }, (m) => {
      checkUnprotected(m.sheet);
      const a = single(m);
      const rows = checkGrid(a, grid, "values");
      for (let r = 0; r < rows.length; r++) {
        for (let c = 0; c < rows[r].length; c++) {
          const v = rows[r][c];
          if (v === null || v === undefined) continue;
          if (v === "" && !m.sheet.rows[a.top + r]?.[a.left + c]) continue;
          enterValue(m.sheet.writable(a.top + r, a.left + c), v);
        }
      }
    });
  }
  get numberFormat(): any[][] {
    return this.get("numberFormat");
  }
  set numberFormat(grid: any[][]) {
    this.op("numberFormat", { numberFormat: grid }, (m) => {
      checkUnprotected(m.sheet);
      const a = single(m);
      const rows = checkGrid(a, grid, "numberFormat");
      for (let r = 0; r < rows.length; r++) for (let c = 0; c < rows[r].length; c++) m.sheet.writable(a.top + r, a.left + c).numberFormat = String(rows[r][c]);
    });
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      (m: RangeModel) => {
        const found = m.sheet.mergesIn(single(m));
        if (found.length > 512) throw new FakeExcelError("GeneralException", `There are ${found.length} merged areas; at most 512 can be returned.`);
        return found.length === 0 ? null : { sheet: m.sheet, areas: found };
      },
      `${this._path}.getMergedAreasOrNullObject()`,
    );
  }
  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.context, this, (m: RangeModel) => ({ sheet: m.sheet, areas: [{ ...single(m), top: 0, bottom: MAX_ROWS - 1 }] }), `${this._path}.getEntireColumn()`);
  }
  getEntireRow(): RangeProxy {
    return new RangeProxy(this.context, this, (m: RangeModel) => ({ sheet: m.sheet, areas: [{ ...single(m), left: 0, right: MAX_COLS - 1 }] }), `${this._path}.getEntireRow()`);
  }
  merge(across?: boolean): void {
    this.op("merge", { across: across ?? false }, (m) => {
      checkUnprotected(m.sheet);
      const a = single(m);
      if (across) throw new FakeExcelError("InvalidArgument", "merge(across) is not modelled");
      if (m.sheet.mergesIn(a).length > 0) throw new FakeExcelError("InvalidOperation", `merge over an existing merge at ${rangeAddress(a)}`);
      m.sheet.merges.push({ ...a });
      m.sheet.forEachCell(a, (cell, r, c) => {
        if (cell && (r !== a.top || c !== a.left)) {
          cell.value = "";
          delete cell.formula;
        }
      });
    });
  }
  unmerge(): void {
    this.op("unmerge", {}, (m) => {
      checkUnprotected(m.sheet);
      const a = single(m);
      m.sheet.merges = m.sheet.merges.filter((x) => !intersects(x, a));
    });
  }
  clear(applyTo?: string): void {
    const what = applyTo ?? "All";
    this.op("clear", { applyTo: what }, (m) => {
      checkUnprotected(m.sheet);
      const a = single(m);
      m.sheet.forEachCell(a, (cell) => {
        if (!cell) return;
        if (what === "All" || what === "Contents") {
          cell.value = "";
          delete cell.formula;
          delete cell.quotePrefix;
        }
        if (what === "All" || what === "Formats") {
          delete cell.style;
          delete cell.numberFormat;
        }
      });
      if (what === "All" || what === "Formats") {
        m.sheet.merges = m.sheet.merges.filter((x) => !(a.top <= x.top && x.bottom <= a.bottom && a.left <= x.left && x.right <= a.right));
      }
    });
  }
  select(): void {
    this.op("select", {}, (m) => {
      if (m.sheet.visibility !== "Visible") throw new FakeExcelError("InvalidSelection", "cannot select on a hidden sheet");
      this.context.model.selection = { sheet: m.sheet.name, address: m.areas.map(rangeAddress).join(",") };
    });
  }
}

export class RangeAreasProxy extends RangeLike {
  override _defaults() {
    return ["address", "areaCount"];
  }
  override _scalar(m: RangeModel, name: string): unknown {
    if (name === "address") return this.addressOf(m);
    if (name === "areaCount") return m.areas.length;
    return super._scalar(m, name);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

// ----------------------------------------------------------------------------------------
// Formats

function setStyle(m: RangeModel, label: string, change: (s: FakeStyle, cell: { r: number; c: number; area: CellRange }) => FakeStyle): void {
  checkUnprotected(m.sheet);
  forEachCellOfAreas(m, (cell, r, c, area) => {
    cell.style = change({ ...(cell.style ?? {}) }, { r, c, area });
  });
  void label;
}

export class RangeFormatProxy extends FakeObject<RangeModel> {
  get fill(): RangeFillProxy {
    return this.child("fill", () => new RangeFillProxy(this.context, this, (m) => m, `${this._path}.fill`));
  }
  get font(): RangeFontProxy {
    return this.child("font", () => new RangeFontProxy(this.context, this, (m) => m, `${this._path}.font`));
  }
  get borders(): RangeBorderCollectionProxy {
    return this.child("borders", () => new RangeBorderCollectionProxy(this.context, this, (m) => m, `${this._path}.borders`));
  }
  set wrapText(v: boolean) {
    this.op("wrapText", { v }, (m) => setStyle(m, "wrap", (s) => ({ ...s, wrap: v })));
  }
  set horizontalAlignment(v: string) {
    this.op("horizontalAlignment", { v }, (m) => setStyle(m, "h", (s) => ({ ...s, horizontal: v })));
  }
  set verticalAlignment(v: string) {
    this.op("verticalAlignment", { v }, (m) => setStyle(m, "v", (s) => ({ ...s, vertical: v })));
  }
  set columnWidth(points: number) {
    this.op("columnWidth", { points }, (m) => {
      checkUnprotected(m.sheet);
      for (const a of m.areas) for (let c = a.left; c <= a.right; c++) m.sheet.columnWidths.set(c, points);
    });
  }
  set useStandardWidth(v: boolean) {
    this.op("useStandardWidth", { v }, (m) => {
      if (!v) return;
      for (const a of m.areas) for (const c of [...m.sheet.columnWidths.keys()]) if (c >= a.left && c <= a.right) m.sheet.columnWidths.delete(c);
    });
  }
  set useStandardHeight(v: boolean) {
    this.op("useStandardHeight", { v }, (m) => {
      if (!v) return;
      for (const a of m.areas) for (const r of [...m.sheet.rowHeights.keys()]) if (r >= a.top && r <= a.bottom) m.sheet.rowHeights.delete(r);
    });
  }
  set rowHeight(points: number) {
    this.op("rowHeight", { points }, (m) => {
      checkUnprotected(m.sheet);
      if (!(points >= 0 && points <= 409)) throw new FakeExcelError("InvalidArgument", `row height ${points} is out of range`);
      for (const a of m.areas) for (let r = a.top; r <= a.bottom; r++) m.sheet.rowHeights.set(r, points);
    });
  }
}

export class RangeFillProxy extends FakeObject<RangeModel> {
  set color(v: string) {
    this.op("color", { v }, (m) => setStyle(m, "fill", (s) => ({ ...s, fill: v.toUpperCase() })));
  }
  clear(): void {
    this.op("clear", {}, (m) =>
      setStyle(m, "fill", (s) => {
        delete s.fill;
        return s;
      }),
    );
  }
}

export class RangeFontProxy extends FakeObject<RangeModel> {
  set bold(v: boolean) {
    this.op("bold", { v }, (m) => setStyle(m, "bold", (s) => ({ ...s, bold: v })));
  }
  set italic(v: boolean) {
    this.op("italic", { v }, (m) => setStyle(m, "italic", (s) => ({ ...s, italic: v })));
  }
  set color(v: string) {
    this.op("color", { v }, (m) => setStyle(m, "fontColor", (s) => ({ ...s, fontColor: v.toUpperCase() })));
  }
  set size(v: number) {
    this.op("size", { v }, (m) => setStyle(m, "fontSize", (s) => ({ ...s, fontSize: v })));
  }
}

export class RangeBorderCollectionProxy extends FakeObject<RangeModel> {
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this, (m) => m, `${this._path}.getItem(${index})`, index);
  }
}

export class RangeBorderProxy extends FakeObject<RangeModel> {
  constructor(ctx: FakeContext, parent: FakeObject, derive: (m: any) => RangeModel, path: string, readonly side: string) {
    super(ctx, parent, derive, path);
  }
  set style(v: string) {
    const side = this.side;
    this.op("style", { side, v }, (m) =>
      setStyle(m, "border", (s, { r, c, area }) => {
        const b = { ...(s.borders ?? {}) };
        if (side === "EdgeTop" && r === area.top) b.top = v;
        if (side === "EdgeBottom" && r === area.bottom) b.bottom = v;
        if (side === "EdgeLeft" && c === area.left) b.left = v;
        if (side === "EdgeRight" && c === area.right) b.right = v;
        if (side === "InsideHorizontal") {
          if (r > area.top) b.top = v;
          if (r < area.bottom) b.bottom = v;
        }
        if (side === "InsideVertical") {
          if (c > area.left) b.left = v;
          if (c < area.right) b.right = v;
        }
        return { ...s, borders: b };
      }),
    );
  }
  set weight(v: string) {
    this.op("weight", { v }, () => undefined);
  }
  set color(v: string) {
    this.op("color", { v }, () => undefined);
  }
}

// ----------------------------------------------------------------------------------------
// Conditional formats

interface CfModel {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

function liveCf(m: CfModel): CfModel {
  if (!m.sheet.conditionalFormats.includes(m.cf)) throw new FakeExcelError("ItemNotFound", `conditional format ${m.cf.id} no longer exists`);
  return m;
}

export class ConditionalFormatCollectionProxy extends FakeCollection<RangeModel, CfModel> {
  override _itemModels(m: RangeModel): CfModel[] {
    return m.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => m.areas.some((b) => intersects(a, b)))).map((cf) => ({ sheet: m.sheet, cf }));
  }
  override _makeItem(item: CfModel): FakeObject {
    return new ConditionalFormatProxy(this.context, this, () => liveCf(item), `conditionalFormats[${item.cf.id}]`);
  }
  add(type: string): ConditionalFormatProxy {
    const holder: { m?: CfModel } = {};
    this.context.enqueue({
      label: `${this._path}.add`,
      payload: { add: type },
      exec: () => {
        const m = this._resolve();
        checkUnprotected(m.sheet);
        const cf: FakeConditionalFormat = { id: this.context.model.newId(), type, areas: m.areas.map((a) => ({ ...a })) };
        m.sheet.conditionalFormats.unshift(cf); // a new rule gets the top priority
        holder.m = { sheet: m.sheet, cf };
      },
    });
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        if (!holder.m) throw new FakeExcelError("InvalidObjectPath", "conditional format used before it was added");
        return liveCf(holder.m);
      },
      `${this._path}.add(${type})`,
    );
  }
  clearAll(): void {
    this.op("clearAll", {}, (m) => {
      checkUnprotected(m.sheet);
      const hit = new Set(this._itemModels(m).map((x) => x.cf));
      m.sheet.conditionalFormats = m.sheet.conditionalFormats.filter((cf) => !hit.has(cf));
    });
  }
}

export class ConditionalFormatProxy extends FakeObject<CfModel> {
  override _defaults() {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  override _scalar(m: CfModel, name: string): unknown {
    if (name === "id") return m.cf.id;
    if (name === "type") return m.cf.type;
    if (name === "priority") return m.sheet.conditionalFormats.indexOf(m.cf);
    if (name === "stopIfTrue") return m.cf.stopIfTrue ?? false;
    return super._scalar(m, name);
  }
  override _nav(name: string): FakeObject | undefined {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  set priority(p: number) {
    this.op("priority", { p }, (m) => {
      const list = m.sheet.conditionalFormats.filter((x) => x !== m.cf);
      const at = Math.max(0, Math.min(list.length, Math.trunc(p)));
      list.splice(at, 0, m.cf);
      m.sheet.conditionalFormats = list;
    });
  }
  get custom(): CustomConditionalFormatProxy {
    return this.child(
      "custom",
      () =>
        new CustomConditionalFormatProxy(
          this.context,
          this,
          (m: CfModel) => {
            if (m.cf.type !== "Custom") throw new FakeExcelError("InvalidArgument", `conditional format ${m.cf.id} is of type ${m.cf.type}, not Custom`);
            return m;
          },
          `${this._path}.custom`,
        ),
    );
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this.child("customOrNullObject", () => new CustomConditionalFormatProxy(this.context, this, (m: CfModel) => (m.cf.type === "Custom" ? m : null), `${this._path}.customOrNullObject`));
  }
  delete(): void {
    this.op("delete", {}, (m) => {
      checkUnprotected(m.sheet);
      m.sheet.conditionalFormats = m.sheet.conditionalFormats.filter((x) => x !== m.cf);
    });
  }
}

export class CustomConditionalFormatProxy extends FakeObject<CfModel> {
  get rule(): ConditionalRuleProxy {
    return this.child("rule", () => new ConditionalRuleProxy(this.context, this, (m) => m, `${this._path}.rule`));
  }
  get format(): ConditionalRangeFormatProxy {
    return this.child("format", () => new ConditionalRangeFormatProxy(this.context, this, (m) => m, `${this._path}.format`));
  }
  override _nav(name: string): FakeObject | undefined {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return undefined;
  }
}

export class ConditionalRuleProxy extends FakeObject<CfModel> {
  override _defaults() {
    return ["formula"];
  }
  override _scalar(m: CfModel, name: string): unknown {
    if (name === "formula") return m.cf.formula ?? null;
    return super._scalar(m, name);
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(f: string) {
    this.op("formula", { f }, (m) => {
      if (!f.startsWith("=")) throw new FakeExcelError("InvalidArgument", `a rule formula must start with "=": ${f}`);
      m.cf.formula = f;
    });
  }
}

export class ConditionalRangeFormatProxy extends FakeObject<CfModel> {
  get fill(): ConditionalFillProxy {
    return this.child("fill", () => new ConditionalFillProxy(this.context, this, (m) => m, `${this._path}.fill`));
  }
  override _nav(name: string): FakeObject | undefined {
    return name === "fill" ? this.fill : undefined;
  }
}

export class ConditionalFillProxy extends FakeObject<CfModel> {
  override _defaults() {
    return ["color"];
  }
  override _scalar(m: CfModel, name: string): unknown {
    if (name === "color") return m.cf.fill ?? null;
    return super._scalar(m, name);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.op("color", { v }, (m) => void (m.cf.fill = v.toUpperCase()));
  }
}

// ----------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1–1.7: the calls the adapter makes)

interface ChartModel {
  sheet: FakeSheet;
  chart: FakeChart;
}

function liveChart(m: ChartModel): ChartModel {
  if (!m.sheet.charts.includes(m.chart)) throw new FakeExcelError("ItemNotFound", `chart «${m.chart.name}» no longer exists`);
  return m;
}

/** The single block a range proxy stands for, as "F70:F71" (charts take ranges of their sheet). */
function blockOf(range: unknown, sheet: FakeSheet, what: string): string {
  const m = (range as RangeProxy)._resolve();
  if (m.sheet !== sheet) throw new FakeExcelError("InvalidArgument", `${what}: the range is on another sheet`);
  return rangeAddress(single(m));
}

function oneColumn(address: string, what: string): string {
  const r = parseOrThrow(address);
  if (r.left !== r.right) throw new FakeExcelError("InvalidArgument", `${what}: expected one column, got ${address}`);
  return address;
}

export class ChartCollectionProxy extends FakeCollection<FakeSheet, ChartModel> {
  override _itemModels(s: FakeSheet): ChartModel[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  override _makeItem(item: ChartModel): FakeObject {
    return new ChartProxy(this.context, this, () => liveChart(item), `charts[${item.chart.name}]`);
  }
  add(type: string, source: unknown, seriesBy: string = "Auto"): ChartProxy {
    const holder: { m?: ChartModel } = {};
    this.context.enqueue({
      label: `${this._path}.add`,
      payload: { type, seriesBy },
      exec: () => {
        const s = this._resolve();
        checkUnprotected(s);
        const src = blockOf(source, s, "charts.add");
        const r = parseOrThrow(src);
        // One series per column (seriesBy Columns) or per row, named as Excel names them.
        const series: FakeSeries[] = [];
        if (seriesBy === "Rows") {
          for (let row = r.top; row <= r.bottom; row++) series.push({ name: `Ряд${series.length + 1}`, values: rangeAddress({ ...r, top: row, bottom: row }) });
        } else {
          for (let col = r.left; col <= r.right; col++) series.push({ name: `Ряд${series.length + 1}`, values: rangeAddress({ ...r, left: col, right: col }) });
        }
        const chart: FakeChart = { name: `Диаграмма ${s.charts.length + 1}`, type, source: src, seriesBy, legend: {}, axes: { category: {}, value: {} }, series };
        s.charts.push(chart);
        holder.m = { sheet: s, chart };
      },
    });
    return new ChartProxy(
      this.context,
      this,
      () => {
        if (!holder.m) throw new FakeExcelError("InvalidObjectPath", "chart used before it was added");
        return liveChart(holder.m);
      },
      `${this._path}.add(${type})`,
    );
  }
}

export class ChartProxy extends FakeObject<ChartModel> {
  override _defaults() {
    return ["name"];
  }
  override _scalar(m: ChartModel, name: string): unknown {
    if (name === "name") return m.chart.name;
    return super._scalar(m, name);
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.op("name", { v }, (m) => void (m.chart.name = v));
  }
  get title(): ChartTextProxy {
    return this.child("title", () => new ChartTextProxy(this.context, this, (m: ChartModel) => ({ set: (t: string) => void (m.chart.title = t) }), `${this._path}.title`));
  }
  get legend(): ChartLegendProxy {
    return this.child("legend", () => new ChartLegendProxy(this.context, this, (m: ChartModel) => m, `${this._path}.legend`));
  }
  get axes(): ChartAxesProxy {
    return this.child("axes", () => new ChartAxesProxy(this.context, this, (m: ChartModel) => m, `${this._path}.axes`));
  }
  get series(): ChartSeriesCollectionProxy {
    return this.child("series", () => new ChartSeriesCollectionProxy(this.context, this, (m: ChartModel) => m, `${this._path}.series`));
  }
  setPosition(start: string, end?: string): void {
    this.op("setPosition", { start, end }, (m) => {
      parseOrThrow(start);
      if (end !== undefined) parseOrThrow(end);
      m.chart.position = { start, end };
    });
  }
  delete(): void {
    this.op("delete", {}, (m) => {
      checkUnprotected(m.sheet);
      m.sheet.charts = m.sheet.charts.filter((c) => c !== m.chart);
    });
  }
}

/** A chart's or an axis's title: only `text` is modelled. */
export class ChartTextProxy extends FakeObject<{ set: (text: string) => void }> {
  set text(v: string) {
    this.op("text", { v }, (m) => m.set(v));
  }
}

export class ChartLegendProxy extends FakeObject<ChartModel> {
  set visible(v: boolean) {
    this.op("visible", { v }, (m) => void (m.chart.legend.visible = v));
  }
  set position(v: string) {
    this.op("position", { v }, (m) => void (m.chart.legend.position = v));
  }
}

export class ChartAxesProxy extends FakeObject<ChartModel> {
  get categoryAxis(): ChartAxisProxy {
    return this.child("categoryAxis", () => new ChartAxisProxy(this.context, this, (m: ChartModel) => ({ ...m, axis: m.chart.axes.category }), `${this._path}.categoryAxis`));
  }
  get valueAxis(): ChartAxisProxy {
    return this.child("valueAxis", () => new ChartAxisProxy(this.context, this, (m: ChartModel) => ({ ...m, axis: m.chart.axes.value }), `${this._path}.valueAxis`));
  }
}

export class ChartAxisProxy extends FakeObject<ChartModel & { axis: FakeAxis }> {
  get title(): ChartTextProxy {
    return this.child("title", () => new ChartTextProxy(this.context, this, (m: { axis: FakeAxis }) => ({ set: (t: string) => void (m.axis.title = t) }), `${this._path}.title`));
  }
  set minimum(v: number) {
    this.op("minimum", { v }, (m) => void (m.axis.minimum = v));
  }
  set maximum(v: number) {
    this.op("maximum", { v }, (m) => void (m.axis.maximum = v));
  }
  set majorUnit(v: number) {
    this.op("majorUnit", { v }, (m) => void (m.axis.majorUnit = v));
  }
  setCategoryNames(range: unknown): void {
    this.op("setCategoryNames", {}, (m) => void (m.axis.categoryNames = blockOf(range, m.sheet, "setCategoryNames")));
  }
}

interface SeriesModel extends ChartModel {
  series: FakeSeries;
}

export class ChartSeriesCollectionProxy extends FakeCollection<ChartModel, SeriesModel> {
  override _itemModels(m: ChartModel): SeriesModel[] {
    return m.chart.series.map((series) => ({ ...m, series }));
  }
  override _makeItem(item: SeriesModel, index: number): FakeObject {
    return new ChartSeriesProxy(this.context, this, () => item, `${this._path}[${index}]`);
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this,
      (m: ChartModel) => {
        const series = m.chart.series[index];
        if (!series) throw new FakeExcelError("ItemNotFound", `chart «${m.chart.name}» has no series ${index}`);
        return { ...m, series };
      },
      `${this._path}.getItemAt(${index})`,
    );
  }
  add(name?: string): ChartSeriesProxy {
    const holder: { m?: SeriesModel } = {};
    this.op("add", { name }, (m) => {
      const series: FakeSeries = { name: name ?? `Ряд${m.chart.series.length + 1}` };
      m.chart.series.push(series);
      holder.m = { ...m, series };
    });
    return new ChartSeriesProxy(
      this.context,
      this,
      () => {
        if (!holder.m) throw new FakeExcelError("InvalidObjectPath", "series used before it was added");
        return holder.m;
      },
      `${this._path}.add(${name ?? ""})`,
    );
  }
}

export class ChartSeriesProxy extends FakeObject<SeriesModel> {
  set name(v: string) {
    this.op("name", { v }, (m) => void (m.series.name = v));
  }
  setValues(range: unknown): void {
    this.op("setValues", {}, (m) => void (m.series.values = oneColumn(blockOf(range, m.sheet, "setValues"), "setValues")));
  }
  setXAxisValues(range: unknown): void {
    this.op("setXAxisValues", {}, (m) => void (m.series.xValues = oneColumn(blockOf(range, m.sheet, "setXAxisValues"), "setXAxisValues")));
  }
  set chartType(v: string) {
    this.op("chartType", { v }, (m) => void (m.series.chartType = v));
  }
  set markerStyle(v: string) {
    this.op("markerStyle", { v }, (m) => void (m.series.markerStyle = v));
  }
  set markerSize(v: number) {
    this.op("markerSize", { v }, (m) => void (m.series.markerSize = v));
  }
  set markerBackgroundColor(v: string) {
    this.op("markerBackgroundColor", { v }, (m) => void (m.series.markerBackgroundColor = v.toUpperCase()));
  }
  set markerForegroundColor(v: string) {
    this.op("markerForegroundColor", { v }, (m) => void (m.series.markerForegroundColor = v.toUpperCase()));
  }
  get format(): ChartSeriesFormatProxy {
    return this.child("format", () => new ChartSeriesFormatProxy(this.context, this, (m: SeriesModel) => m, `${this._path}.format`));
  }
}

export class ChartSeriesFormatProxy extends FakeObject<SeriesModel> {
  get fill(): ChartFillProxy {
    return this.child("fill", () => new ChartFillProxy(this.context, this, (m: SeriesModel) => m, `${this._path}.fill`));
  }
  get line(): ChartLineProxy {
    return this.child("line", () => new ChartLineProxy(this.context, this, (m: SeriesModel) => m, `${this._path}.line`));
  }
}

export class ChartFillProxy extends FakeObject<SeriesModel> {
  setSolidColor(color: string): void {
    this.op("setSolidColor", { color }, (m) => void (m.series.fill = color.toUpperCase()));
  }
}

export class ChartLineProxy extends FakeObject<SeriesModel> {
  set color(v: string) {
    this.op("color", { v }, (m) => void (m.series.line = { ...m.series.line, color: v.toUpperCase() }));
  }
  set lineStyle(v: string) {
    this.op("lineStyle", { v }, (m) => void (m.series.line = { ...m.series.line, lineStyle: v }));
  }
  set weight(v: number) {
    this.op("weight", { v }, (m) => void (m.series.line = { ...m.series.line, weight: v }));
  }
}
