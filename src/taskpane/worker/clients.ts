/**
 * The main thread's side of the pane's workers: the orchestrator's compute step and (in the
 * browser preview) the workbook itself, each a call to a Web Worker. The pane then never
 * runs the engine or ExcelJS on its own thread: Excel keeps responding, the progress bar
 * moves, «Отмена» works during the computation (the worker is stopped).
 */
import type { Compute, ComputeRequest } from "../../app/compute";
import { computeInProcess } from "../../app/compute";
import { appText } from "../../app/messages";
import { RunError } from "../../app/orchestrator";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import type { SheetInfo, WorkbookGateway, WritePlan } from "../../workbook/gateway";
import { fromParts } from "./compute-parts";
import { client, type Client, type Port } from "./protocol";

/** A worker as the clients use it (a Web Worker, or a test double). */
export interface WorkerLike extends Port {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** A started worker with its call client; `stop` terminates it and fails its pending calls. */
export class WorkerConnection {
  private worker: WorkerLike | null = null;
  private rpc: Client | null = null;

  constructor(private readonly spawn: () => WorkerLike) {}

  private get client(): Client {
    if (!this.rpc) {
      const worker = this.spawn();
      const rpc = client(worker);
      worker.onerror = (event) => {
        event.preventDefault?.();
        rpc.fail(new Error(event.message || appText.workerFailed));
        this.stop();
      };
      this.worker = worker;
      this.rpc = rpc;
    }
    return this.rpc;
  }

  call<T>(method: string, args: unknown[], transfer?: Transferable[]): Promise<T> {
    return this.client.call<T>(method, args, transfer);
  }

  /** Stops the worker; the next call starts a fresh one. */
  stop(error?: Error): void {
    if (error) this.rpc?.fail(error);
    this.worker?.terminate();
    this.worker = null;
    this.rpc = null;
  }
}

/**
 * The compute step in a worker. Cancelling stops the worker at once (the computation is
 * one synchronous call there); the next run starts a new one. Without Worker support the
 * computation runs in this thread.
 */
export function workerCompute(connection: WorkerConnection | null): Compute {
  if (!connection) return computeInProcess;
  return (request: ComputeRequest, signal?: AbortSignal) => {
    if (signal?.aborted) return Promise.reject(new RunError(appText.cancelled, "cancelled"));
    const onAbort = () => connection.stop(new RunError(appText.cancelled, "cancelled"));
    signal?.addEventListener("abort", onAbort, { once: true });
    return connection
      .call<unknown[]>("compute", [request])
      .then(fromParts)
      .finally(() => signal?.removeEventListener("abort", onAbort));
  };
}

/**
 * The browser preview's workbook, held by a worker (ExcelJS loads, changes and saves the
 * book there). The same calls as XlsxGateway, plus opening and saving.
 */
export class WorkerXlsxGateway implements WorkbookGateway {
  constructor(private readonly connection: WorkerConnection) {}

  /** Loads the book (the bytes are handed over to the worker, not copied). */
  async open(bytes: Uint8Array): Promise<void> {
    await this.connection.call("open", [bytes], [bytes.buffer]);
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.connection.call("listSheets", []);
  }

  readSheets(names: string[]): Promise<SheetSnapshot[]> {
    return this.connection.call("readSheets", [names]);
  }

  readOwnedSheets(): Promise<string[]> {
    return this.connection.call("readOwnedSheets", []);
  }

  async write(plan: WritePlan): Promise<void> {
    await this.connection.call("write", [plan]);
  }

  async removeHighlights(): Promise<void> {
    await this.connection.call("removeHighlights", []);
  }

  toBuffer(): Promise<Uint8Array> {
    return this.connection.call("toBuffer", []);
  }
}
