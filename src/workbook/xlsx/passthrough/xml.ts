/**
 * Node-only: what the passthrough needs from an XML parser (saxes, the one ExcelJS reads
 * with). Parts are rewritten by splicing the original text at positions the parser gives,
 * never by searching the text: everything else stays byte for byte as the user had it.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Why a part cannot be passed through; thrown to stop a scan at the first reason. */
export class Ineligible extends Error {}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A part's bytes as text; invalid UTF-8 throws (such a part is left to ExcelJS). */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** An element of a namespace-aware parse, with where its start tag ends in the text. */
export interface Element {
  tag: SaxesTagNS;
  /** Index just past the start tag's ">" (or "/>"). */
  end: number;
  /** Index of the start tag's "<": attribute values cannot hold a raw "<", so it is the last one before `end`. */
  start: number;
  depth: number;
}

export interface ElementVisitor {
  open(element: Element): void;
  /** `end`: index just past the end tag (or past "/>" for an empty element). */
  close?(tag: SaxesTagNS, end: number, depth: number): void;
}

/**
 * Parses a (small) part with namespaces resolved, element by element. For the parts the
 * passthrough only reads or edits at a few places (workbook, relationships, shared strings,
 * the rendered stub), where speed does not matter.
 */
export function parseElements(xml: string, visitor: ElementVisitor): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  parser.on("doctype", () => {
    throw new Ineligible("DOCTYPE");
  });
  parser.on("opentag", (tag) => {
    const end = parser.position;
    visitor.open({ tag, end, start: xml.lastIndexOf("<", end - 1), depth });
    depth++;
  });
  parser.on("closetag", (tag) => {
    depth--;
    visitor.close?.(tag, parser.position, depth);
  });
  parser.write(xml).close();
}

/** An attribute by namespace and local name (unprefixed attributes have the namespace ""). */
export function attributeOf(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a: SaxesAttributeNS = tag.attributes[key];
    if (a.local === local && a.uri === uri) return a.value;
  }
  return undefined;
}

/**
 * Where the raw value of the attribute that ends just before `end` (its closing quote is
 * at `end - 1`, as saxes reports an attribute) begins: a value cannot hold its own quote.
 */
export function attributeValueStart(xml: string, end: number): number {
  return xml.lastIndexOf(xml[end - 1], end - 2) + 1;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A non-negative integer written in plain digits, else NaN. */
export function digits(text: string): number {
  return /^\d{1,9}$/.test(text) ? Number(text) : NaN;
}
