/**
 * The pane's worker protocol, in Node: a MessageChannel stands for the worker (the same
 * structured clone a Web Worker's messages get). The computation's answer survives the
 * trip whole (Maps and Sets in EngineResult included), errors come back as their kinds,
 * cancelling stops the worker, and a run through a worker equals a run in process.
 */
import { computeInProcess, computeSync, type ComputeRequest } from "../../app/compute";
import { Orchestrator, RunError } from "../../app/orchestrator";
import { GatewayError } from "../../workbook/errors";
import { MemoryGateway, smallBook } from "../../../test/support/memory-gateway";
import { book } from "../../../test/support/dynamics-book";
import { WorkerConnection, workerCompute, WorkerXlsxGateway, type WorkerLike } from "./clients";
import { computeParts, fromParts } from "./compute-parts";
import { client, Parts, serve, Transfer, type Handlers, type Port } from "./protocol";

/** The built-in type of a value (structuredClone's Maps come from Node's realm, not Jest's). */
const tag = (v: unknown) => Object.prototype.toString.call(v);

/** A "worker" on a MessageChannel: `handlers` run on the far port. */
function fakeWorker(handlers: Handlers): WorkerLike & { terminated: boolean; far: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  serve(port2 as unknown as Port, handlers);
  const w = {
    terminated: false,
    far: port2,
    onerror: null as WorkerLike["onerror"],
    get onmessage() {
      return port1.onmessage;
    },
    set onmessage(f: WorkerLike["onmessage"]) {
      port1.onmessage = f;
    },
    postMessage: (m: unknown, t?: Transferable[]) => port1.postMessage(m, t ?? []),
    terminate() {
      w.terminated = true;
      port1.close();
      port2.close();
    },
  };
  return w;
}

function request(sheets = MemoryGateway.of(smallBook())): Promise<ComputeRequest> {
  return sheets.readSheets(["Реестр ОО", "Результаты"]).then((s) => ({
    sheets: s,
    ignoreSheets: [],
    reportDate: "2026-11-22",
    today: "2026-11-24",
    previousLog: [],
    stamp: { time: "2026-11-24 09:30", version: "test" },
    settingsSheetExists: false,
  }));
}

describe("protocol", () => {
  test("values travel by structured clone: Maps, Sets, frozen objects, typed arrays; parts arrive as an array", async () => {
    const w = fakeWorker({
      echo: (v: unknown) => v,
      parts: () => new Parts([1, { two: 2 }, [3]]),
      bytes: () => {
        const b = new Uint8Array([1, 2, 3]);
        return new Transfer(b, [b.buffer]);
      },
    });
    const rpc = client(w);
    const value = { m: new Map([["a", new Set([1, 2])]]), f: Object.freeze({ x: [2025, 2026] }), u: undefined };
    expect(await rpc.call("echo", [value])).toEqual(value);
    expect(await rpc.call("parts", [])).toEqual([1, { two: 2 }, [3]]);
    expect(await rpc.call("bytes", [])).toEqual(new Uint8Array([1, 2, 3]));
    w.terminate();
  });

  test("errors come back as their kinds with their Russian messages", async () => {
    const w = fakeWorker({
      run: () => {
        throw new RunError("Расчёт отменён; книга не изменена.", "cancelled");
      },
      gateway: async () => {
        throw new GatewayError("unowned-sheet", "Лист «Сводка» создан не надстройкой", undefined, "Сводка");
      },
      plain: () => {
        throw new Error("сломалось");
      },
    });
    const rpc = client(w);
    await expect(rpc.call("run", [])).rejects.toMatchObject({ code: "cancelled", message: "Расчёт отменён; книга не изменена." });
    await expect(rpc.call("run", [])).rejects.toBeInstanceOf(RunError);
    const g = await rpc.call("gateway", []).catch((e: unknown) => e);
    expect(g).toBeInstanceOf(GatewayError);
    expect(g).toMatchObject({ kind: "unowned-sheet", sheet: "Сводка" });
    await expect(rpc.call("plain", [])).rejects.toThrow("сломалось");
    await expect(rpc.call("nope", [])).rejects.toThrow("unknown method nope");
    w.terminate();
  });
});

describe("the computation through a worker", () => {
  test("the answer in parts, cloned, equals the computation in process (EngineResult's Maps and Sets included)", async () => {
    const req = await request();
    const direct = computeSync(req);
    const travelled = fromParts(structuredClone((computeParts(req) as Parts).parts));
    expect(travelled).toEqual(direct);
    expect(tag(travelled.result.highlightRows)).toBe("[object Map]");
    expect(travelled.result.highlightRows.get("edu100001")).toEqual(direct.result.highlightRows.get("edu100001"));
  });

  test("a multi-year workbook (history Maps of Sets) survives the trip", async () => {
    const sheets = book([
      { id: "a", results: { 2024: "red", 2025: "red", 2026: "green" }, passport: { 2025: true, 2026: false } },
      { id: "b", results: { 2024: "green", 2025: "red", 2026: "red" } },
    ]);
    const req: ComputeRequest = { sheets, ignoreSheets: [], today: "2026-11-24", reportDate: "2026-11-22", previousLog: [], stamp: { time: "t", version: "v" }, settingsSheetExists: true };
    const direct = computeSync(req);
    const travelled = fromParts(structuredClone((computeParts(req) as Parts).parts));
    expect(travelled).toEqual(direct);
    expect(tag(travelled.result.history.present.get("a"))).toBe("[object Set]");
    expect(tag(travelled.result.history.timeline?.bySchool)).toBe("[object Map]");
    expect(travelled.result.history.timeline?.bySchool.get("b")).toEqual(direct.result.history.timeline?.bySchool.get("b"));
  });

  test("workerCompute gives what computeInProcess gives", async () => {
    const w = fakeWorker({ compute: (r: ComputeRequest) => computeParts(r) });
    const compute = workerCompute(new WorkerConnection(() => w));
    const req = await request();
    expect(await compute(req)).toEqual(await computeInProcess(req));
    w.terminate();
  });

  test("cancelling stops the worker and rejects with «cancelled»; the next run starts a new worker", async () => {
    const spawned: ReturnType<typeof fakeWorker>[] = [];
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const connection = new WorkerConnection(() => {
      const w = fakeWorker({
        compute: async (r: ComputeRequest) => {
          if (spawned.length === 1) await hold;
          return computeParts(r);
        },
      });
      spawned.push(w);
      return w;
    });
    const compute = workerCompute(connection);
    const controller = new AbortController();
    const first = compute(await request(), controller.signal);
    controller.abort();
    await expect(first).rejects.toMatchObject({ code: "cancelled" });
    expect(spawned[0].terminated).toBe(true);
    release();
    const second = await compute(await request());
    expect(spawned).toHaveLength(2);
    expect(second.json.schools.length).toBeGreaterThan(0);
    spawned[1].terminate();
  });

  test("a worker that fails (an uncaught error) rejects the run with a message, not a hang", async () => {
    let worker!: ReturnType<typeof fakeWorker>;
    const connection = new WorkerConnection(() => (worker = fakeWorker({ compute: () => new Promise(() => undefined) })));
    const run = workerCompute(connection)(await request());
    await Promise.resolve();
    worker.onerror?.({ message: "out of memory", preventDefault: () => undefined } as ErrorEvent);
    await expect(run).rejects.toThrow("out of memory");
    expect(worker.terminated).toBe(true);
  });

  test("the orchestrator with the worker compute writes what it writes in process", async () => {
    const w = fakeWorker({ compute: (r: ComputeRequest) => computeParts(r) });
    const now = () => new Date(2026, 10, 24, 9, 30, 0);
    const viaWorker = MemoryGateway.of(smallBook());
    const inProcess = MemoryGateway.of(smallBook());
    const a = await new Orchestrator(viaWorker, { compute: workerCompute(new WorkerConnection(() => w)) }).calculate({ now, reportDate: "2026-11-22" });
    const b = await new Orchestrator(inProcess).calculate({ now, reportDate: "2026-11-22" });
    expect(a.json).toEqual(b.json);
    expect(viaWorker.writes).toEqual(inProcess.writes);
    w.terminate();
  });

  test("the preview's workbook in a worker: the calls reach the gateway there", async () => {
    const mem = MemoryGateway.of(smallBook());
    const w = fakeWorker({
      open: () => undefined,
      listSheets: () => mem.listSheets(),
      readSheets: (names: string[]) => mem.readSheets(names),
      readOwnedSheets: () => mem.readOwnedSheets(),
      write: (plan) => mem.write(plan as never),
      removeHighlights: () => mem.removeHighlights(),
      toBuffer: () => new Uint8Array([0x50, 0x4b]),
    });
    const gw = new WorkerXlsxGateway(new WorkerConnection(() => w));
    await gw.open(new Uint8Array([0x50, 0x4b, 3, 4]));
    const outcome = await new Orchestrator(gw).calculate({ reportDate: "2026-11-22" });
    expect(outcome.written).toContain("Сводка");
    expect(mem.writes).toHaveLength(1);
    expect(await gw.readOwnedSheets()).toEqual(outcome.written);
    expect(await gw.toBuffer()).toEqual(new Uint8Array([0x50, 0x4b]));
    w.terminate();
  });
});
