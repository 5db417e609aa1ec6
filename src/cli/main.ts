import { Command, CommanderError } from "commander";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, basename, join } from "node:path";
import { Orchestrator, RunError } from "../app/orchestrator";
import { summaryLines } from "../app/messages";
import type { WorkbookGateway } from "../workbook/gateway";
import { SnapshotGateway } from "../workbook/snapshot-gateway";
import { BookThread, ThreadGateway } from "../workbook/xlsx/book-thread";
import { openXlsxFile, saveXlsxFile } from "../workbook/xlsx/file";
import { readXlsxSnapshotsStreaming } from "../workbook/xlsx/stream-read";
import { XlsxGateway } from "../workbook/xlsx/xlsx-gateway";
import { cliText } from "./messages";
import { version } from "../app/version";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** Exit codes: 0 computed (even with data problems), 1 nothing could be computed, 2 usage. */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  const program = new Command("shnor")
    .description(cliText.description)
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command("calc")
    .description(cliText.calcDescription)
    .argument("<book.xlsx>", cliText.bookArg)
    .option("-o, --output <file>", cliText.outputOption)
    .option("--json <file>", cliText.jsonOption)
    .option("--report-date <YYYY-MM-DD>", cliText.reportDateOption)
    .option("--in-place", cliText.inPlaceOption)
    .option("--no-workbook", cliText.noWorkbookOption)
    .action(async (book: string, opts: CalcOptions) => {
      code = await calc(book, opts, io);
    });
  program
    .command("unhighlight")
    .description(cliText.unhighlightDescription)
    .argument("<book.xlsx>", cliText.bookArg)
    .option("-o, --output <file>", cliText.outputOption)
    .option("--in-place", cliText.inPlaceOption)
    .action(async (book: string, opts: { output?: string; inPlace?: boolean }) => {
      const gateway = await openXlsxFile(book);
      await new Orchestrator(gateway).removeHighlights();
      const out = outputPath(book, opts);
      await saveXlsxFile(gateway, out);
      io.out(cliText.saved(out) + "\n");
    });
  try {
    await program.parseAsync(["node", "shnor", ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(`${cliText.failed}: ${(e as Error).message}\n`);
    return 1;
  }
  return code;
}

function jsonPath(book: string): string {
  return join(dirname(book), `${basename(book, extname(book))}.shnor.json`);
}

function outputPath(book: string, opts: { output?: string; inPlace?: boolean }): string {
  if (opts.output) return opts.output;
  if (opts.inPlace) return book;
  return join(dirname(book), `${basename(book, extname(book))}.shnor.xlsx`);
}

interface CalcOptions {
  output?: string;
  json?: string;
  reportDate?: string;
  inPlace?: boolean;
  /** false with --no-workbook. */
  workbook?: boolean;
}

/**
 * Above this file size the book is read as a stream and only the JSON result is written
 * (docs/decisions.md «Large workbooks»): ExcelJS holds about 1 KB per cell in memory, so a
 * book of a few million cells cannot be loaded, changed and saved whole. Overridable for
 * tests with SHNOR_LARGE_FILE_BYTES.
 */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

function largeFileBytes(): number {
  const env = Number(process.env.SHNOR_LARGE_FILE_BYTES);
  return Number.isFinite(env) && env > 0 ? env : LARGE_FILE_BYTES;
}

async function calc(book: string, opts: CalcOptions, io: Io): Promise<number> {
  if (opts.reportDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.reportDate)) {
    io.err(cliText.badDate(opts.reportDate) + "\n");
    return 2;
  }
  // (a missing file is left to the loader, which says so as it always has)
  const large = existsSync(book) && statSync(book).size > largeFileBytes();
  const writeBook = opts.workbook !== false && !large;
  const { gateway, thread } = await open(book, writeBook);
  try {
    const outcome = await new Orchestrator(gateway).calculate({ reportDate: opts.reportDate, version, write: writeBook });
    const out = outputPath(book, opts);
    const json = opts.json ?? (writeBook ? undefined : jsonPath(book));
    if (writeBook) mkdirSync(dirname(out), { recursive: true });
    if (thread) await thread.save(out);
    else if (gateway instanceof XlsxGateway) await saveXlsxFile(gateway, out);
    if (json) {
      mkdirSync(dirname(json), { recursive: true });
      writeFileSync(json, JSON.stringify(outcome.json, null, 2) + "\n", "utf8");
    }
    for (const p of outcome.json.problems) io.err(`${p.sheet}${p.cell ? "!" + p.cell : ""}: ${p.message}\n`);
    if (large && opts.workbook !== false) io.err(cliText.largeBook(Math.round(statSync(book).size / 1e6)) + "\n");
    io.out(summaryLines(outcome.json).join("\n") + "\n" + (writeBook ? cliText.saved(out) : cliText.notSaved) + (json ? "\n" + cliText.jsonSaved(json) : "") + "\n");
    const nothing = outcome.result.tables.length === 0;
    if (nothing) io.err(cliText.nothingRecognised + "\n");
    return nothing ? 1 : 0;
  } catch (e) {
    if (e instanceof RunError) {
      io.err(e.message + "\n");
      return 1;
    }
    throw e;
  } finally {
    await thread?.stop();
  }
}

/**
 * The book to compute on. Without a workbook to write it is only read, as a stream (faster,
 * and it fits in memory whatever its size). With one, ExcelJS loads it in a thread of its
 * own while this thread reads the stream and computes; the thread then writes and saves.
 * Where the thread cannot run (no compiled worker script), the book is loaded here.
 */
async function open(book: string, writeBook: boolean): Promise<{ gateway: WorkbookGateway; thread: BookThread | null }> {
  if (!writeBook) return { gateway: new SnapshotGateway(await readXlsxSnapshotsStreaming(book)), thread: null };
  const thread = BookThread.start(book);
  if (!thread) return { gateway: await openXlsxFile(book), thread: null };
  try {
    return { gateway: new ThreadGateway(await readXlsxSnapshotsStreaming(book), thread), thread };
  } catch {
    // A file the stream reader refuses: loaded here as before (works, or says what is wrong).
    await thread.stop();
    return { gateway: await openXlsxFile(book), thread: null };
  }
}
