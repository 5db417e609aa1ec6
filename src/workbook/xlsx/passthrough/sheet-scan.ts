/**
 * Node-only: one pass of the parser over a worksheet part, deciding whether it can be
 * copied into the saved book instead of being loaded and re-rendered by ExcelJS, and
 * recording the only places that would then change: style ids (`s` of cells and rows,
 * `style` of columns) and shared-string indices (the value of `t="s"` cells). Both number
 * spaces are the book's, and the saved book's differ (ExcelJS renumbers the styles and
 * writes its own shared strings).
 *
 * A sheet is eligible when nothing else in it points outside the part: no relationship
 * (`r:id` — hyperlinks, drawings, notes, tables, printer settings), no differential style
 * (`dxfId`, conditional formats), no extension list, no cell metadata (`cm`/`vm`, kept in
 * parts ExcelJS drops), no namespace declared below the root (the prefixes are the root's,
 * so `<x:c>` works), no element of another namespace (e.g. mc:AlternateContent).
 */
import { SaxesParser, type SaxesAttributePlain, type SaxesTagPlain } from "saxes";
import { attributeValueStart, digits, Ineligible, MAIN_NS, RELATIONSHIPS_NS } from "./xml";

/** Top-level elements that refer to other parts or to differential styles. */
const REFUSED_ELEMENTS = new Set(["conditionalFormatting", "extLst", "hyperlinks", "smartTags"]);

export const STYLE_SITE = 0;
export const STRING_SITE = 1;

/** The places to rewrite, in document order: raw text [start, end) holds `value`. */
export interface Sites {
  start: number[];
  end: number[];
  value: number[];
  kind: (typeof STYLE_SITE | typeof STRING_SITE)[];
}

export interface SheetScan {
  xml: string;
  /** Style ids used by cells, rows and columns, ascending, without repeats. */
  styles: number[];
  /** Shared-string indices used, ascending, without repeats. */
  strings: number[];
  /** Number of shared-string cells (the `count` of the shared-string table). */
  sharedRefs: number;
  sites: Sites;
}

export type ScanResult = { eligible: true; scan: SheetScan } | { eligible: false; reason: string };

export function scanSheet(xml: string): ScanResult {
  try {
    return { eligible: true, scan: new Scanner(xml).run() };
  } catch (e) {
    if (e instanceof Ineligible) return { eligible: false, reason: e.message };
    return { eligible: false, reason: `not well-formed: ${(e as Error).message}` };
  }
}

class Scanner {
  // Four handlers: saxes slows down several times over with a few more (its parser object
  // takes them as new properties and leaves V8's fast mode), so the XML declaration and the
  // content of values are checked from the text instead of through events.
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly sites: Sites = { start: [], end: [], value: [], kind: [] };
  private readonly styles = new Set<number>();
  private readonly strings = new Set<number>();
  private sharedRefs = 0;
  private depth = 0;
  /** The prefix (with its colon) of the spreadsheet namespace, "" when it is the default. */
  private mainPrefix = "";
  private declared = new Set<string>(["xml:"]);
  private relationshipPrefixes = new Set<string>();
  /** Local name of the element whose start tag is being read. */
  private tag = "";
  private cellType = "";
  /** Where the value of a shared-string cell starts, while inside its <v>; else -1. */
  private valueStart = -1;

  constructor(private readonly xml: string) {
    const p = this.parser;
    p.on("opentagstart", (t) => this.openStart(t.name));
    p.on("attribute", (a) => this.attribute(a));
    p.on("opentag", (t) => this.open(t));
    p.on("closetag", () => this.close());
  }

  run(): SheetScan {
    this.parser.write(this.xml).close();
    const ascending = (s: Set<number>) => [...s].sort((a, b) => a - b);
    return { xml: this.xml, styles: ascending(this.styles), strings: ascending(this.strings), sharedRefs: this.sharedRefs, sites: this.sites };
  }

  private openStart(name: string): void {
    if (this.depth === 0) return; // the root: checked with its attributes
    if (this.mainPrefix === "") {
      if (name.indexOf(":") >= 0) throw new Ineligible(`element ${name}`);
      this.tag = name;
    } else {
      if (!name.startsWith(this.mainPrefix)) throw new Ineligible(`element ${name}`);
      this.tag = name.slice(this.mainPrefix.length);
    }
    if (this.tag === "c") this.cellType = "";
  }

  private attribute(a: SaxesAttributePlain): void {
    if (this.depth === 0) return;
    const name = a.name;
    const colon = name.indexOf(":");
    if (colon >= 0 || name === "xmlns") this.prefixed(name, colon);
    else if (name === "dxfId") throw new Ineligible("dxfId");
    else if (this.tag === "c") {
      if (name === "s") this.site(STYLE_SITE, a.value);
      else if (name === "t") this.cellType = a.value;
      else if (name === "cm" || name === "vm") throw new Ineligible(`cell metadata (${name})`);
    } else if ((this.tag === "row" && name === "s") || (this.tag === "col" && name === "style")) this.site(STYLE_SITE, a.value);
  }

  private prefixed(name: string, colon: number): void {
    const prefix = colon < 0 ? "" : name.slice(0, colon + 1);
    if (prefix === "xmlns:" || name === "xmlns") throw new Ineligible("namespace declared below the root");
    if (this.relationshipPrefixes.has(prefix)) throw new Ineligible(`relationship (${name})`);
    if (!this.declared.has(prefix)) throw new Ineligible(`undeclared prefix (${name})`);
  }

  private open(t: SaxesTagPlain): void {
    if (this.depth++ === 0) return this.root(t, this.parser.position);
    if (this.valueStart >= 0) throw new Ineligible("element inside a cell value");
    if (REFUSED_ELEMENTS.has(this.tag)) throw new Ineligible(this.tag);
    if (this.tag === "v" && this.cellType === "s") this.valueStart = this.parser.position;
  }

  private root(t: SaxesTagPlain, end: number): void {
    // a DTD could give attributes defaults that neither saxes nor ExcelJS would see
    if (this.xml.slice(0, this.xml.lastIndexOf("<", end - 1)).includes("<!DOCTYPE")) throw new Ineligible("DOCTYPE");
    // (read here: the parser forgets the declaration when the document ends)
    const encoding = this.parser.xmlDecl.encoding;
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) throw new Ineligible(`encoding ${encoding}`);
    const uris = new Map<string, string>();
    for (const [name, uri] of Object.entries(t.attributes)) {
      if (name === "xmlns") uris.set("", uri);
      else if (name.startsWith("xmlns:")) uris.set(name.slice(6) + ":", uri);
    }
    const colon = t.name.indexOf(":");
    this.mainPrefix = colon < 0 ? "" : t.name.slice(0, colon + 1);
    if (t.name.slice(colon + 1) !== "worksheet" || uris.get(this.mainPrefix) !== MAIN_NS) throw new Ineligible(`root ${t.name}`);
    for (const [prefix, uri] of uris) {
      this.declared.add(prefix);
      if (uri === RELATIONSHIPS_NS) this.relationshipPrefixes.add(prefix);
    }
  }

  private close(): void {
    this.depth--;
    if (this.valueStart < 0) return;
    // the end tag of a shared-string cell's <v>: its content must be the index in plain digits
    // (no entity, comment or CDATA — Excel writes none there)
    const end = this.xml.lastIndexOf("<", this.parser.position - 1);
    if (end > this.valueStart) {
      const raw = this.xml.slice(this.valueStart, end);
      const index = digits(raw);
      if (Number.isNaN(index)) throw new Ineligible(`shared-string index «${raw}»`);
      this.push(STRING_SITE, this.valueStart, end, index);
      this.strings.add(index);
      this.sharedRefs++;
    }
    this.valueStart = -1;
  }

  private site(kind: typeof STYLE_SITE, raw: string): void {
    const id = digits(raw);
    if (Number.isNaN(id)) throw new Ineligible(`style id «${raw}»`);
    const end = this.parser.position - 1; // the attribute event comes just past the closing quote
    this.push(kind, attributeValueStart(this.xml, end + 1), end, id);
    this.styles.add(id);
  }

  private push(kind: typeof STYLE_SITE | typeof STRING_SITE, start: number, end: number, value: number): void {
    this.sites.start.push(start);
    this.sites.end.push(end);
    this.sites.value.push(value);
    this.sites.kind.push(kind);
  }
}
