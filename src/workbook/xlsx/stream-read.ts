/**
 * Node-only: the sheets of an .xlsx file as snapshots, read as a stream (ExcelJS's streaming
 * WorkbookReader for the zip, the workbook, its relationships, shared strings and styles; the
 * worksheets parsed here, straight into snapshot rows). A workbook of a million rows does not
 * fit in memory as an ExcelJS Workbook (about 1 KB per cell); this holds only the values.
 *
 * The snapshots are the ones `snapshotOf` gives for the same file read in memory: the same
 * values (dates by number format, formula results, error texts, rich text joined), merges
 * (cells under a merge blank, as ExcelJS makes them), hidden state, ragged rows cut after the
 * last value and trailing empty rows dropped.
 */
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import { createReadStream } from "node:fs";
import type { CellRange, CellValue, SheetSnapshot } from "../../domain/sheet/snapshot";
import { parseRange } from "../../domain/sheet/address";
import { toCellValue } from "./read-sheet";

/* eslint-disable @typescript-eslint/no-require-imports */
// ExcelJS's own helpers (the ones its readers use), for identical results.
const parseSax = require("exceljs/lib/utils/parse-sax") as (iterable: AsyncIterable<unknown>) => AsyncIterable<SaxEvent[]>;
const exceljsUtils = require("exceljs/lib/utils/utils") as { isDateFmt(fmt: string | undefined): boolean; excelToDate(v: number, date1904?: boolean): Date; xmlDecode(s: string): string };
/* eslint-enable @typescript-eslint/no-require-imports */

type SaxEvent = { eventType: "opentag"; value: { name: string; attributes: Record<string, string> } } | { eventType: "text"; value: string } | { eventType: "closetag"; value: { name: string } };

/** What the WorkbookReader knows once workbook.xml, its rels, shared strings and styles are read. */
interface ReaderState {
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { date1904?: boolean };
}

interface ReadSheet {
  snapshot: SheetSnapshot;
  /** Tab position (the workbook's sheet order). */
  order: number;
}

/** The WorkbookReader's own methods (they are not in its type declarations). */
const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;

/**
 * ExcelJS's WorkbookReader with its worksheet step replaced: each worksheet becomes a
 * snapshot as it streams by (its own WorksheetReader would build Row and Cell objects and
 * skips merged cells).
 */
class SnapshotReader extends ExcelJS.stream.xlsx.WorkbookReader {
  readonly sheets: ReadSheet[] = [];

  // ExcelJS decodes each chunk of a part on its own, which splits a Cyrillic letter that
  // straddles two chunks: the parts are decoded as streams of text instead.
  _parseRels(entry: Readable): Promise<void> {
    return base._parseRels.call(this, entry.setEncoding("utf8")) as Promise<void>;
  }

  _parseWorkbook(entry: Readable): Promise<void> {
    return base._parseWorkbook.call(this, entry.setEncoding("utf8")) as Promise<void>;
  }

  _parseStyles(entry: Readable): Promise<void> {
    return base._parseStyles.call(this, entry.setEncoding("utf8")) as Promise<void>;
  }

  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return base._parseSharedStrings.call(this, entry.setEncoding("utf8")) as AsyncGenerator<unknown>;
  }

  *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }> {
    const state = this as unknown as ReaderState;
    const target = (t: string) => t.replace(/^\/?xl\//, "") === `worksheets/sheet${sheetNo}.xml`;
    const rel = (state.workbookRels ?? []).find((r) => target(r.Target));
    const sheets = state.model?.sheets ?? [];
    const order = rel ? sheets.findIndex((s) => s.rId === rel.Id) : -1;
    const info = order >= 0 ? sheets[order] : undefined;
    const name = info?.name ?? `Sheet${sheetNo}`;
    const hidden = info?.state !== undefined && info.state !== "visible";
    // The caller awaits this before the zip moves on (the entry must be read now).
    yield { eventType: "worksheet", value: readWorksheet(iterator, state).then((s) => this.sheets.push({ snapshot: { name, hidden, ...s }, order: order >= 0 ? order : sheets.length + Number(sheetNo) })) };
  }
}

/** Bytes → text across chunk boundaries (a multi-byte letter may be split between chunks). */
async function* utf8(chunks: AsyncIterable<unknown>): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Reads every sheet of the file (hidden ones too), in tab order. */
export async function readXlsxSnapshotsStreaming(path: string): Promise<SheetSnapshot[]> {
  return readSnapshotsFrom(createReadStream(path));
}

export async function readSnapshotsFrom(input: Readable): Promise<SheetSnapshot[]> {
  // the zip reader does not hear of the file's errors (a missing file, a read error)
  let fail: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  input.once("error", (e) => fail(e));
  const read = async () => {
    const reader = new SnapshotReader(input, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
    const parse = (reader as unknown as { parse(): AsyncIterable<{ eventType: string; value: unknown }> }).parse();
    for await (const { eventType, value } of parse) {
      if (eventType === "worksheet") await value;
    }
    return reader.sheets.sort((a, b) => a.order - b.order).map((s) => s.snapshot);
  };
  try {
    return await Promise.race([read(), failed]);
  } finally {
    input.destroy();
  }
}

/** One worksheet's cells and merges, as snapshot rows. */
async function readWorksheet(iterator: AsyncIterable<unknown>, state: ReaderState): Promise<{ values: CellValue[][]; merges: CellRange[] }> {
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  const date1904 = state.properties?.date1904 === true;
  const isDate = new Map<number, boolean>();
  const dateStyle = (s: number) => {
    let d = isDate.get(s);
    if (d === undefined) isDate.set(s, (d = exceljsUtils.isDateFmt(state.styles.getStyleModel(s)?.numFmt)));
    return d;
  };

  let inData = false;
  let rowIndex = -1;
  let row: CellValue[] | null = null;
  // the cell being read
  let col = -1;
  let type = "";
  let style = 0;
  let hasFormula = false;
  let text: string | null = null;
  let inText = false;
  let inInline = false;

  const endCell = () => {
    if (!row) return;
    const v = cellValue(text, type, hasFormula, style);
    if (v !== "") {
      while (row.length < col) row.push("");
      row[col] = v;
    }
  };
  const cellValue = (raw: string | null, t: string, formula: boolean, s: number): CellValue => {
    if (raw === null) return "";
    if (formula) {
      // a formula's cached result, as ExcelJS reads it (cell-xform.js: parseClose, reconcile)
      const result: unknown = t === "str" ? exceljsUtils.xmlDecode(raw) : t === "b" ? parseInt(raw, 10) !== 0 : t === "e" ? { error: raw } : parseFloat(raw);
      if (s && dateStyle(s)) return toCellValue(exceljsUtils.excelToDate(result as number, date1904));
      return toCellValue(result);
    }
    switch (t) {
      case "s":
        return toCellValue(state.sharedStrings?.[parseInt(raw, 10)]);
      case "str":
        return exceljsUtils.xmlDecode(raw);
      case "inlineStr":
        return raw;
      case "b":
        return parseInt(raw, 10) !== 0;
      case "e":
        return raw;
      default: {
        const n = parseFloat(raw);
        if (s && dateStyle(s)) return toCellValue(exceljsUtils.excelToDate(n, date1904));
        return toCellValue(n);
      }
    }
  };

  for await (const events of parseSax(utf8(iterator))) {
    for (const e of events) {
      if (e.eventType === "opentag") {
        const a = e.value.attributes;
        switch (e.value.name) {
          case "sheetData":
            inData = true;
            break;
          case "row":
            if (!inData) break;
            rowIndex = a.r ? parseInt(a.r, 10) - 1 : rowIndex + 1;
            row = [];
            col = -1;
            break;
          case "c":
            if (!row) break;
            col = a.r ? columnOf(a.r) : col + 1;
            type = a.t ?? "";
            style = a.s ? parseInt(a.s, 10) : 0;
            hasFormula = false;
            text = null;
            break;
          case "f":
            hasFormula = true;
            break;
          case "v":
            inText = true;
            text ??= "";
            break;
          case "is":
            inInline = true;
            text = "";
            break;
          case "t":
            if (inInline) inText = true;
            break;
          case "mergeCell": {
            const r = a.ref ? parseRange(a.ref) : null;
            if (r) merges.push(r);
            break;
          }
        }
      } else if (e.eventType === "text") {
        if (inText) text = (text ?? "") + e.value;
      } else {
        switch (e.value.name) {
          case "v":
          case "t":
            inText = false;
            break;
          case "is":
            inInline = false;
            break;
          case "c":
            endCell();
            break;
          case "row":
            if (row) {
              while (values.length < rowIndex) values.push([]);
              values[rowIndex] = row;
              row = null;
            }
            break;
          case "sheetData":
            inData = false;
            break;
        }
      }
    }
  }
  return finish(values, merges);
}

/** «AB12» → 27 (0-based column). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * As ExcelJS makes a loaded merge: one merge per top-left cell (the last one listed wins),
 * every other cell of it blank; merges sorted top to bottom, left to right; rows cut after
 * their last value and trailing empty rows dropped.
 */
function finish(values: CellValue[][], listed: CellRange[]): { values: CellValue[][]; merges: CellRange[] } {
  const byMaster = new Map<string, CellRange>();
  for (const m of listed) byMaster.set(`${m.top}:${m.left}`, m);
  const merges = [...byMaster.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < values.length; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = "";
    }
  }
  let last = -1;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    let end = row.length - 1;
    while (end >= 0 && row[end] === "") end--;
    row.length = end + 1;
    values[r] = row;
    if (end >= 0) last = r;
  }
  values.length = last + 1;
  return { values, merges };
}
