/**
 * Node-only: the user's book before ExcelJS loads it — which worksheets are large and plain
 * enough to be passed through (sheet-scan.ts), and the same zip with each of them replaced
 * by a stub (stub-sheet.ts). Anything unexpected (not a zip, invalid UTF-8, a part that does
 * not parse) means no passthrough: ExcelJS then loads the file as it is, and says what is
 * wrong with it as it always has.
 */
import { SERVICE_SHEET } from "../../service-state";
import { sheetKey } from "../../sheet-names";
import { entryBytes, readZip, type ZipEntry } from "../zip-entries";
import { rewriteZip } from "../zip-deflate";
import { readSharedStrings, type SharedStringItems } from "./shared-strings";
import { scanSheet, type SheetScan } from "./sheet-scan";
import { stubSheetXml } from "./stub-sheet";
import { SHARED_STRINGS_PART, sheetParts, WORKBOOK_PART, WORKBOOK_RELS_PART } from "./workbook-parts";
import { decodeUtf8 } from "./xml";

export interface PassedSheet {
  name: string;
  part: string;
  scan: SheetScan;
}

export interface BookScan {
  input: Uint8Array;
  /** The sheets that can be passed through, in tab order. */
  sheets: PassedSheet[];
  /** Large sheets that cannot, and why (for tests and debugging). */
  refused: { name: string; reason: string }[];
  /** The original shared strings, when a passed sheet uses them. */
  strings: SharedStringItems | null;
}

export function scanBook(input: Uint8Array, minBytes: number): BookScan {
  const none: BookScan = { input, sheets: [], refused: [], strings: null };
  try {
    return scanParts(input, minBytes) ?? none;
  } catch {
    return none;
  }
}

function scanParts(input: Uint8Array, minBytes: number): BookScan | null {
  const archive = readZip(input);
  if (!archive) return null;
  const entries = new Map(archive.entries.map((e) => [e.name, e]));
  const text = (e: ZipEntry) => decodeUtf8(entryBytes(e));
  const workbook = entries.get(WORKBOOK_PART);
  const rels = entries.get(WORKBOOK_RELS_PART);
  if (!workbook || !rels) return null;
  // the service sheet is read from the loaded book (service-sheet.ts): never a stub
  const large = sheetParts(text(workbook), text(rels)).filter((s) => (entries.get(s.part)?.size ?? 0) > minBytes && sheetKey(s.name) !== sheetKey(SERVICE_SHEET));
  if (large.length === 0) return null;

  const book: BookScan = { input, sheets: [], refused: [], strings: null };
  for (const { name, part } of large) {
    const result = scanSheet(text(entries.get(part)!));
    if (result.eligible) book.sheets.push({ name, part, scan: result.scan });
    else book.refused.push({ name, reason: result.reason });
  }
  if (book.sheets.some((s) => s.scan.strings.length > 0)) withStrings(book, entries.get(SHARED_STRINGS_PART), text);
  return book;
}

/** Reads the original shared strings; sheets whose strings cannot be carried over are refused. */
function withStrings(book: BookScan, entry: ZipEntry | undefined, text: (e: ZipEntry) => string): void {
  const items = entry ? readSharedStrings(text(entry)) : { reason: "no shared-string table" };
  if (!("reason" in items)) book.strings = items;
  const count = "reason" in items ? 0 : items.start.length;
  book.sheets = book.sheets.filter((s) => {
    const last = s.scan.strings[s.scan.strings.length - 1];
    if (last === undefined || last < count) return true;
    book.refused.push({ name: s.name, reason: "reason" in items ? `shared strings: ${items.reason}` : `shared-string index ${last} out of range` });
    return false;
  });
}

/** The book with `sheets` replaced by stubs; the other entries are copied as they are. */
export function reducedBook(book: BookScan, sheets: readonly PassedSheet[]): Uint8Array {
  const replace = new Map(sheets.map((s) => [s.part, Buffer.from(stubSheetXml(s.scan.styles), "utf8")]));
  return rewriteZip(book.input, { replace });
}
