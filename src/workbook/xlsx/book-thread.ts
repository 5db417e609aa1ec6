/**
 * Node-only: the command line's workbook in a thread of its own (worker_threads). ExcelJS
 * takes seconds to load a book of tens of thousands of rows; the thread loads it while the
 * main thread reads the same file as a stream (stream-read.ts, a few times faster) and
 * computes. The thread then applies the write plan and saves the book.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import { GatewayError, type GatewayErrorKind } from "../errors";
import type { WritePlan } from "../gateway";
import { SnapshotGateway } from "../snapshot-gateway";

/** A message from the thread. */
export type ThreadMessage = { type: "loaded" } | { type: "written" } | { type: "saved" } | { type: "error"; error: ThreadError };

export interface ThreadError {
  message: string;
  kind?: GatewayErrorKind;
  code?: string;
  sheet?: string;
}

export function toThreadError(e: unknown): ThreadError {
  if (e instanceof GatewayError) return { message: e.message, kind: e.kind, code: e.code, sheet: e.sheet };
  return { message: e instanceof Error ? e.message : String(e) };
}

function fromThreadError(e: ThreadError): Error {
  return e.kind ? new GatewayError(e.kind, e.message, e.code, e.sheet) : new Error(e.message);
}

const WORKER = join(__dirname, "book-thread-worker.js");

export class BookThread {
  private readonly worker: Worker;
  private readonly next: ((m: ThreadMessage) => void)[] = [];
  private failure: Error | null = null;
  /** Resolves when the book is loaded; rejects with the loader's error. */
  readonly loaded: Promise<void>;

  private constructor(book: string) {
    this.worker = new Worker(WORKER, { workerData: { book } });
    this.worker.on("message", (m: ThreadMessage) => this.next.shift()?.(m));
    this.worker.on("error", (e) => {
      this.failure = e;
      for (const f of this.next.splice(0)) f({ type: "error", error: toThreadError(e) });
    });
    this.loaded = this.answer("loaded");
    this.loaded.catch(() => undefined); // observed by whoever awaits it
  }

  /** The thread, when the compiled worker script is there (dist/); else null. */
  static start(book: string): BookThread | null {
    return existsSync(WORKER) ? new BookThread(book) : null;
  }

  private answer(expected: ThreadMessage["type"]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) =>
      this.next.push((m) => {
        if (m.type === "error") reject(fromThreadError(m.error));
        else if (m.type === expected) resolve();
        else reject(new Error(`book thread: ${m.type} instead of ${expected}`));
      }),
    );
  }

  async write(plan: WritePlan): Promise<void> {
    await this.loaded;
    const done = this.answer("written");
    this.worker.postMessage({ type: "write", plan });
    await done;
  }

  async save(path: string): Promise<void> {
    await this.loaded;
    const done = this.answer("saved");
    this.worker.postMessage({ type: "save", path });
    await done;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Where a plan is written: the thread, or (in tests) the thread's book in this thread. */
export interface PlanWriter {
  write(plan: WritePlan): Promise<void>;
}

/** Reads from the streamed snapshots, writes through the thread's loaded book. */
export class ThreadGateway extends SnapshotGateway {
  constructor(
    sheets: SheetSnapshot[],
    private readonly writer: PlanWriter,
  ) {
    super(sheets);
  }

  override async write(plan: WritePlan): Promise<void> {
    await super.write(plan);
    await this.writer.write(plan);
  }
}
