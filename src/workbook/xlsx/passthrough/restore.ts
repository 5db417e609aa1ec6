/**
 * Node-only: the saved book's entries that replace ExcelJS's rendering of the stubs — each
 * passed sheet's original text with the saved book's style ids (read from the rendered
 * stub) and shared-string indices (its strings appended to the saved table).
 */
import { entryBytes, readZip, type ZipEntry } from "../zip-entries";
import type { PassedSheet } from "./reduce";
import { appendSharedStrings, sharedStringItem, type SharedStringItems } from "./shared-strings";
import { rewriteSheet } from "./sheet-rewrite";
import { probedStyleIds } from "./stub-sheet";
import { SHARED_STRINGS_PART, sheetParts, WORKBOOK_PART, WORKBOOK_RELS_PART } from "./workbook-parts";
import { decodeUtf8 } from "./xml";

/** Entry name → new bytes, for `rewriteZip`. `saved`: the zip ExcelJS wrote. */
export function restoredEntries(saved: Uint8Array, sheets: readonly PassedSheet[], strings: SharedStringItems | null): Map<string, Uint8Array> {
  const replace = new Map<string, Uint8Array>();
  if (sheets.length === 0) return replace;
  const archive = readZip(saved);
  if (!archive) throw new Error("passthrough: the saved book is not a zip");
  const entries = new Map(archive.entries.map((e) => [e.name, e]));
  const text = (name: string) => decodeUtf8(entryBytes(entryOf(entries, name)));

  const stringIds = appendStrings(text, sheets, strings, replace);
  const parts = new Map(sheetParts(text(WORKBOOK_PART), text(WORKBOOK_RELS_PART)).map((s) => [s.name, s.part]));
  for (const sheet of sheets) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`passthrough: sheet «${sheet.name}» is not in the saved book`);
    const styles = sheet.scan.styles;
    const probed = probedStyleIds(text(part), styles);
    const styleIds = new Map(styles.map((s, i) => [s, probed[i]]));
    replace.set(part, Buffer.from(rewriteSheet(sheet.scan, { style: styleIds, string: stringIds }), "utf8"));
  }
  return replace;
}

/** Appends the strings the sheets use to the saved table; original index → saved index. */
function appendStrings(text: (name: string) => string, sheets: readonly PassedSheet[], strings: SharedStringItems | null, replace: Map<string, Uint8Array>): Map<number, number> {
  const used = [...new Set(sheets.flatMap((s) => s.scan.strings))].sort((a, b) => a - b);
  if (used.length === 0) return new Map();
  if (!strings) throw new Error("passthrough: the original shared strings were not read");
  const refs = sheets.reduce((n, s) => n + s.scan.sharedRefs, 0);
  const { xml, offset } = appendSharedStrings(
    text(SHARED_STRINGS_PART),
    used.map((i) => sharedStringItem(strings, i)),
    refs,
  );
  replace.set(SHARED_STRINGS_PART, Buffer.from(xml, "utf8"));
  return new Map(used.map((original, k) => [original, offset + k]));
}

function entryOf(entries: Map<string, ZipEntry>, name: string): ZipEntry {
  const entry = entries.get(name);
  if (!entry) throw new Error(`passthrough: no ${name} in the saved book`);
  return entry;
}
