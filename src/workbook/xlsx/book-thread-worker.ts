/**
 * The thread of book-thread.ts: loads the book with ExcelJS (large plain sheets as stubs,
 * passthrough/book.ts), then applies the write plan and saves the book when asked. One
 * message in, one message out, in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { WritePlan } from "../gateway";
import { toThreadError, type ThreadMessage } from "./book-thread";
import { PassthroughBook } from "./passthrough/book";

const port = parentPort!;
const send = (m: ThreadMessage) => port.postMessage(m);

let book: PassthroughBook | null = null;

PassthroughBook.open((workerData as { book: string }).book).then(
  (b) => {
    book = b;
    send({ type: "loaded" });
  },
  (e: unknown) => send({ type: "error", error: toThreadError(e) }),
);

port.on("message", (m: { type: "write"; plan: WritePlan } | { type: "save"; path: string }) => {
  const b = book!;
  const step = m.type === "write" ? b.write(m.plan).then(() => send({ type: "written" })) : b.save(m.path).then(() => send({ type: "saved" }));
  step.catch((e: unknown) => send({ type: "error", error: toThreadError(e) }));
});
