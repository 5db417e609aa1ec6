import { Command, CommanderError } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, extname, basename, join } from "node:path";
import { Orchestrator, RunError } from "../app/orchestrator";
import { summaryLines } from "../app/messages";
import { openXlsxFile, saveXlsxFile } from "../workbook/xlsx/file";
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
    .action(async (book: string, opts: { output?: string; json?: string; reportDate?: string; inPlace?: boolean }) => {
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

function outputPath(book: string, opts: { output?: string; inPlace?: boolean }): string {
  if (opts.output) return opts.output;
  if (opts.inPlace) return book;
  return join(dirname(book), `${basename(book, extname(book))}.shnor.xlsx`);
}

async function calc(book: string, opts: { output?: string; json?: string; reportDate?: string; inPlace?: boolean }, io: Io): Promise<number> {
  if (opts.reportDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.reportDate)) {
    io.err(cliText.badDate(opts.reportDate) + "\n");
    return 2;
  }
  const gateway = await openXlsxFile(book);
  try {
    const outcome = await new Orchestrator(gateway).calculate({ reportDate: opts.reportDate, version });
    const out = outputPath(book, opts);
    mkdirSync(dirname(out), { recursive: true });
    await saveXlsxFile(gateway, out);
    if (opts.json) {
      mkdirSync(dirname(opts.json), { recursive: true });
      writeFileSync(opts.json, JSON.stringify(outcome.json, null, 2) + "\n", "utf8");
    }
    for (const p of outcome.json.problems) io.err(`${p.sheet}${p.cell ? "!" + p.cell : ""}: ${p.message}\n`);
    io.out(summaryLines(outcome.json).join("\n") + "\n" + cliText.saved(out) + (opts.json ? "\n" + cliText.jsonSaved(opts.json) : "") + "\n");
    const nothing = outcome.result.tables.length === 0;
    if (nothing) io.err(cliText.nothingRecognised + "\n");
    return nothing ? 1 : 0;
  } catch (e) {
    if (e instanceof RunError) {
      io.err(e.message + "\n");
      return 1;
    }
    throw e;
  }
}
