/**
 * Node-only: the command line's book to write (docs/decisions.md «Performance»). ExcelJS
 * takes seconds to load and to save a results sheet of tens of thousands of rows that the
 * run never changes; such a sheet is loaded as a stub and copied into the saved book from
 * the user's file (reduce.ts, restore.ts). The run reads its data elsewhere (the streamed
 * snapshots of the same file), so only writing goes through here.
 *
 * When the plan writes into a stubbed sheet (a highlight, «Настройки»), the book is loaded
 * again with that sheet whole before anything is written. A report replacing a stubbed
 * sheet of an earlier run, or deleting one, needs nothing of its content: the stub goes,
 * and nothing is copied for it.
 */
import type { Worksheet } from "exceljs";
import { readFile } from "node:fs/promises";
import type { WritePlan } from "../../gateway";
import { sheetKey } from "../../sheet-names";
import { nodeDeflate, saveStoredZip } from "../file";
import { findSheet } from "../internals";
import { XlsxGateway } from "../xlsx-gateway";
import { reducedBook, scanBook, type BookScan, type PassedSheet } from "./reduce";
import { restoredEntries } from "./restore";

/** Worksheet parts above this size (uncompressed) are passed through when they can be. */
export const PASSTHROUGH_MIN_BYTES = 1024 * 1024;

/** The size threshold; SHNOR_PASSTHROUGH_BYTES overrides it (tests use small books). */
export function passthroughMinBytes(): number {
  const env = Number(process.env.SHNOR_PASSTHROUGH_BYTES);
  return Number.isFinite(env) && env > 0 ? env : PASSTHROUGH_MIN_BYTES;
}

interface Stub {
  sheet: PassedSheet;
  worksheet: Worksheet;
}

export class PassthroughBook {
  private constructor(
    private readonly scan: BookScan,
    private gateway: XlsxGateway,
    private stubs: Stub[],
  ) {}

  static async open(path: string, minBytes = passthroughMinBytes()): Promise<PassthroughBook> {
    const scan = scanBook(await readFile(path), minBytes);
    const { gateway, stubs } = await load(scan, scan.sheets);
    return new PassthroughBook(scan, gateway, stubs);
  }

  /** The sheets that are stubs now and will be copied on save, in tab order. */
  get passedThrough(): string[] {
    return this.liveStubs().map((s) => s.worksheet.name);
  }

  /** Large sheets that could not be passed through, and why. */
  get refused(): readonly { name: string; reason: string }[] {
    return this.scan.refused;
  }

  async write(plan: WritePlan): Promise<void> {
    const touched = this.stubs.filter((s) => writesInto(plan, s.sheet.name));
    if (touched.length > 0) {
      const kept = this.stubs.filter((s) => !touched.includes(s)).map((s) => s.sheet);
      ({ gateway: this.gateway, stubs: this.stubs } = await load(this.scan, kept));
    }
    await this.gateway.write(plan);
  }

  async save(path: string): Promise<void> {
    const saved = await this.gateway.toBuffer({ stored: true });
    const replace = restoredEntries(
      saved,
      this.liveStubs().map((s) => s.sheet),
      this.scan.strings,
    );
    await saveStoredZip(saved, path, replace);
  }

  /** Stubs still in the book (a report may have replaced one, a plan deleted one). */
  private liveStubs(): Stub[] {
    const sheets = new Set(this.gateway.workbook.worksheets);
    return this.stubs.filter((s) => sheets.has(s.worksheet));
  }
}

async function load(scan: BookScan, sheets: readonly PassedSheet[]): Promise<{ gateway: XlsxGateway; stubs: Stub[] }> {
  const gateway = await XlsxGateway.fromBuffer(sheets.length > 0 ? reducedBook(scan, sheets) : scan.input, { deflate: nodeDeflate });
  const stubs: Stub[] = [];
  for (const sheet of sheets) {
    // (a part ExcelJS does not take for a worksheet is not in the book either way)
    const worksheet = findSheet(gateway.workbook, sheet.name);
    if (worksheet) stubs.push({ sheet, worksheet });
  }
  return { gateway, stubs };
}

/** Whether the plan writes into the sheet itself (not just replaces or deletes it). */
function writesInto(plan: WritePlan, name: string): boolean {
  const key = sheetKey(name);
  return plan.highlights.some((h) => sheetKey(h.sheet) === key) || (plan.settings !== null && sheetKey(plan.settings.sheet) === key);
}
