/**
 * The thread of book-thread.ts: loads the book with ExcelJS, then applies the write plan
 * and saves the book when asked. One message in, one message out, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { WritePlan } from "../gateway";
import { toThreadError, type ThreadMessage } from "./book-thread";
import { openXlsxFile, saveXlsxFile } from "./file";
import type { XlsxGateway } from "./xlsx-gateway";

const port = parentPort!;
const send = (m: ThreadMessage) => port.postMessage(m);

let gateway: XlsxGateway | null = null;

openXlsxFile((workerData as { book: string }).book).then(
  (g) => {
    gateway = g;
    send({ type: "loaded" });
  },
  (e: unknown) => send({ type: "error", error: toThreadError(e) }),
);

port.on("message", (m: { type: "write"; plan: WritePlan } | { type: "save"; path: string }) => {
  const g = gateway!;
  const step = m.type === "write" ? g.write(m.plan).then(() => send({ type: "written" })) : saveXlsxFile(g, m.path).then(() => send({ type: "saved" }));
  step.catch((e: unknown) => send({ type: "error", error: toThreadError(e) }));
});
