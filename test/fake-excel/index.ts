import { FakeExcelError } from "./errors";
import { buildModel, dumpSheet, valuesOf, type FakeWorkbookModel, type SheetSpec } from "./model";
import { FakeContext, type ContextHost, type Op } from "./proxies";

export { FakeExcelError } from "./errors";
export { buildModel, dumpSheet, valuesOf, type SheetSpec, type FakeSheet, type FakeStyle, type FakeCell, type Scalar } from "./model";
export { enterValue } from "./proxies";

const MB5 = 5 * 1024 * 1024;

export interface SyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  ops: number;
  cellsRead: number;
  labels: string[];
  mergeUndoGroup: boolean;
  error?: string;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host supports (default "1.20"). */
  excelApi?: string;
  /** Other requirement sets and their versions (default SharedRuntime 1.1). */
  otherSets?: Record<string, string>;
  /** Request / response limit in bytes (default 5 MB as Excel on the web). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /** Cells one range read may return (default 5,000,000). */
  maxCellsPerRead?: number;
  /** Desktop behaviour: calls undo cannot group (Worksheet.delete, visibility) throw UndoNotSupported in a mergeUndoGroup run. */
  strictUndo?: boolean;
}

/** Returns an error to throw instead of executing a sync, or undefined to let it run. */
export type FailurePlan = (sync: { index: number; labels: string[] }) => Error | undefined;

/**
 * The fake Excel host: an in-memory workbook, `run` with Excel.run semantics, requirement
 * sets, payload limits, and counters of syncs and bytes.
 */
export class FakeExcel implements ContextHost {
  readonly syncs: SyncRecord[] = [];
  readonly runs: { mergeUndoGroup: boolean }[] = [];
  private failures: FailurePlan[] = [];

  constructor(
    public model: FakeWorkbookModel,
    readonly options: FakeExcelOptions = {},
  ) {}

  static fromSheets(specs: SheetSpec[], options: FakeExcelOptions & { structureProtected?: boolean } = {}): FakeExcel {
    return new FakeExcel(buildModel(specs, { structureProtected: options.structureProtected }), options);
  }

  /** `Excel.run`: a fresh context; commands still queued when the batch resolves are synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }): Promise<T> => {
    const ctx = new FakeContext(this, { mergeUndoGroup: options?.mergeUndoGroup === true });
    this.runs.push({ mergeUndoGroup: options?.mergeUndoGroup === true });
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };

  isSetSupported = (name: string, version: string): boolean => {
    const have = name === "ExcelApi" ? (this.options.excelApi ?? "1.20") : (this.options.otherSets ?? { SharedRuntime: "1.1" })[name];
    if (have === undefined) return false;
    return compareVersions(have, version) >= 0;
  };

  /** Makes matching future syncs fail (before anything of them is executed). */
  failWhen(plan: FailurePlan): void {
    this.failures.push(plan);
  }

  clearFailures(): void {
    this.failures = [];
  }

  get syncCount(): number {
    return this.syncs.length;
  }
  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }
  get maxCellsRead(): number {
    return Math.max(0, ...this.syncs.map((s) => s.cellsRead));
  }
  resetCounters(): void {
    this.syncs.length = 0;
    this.runs.length = 0;
  }

  dump(sheet: string): unknown {
    return dumpSheet(this.model.get(sheet));
  }
  values(sheet: string): ReturnType<typeof valuesOf> {
    return valuesOf(this.model.get(sheet));
  }

  async sync(ctx: FakeContext, ops: Op[]): Promise<void> {
    const record: SyncRecord = {
      index: this.syncs.length,
      requestBytes: 0,
      responseBytes: 0,
      ops: ops.length,
      cellsRead: 0,
      labels: ops.map((o) => o.label),
      mergeUndoGroup: ctx.options.mergeUndoGroup === true,
    };
    this.syncs.push(record);
    await Promise.resolve();
    try {
      for (const plan of this.failures) {
        const e = plan({ index: record.index, labels: record.labels });
        if (e) throw e;
      }
      record.requestBytes = Buffer.byteLength(JSON.stringify(ops.map((o) => [o.label, o.payload])), "utf8");
      const maxReq = this.options.maxRequestBytes ?? MB5;
      if (record.requestBytes > maxReq) {
        throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`);
      }
      const results: { json: unknown; deliver: () => void }[] = [];
      for (const op of ops) {
        if (op.undoUnsupported && ctx.options.mergeUndoGroup && this.options.strictUndo) {
          throw new FakeExcelError("UndoNotSupported", `${op.label} cannot be part of an undo group`);
        }
        const r = op.exec();
        if (r) {
          const cells = r.cellsRead ?? 0;
          if (cells > (this.options.maxCellsPerRead ?? 5_000_000)) {
            throw new FakeExcelError("RangeExceedsLimit", `One read of ${cells} cells exceeds the limit of 5,000,000 cells.`);
          }
          record.cellsRead = Math.max(record.cellsRead, cells);
          results.push(r);
        }
      }
      record.responseBytes = Buffer.byteLength(JSON.stringify(results.map((r) => r.json)), "utf8");
      const maxRes = this.options.maxResponseBytes ?? MB5;
      if (record.responseBytes > maxRes) {
        throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
      }
      for (const r of results) r.deliver();
    } catch (e) {
      record.error = (e as { code?: string }).code ?? String(e);
      throw e;
    }
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
