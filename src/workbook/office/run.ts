/**
 * What the adapter needs from its host, injected so the fake Excel can stand in:
 * - `run`: `Excel.run` (one RequestContext per call; `mergeUndoGroup` when asked);
 * - `isSetSupported`: `Office.context.requirements.isSetSupported`.
 */

export interface RunOptions {
  /** ExcelApi 1.20: all syncs of this run form one undo step. */
  mergeUndoGroup?: boolean;
}

export type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

export type IsSetSupported = (name: string, version: string) => boolean;

export interface OfficeGatewayOptions {
  run: RunFn;
  isSetSupported: IsSetSupported;
  /** Cells per values read/write call (a block of whole rows). Default 100,000. */
  chunkCells?: number;
  /**
   * Bytes allowed per request and per response (one `sync()`): the hosts reject 5 MB;
   * quality.md asks for at most 4 MB. Default 3,000,000.
   */
  maxPayloadBytes?: number;
  /** Cells read per `sync()` at most (Excel fails one read over 5,000,000). Default 4,000,000. */
  maxCellsPerSync?: number;
}

export interface Limits {
  chunkCells: number;
  maxPayloadBytes: number;
  maxCellsPerSync: number;
}

export function limitsOf(o: OfficeGatewayOptions): Limits {
  return {
    chunkCells: o.chunkCells ?? 100_000,
    maxPayloadBytes: o.maxPayloadBytes ?? 3_000_000,
    maxCellsPerSync: Math.min(o.maxCellsPerSync ?? 4_000_000, 5_000_000),
  };
}

/**
 * The real host: `Excel.run`, with `mergeUndoGroup` passed only when asked (older hosts
 * may not accept the options overload).
 */
export function excelRun(): RunFn {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T> =>
    options?.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
}

export function officeIsSetSupported(): IsSetSupported {
  return (name, version) => {
    try {
      return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(name, version) === true;
    } catch {
      return false;
    }
  };
}
