/**
 * The passthrough end to end in this thread, as the command line's book thread runs it:
 * snapshots streamed from the file, the plan written through PassthroughBook, the book
 * saved; then read back with ExcelJS. The size threshold is 1 byte, so every plain sheet of
 * the small book is copied rather than re-rendered; `Infinity` is the path without it.
 */
import type { Workbook } from "exceljs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Orchestrator } from "../../../app/orchestrator";
import { buildPassthroughBook, FORMATTED, LINKED, PLAIN, REGISTRY, RESULTS, SOCIAL, toBuffer } from "../../../../test/fixtures/xlsx/passthrough-book";
import { loadBook } from "../../../../test/fixtures/xlsx/user-book";
import { snapshotUserSheet } from "../../../../test/support/xlsx-snapshot";
import { ThreadGateway } from "../book-thread";
import { isOurRule } from "../highlights";
import { readServiceState } from "../service-sheet";
import { readXlsxSnapshotsStreaming } from "../stream-read";
import { PassthroughBook } from "./book";

const now = () => new Date(2026, 10, 24, 9, 30, 0);

async function calc(input: string, output: string, minBytes: number): Promise<PassthroughBook> {
  const book = await PassthroughBook.open(input, minBytes);
  const gateway = new ThreadGateway(await readXlsxSnapshotsStreaming(input), book);
  await new Orchestrator(gateway).calculate({ reportDate: "2026-11-22", now });
  await book.save(output);
  return book;
}

const read = async (file: string) => loadBook(await readFile(file));

/** Every sheet of `after` pictured as in `before`, the run's highlight rules left out. */
function expectUserSheetsKept(before: Workbook, after: Workbook): void {
  const records = readServiceState(after).highlights;
  const ignoreRule = (rule: Parameters<typeof isOurRule>[0]) => isOurRule(rule, records);
  for (const ws of before.worksheets) {
    expect({ name: ws.name, picture: snapshotUserSheet(after.getWorksheet(ws.name)!, { ignoreRule }) }).toEqual({ name: ws.name, picture: snapshotUserSheet(ws) });
  }
}

function expectSameBooks(a: Workbook, b: Workbook): void {
  expect(b.worksheets.map((ws) => ws.name)).toEqual(a.worksheets.map((ws) => ws.name));
  for (const ws of a.worksheets) expect({ name: ws.name, picture: snapshotUserSheet(b.getWorksheet(ws.name)!) }).toEqual({ name: ws.name, picture: snapshotUserSheet(ws) });
}

describe("passing large plain user sheets through", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "shnor-passthrough-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function input(registry = true): Promise<string> {
    const file = join(dir, "книга.xlsx");
    await writeFile(file, await toBuffer(buildPassthroughBook({ registry })));
    return file;
  }

  test("copied sheets read back as the user's, and the book equals the one saved without the passthrough", async () => {
    const file = await input();
    const book = await calc(file, join(dir, "copied.xlsx"), 1);
    await calc(file, join(dir, "whole.xlsx"), Infinity);

    expect(book.passedThrough).toEqual(expect.arrayContaining([RESULTS, SOCIAL, PLAIN]));
    expect(book.passedThrough).not.toContain(REGISTRY); // highlighted: loaded whole before writing
    expect(book.refused).toEqual([
      { name: LINKED, reason: "hyperlinks" },
      { name: FORMATTED, reason: "conditionalFormatting" },
    ]);
    const copied = await read(join(dir, "copied.xlsx"));
    expectUserSheetsKept(await read(file), copied);
    expectSameBooks(await read(join(dir, "whole.xlsx")), copied);
  });

  test("a highlight on a stubbed sheet (the results, without a registry) loads it whole first: same book as without the passthrough", async () => {
    const file = await input(false);
    const book = await calc(file, join(dir, "copied.xlsx"), 1);
    await calc(file, join(dir, "whole.xlsx"), Infinity);

    expect(book.passedThrough).toEqual(expect.arrayContaining([SOCIAL, PLAIN]));
    expect(book.passedThrough).not.toContain(RESULTS);
    const copied = await read(join(dir, "copied.xlsx"));
    expect(readServiceState(copied).highlights.map((h) => h.sheet)).toContain(RESULTS);
    expectUserSheetsKept(await read(file), copied);
    expectSameBooks(await read(join(dir, "whole.xlsx")), copied);
  });

  test("a second run on the output: the earlier reports are replaced (nothing copied for them), the user's sheets still kept", async () => {
    const file = await input();
    await calc(file, join(dir, "first.xlsx"), 1);
    const book = await calc(join(dir, "first.xlsx"), join(dir, "second.xlsx"), 1);
    await calc(join(dir, "first.xlsx"), join(dir, "second-whole.xlsx"), Infinity);

    expect(book.passedThrough).toEqual(expect.arrayContaining([RESULTS, SOCIAL, PLAIN]));
    expect(book.passedThrough).not.toContain("Индикаторы");
    const second = await read(join(dir, "second.xlsx"));
    expectUserSheetsKept(await read(file), second);
    expectSameBooks(await read(join(dir, "second-whole.xlsx")), second);
  });
});
