/**
 * The pane's worker protocol: a call is `{ id, method, args }`, its answer `{ id, ok, value }`
 * or `{ id, ok: false, error }`. Arguments and values travel by structured clone (plain
 * objects, arrays, Maps, Sets, typed arrays); errors travel as their fields and come back as
 * the same kinds (RunError, GatewayError, Error) with the same Russian message.
 *
 * Both ends are written against a minimal port (`postMessage` + `onmessage`), so the
 * protocol is tested in Node with a MessageChannel, without a browser.
 */
import { RunError } from "../../app/orchestrator";
import { GatewayError, type GatewayErrorKind } from "../../workbook/errors";

export interface Call {
  id: number;
  method: string;
  args: unknown[];
}

/** A value may come in several parts (`part` of `parts`): each message is read by the
 *  receiving thread as one task, so a big answer is split to keep every task short. */
export type Answer = { id: number; ok: true; value: unknown; part?: number; parts?: number } | { id: number; ok: false; error: WireError };

export interface WireError {
  message: string;
  name?: string;
  run?: RunError["code"];
  gateway?: { kind: GatewayErrorKind; code?: string; sheet?: string };
}

/** What both ends need of a Worker, a worker's global scope or a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** A handler may ask for buffers in its value to be transferred, not copied. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}

/** A handler's value sent as separate messages, one per part; the caller gets the array. */
export class Parts {
  constructor(readonly parts: unknown[]) {}
}

export type Handlers = Record<string, (...args: never[]) => unknown>;

export function toWire(e: unknown): WireError {
  if (e instanceof RunError) return { message: e.message, name: e.name, run: e.code };
  if (e instanceof GatewayError) return { message: e.message, name: e.name, gateway: { kind: e.kind, code: e.code, sheet: e.sheet } };
  if (e instanceof Error) return { message: e.message, name: e.name };
  return { message: typeof e === "string" ? e : String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.run) return new RunError(w.message, w.run);
  if (w.gateway) return new GatewayError(w.gateway.kind, w.message, w.gateway.code, w.gateway.sheet);
  const e = new Error(w.message);
  if (w.name) e.name = w.name;
  return e;
}

/** The worker's side: answers every call with its handler's (awaited) value or error. */
export function serve(port: Port, handlers: Handlers): void {
  port.onmessage = async (event: MessageEvent) => {
    const { id, method, args } = event.data as Call;
    try {
      const handler = handlers[method];
      if (!handler) throw new Error(`unknown method ${method}`);
      const value = await (handler as (...a: unknown[]) => unknown)(...args);
      if (value instanceof Transfer) port.postMessage({ id, ok: true, value: value.value } satisfies Answer, value.transfer);
      else if (value instanceof Parts) value.parts.forEach((part, i) => port.postMessage({ id, ok: true, value: part, part: i, parts: value.parts.length } satisfies Answer));
      else port.postMessage({ id, ok: true, value } satisfies Answer);
    } catch (e) {
      port.postMessage({ id, ok: false, error: toWire(e) } satisfies Answer);
    }
  };
}

/** The caller's side: `call` resolves with the answer; `fail` rejects every pending call. */
export interface Client {
  call<T>(method: string, args: unknown[], transfer?: Transferable[]): Promise<T>;
  fail(error: Error): void;
}

export function client(port: Port): Client {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; parts?: unknown[]; received?: number }>();
  port.onmessage = (event: MessageEvent) => {
    const answer = event.data as Answer;
    const p = pending.get(answer.id);
    if (!p) return;
    if (answer.ok && answer.parts !== undefined) {
      p.parts ??= new Array<unknown>(answer.parts);
      p.parts[answer.part!] = answer.value;
      p.received = (p.received ?? 0) + 1;
      if (p.received < answer.parts) return;
      pending.delete(answer.id);
      p.resolve(p.parts);
      return;
    }
    pending.delete(answer.id);
    if (answer.ok) p.resolve(answer.value);
    else p.reject(fromWire(answer.error));
  };
  return {
    call<T>(method: string, args: unknown[], transfer: Transferable[] = []) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        port.postMessage({ id, method, args } satisfies Call, transfer);
      });
    },
    fail(error: Error) {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    },
  };
}
