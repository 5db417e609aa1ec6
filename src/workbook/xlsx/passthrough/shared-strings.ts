/**
 * Node-only: the shared-string table on both sides of the passthrough. The original's items
 * (`<si>`, rich text and all) that passed-through sheets use are copied, as written, to the
 * end of the table ExcelJS saves; the sheets' indices then point past ExcelJS's own items.
 * Only the items in use are copied, so the table does not grow from run to run.
 */
import { escapeXml, Ineligible, MAIN_NS, parseElements } from "./xml";

export interface SharedStringItems {
  xml: string;
  /** Raw text [start[i], end[i]) of item i. */
  start: number[];
  end: number[];
}

/**
 * The items of the original table, or why they cannot be copied: they must be in the
 * default namespace (they are moved under ExcelJS's root), declare no namespace of their
 * own, and have no phonetic properties (those point at a font of the original styles).
 */
export function readSharedStrings(xml: string): SharedStringItems | { reason: string } {
  const items: SharedStringItems = { xml, start: [], end: [] };
  try {
    parseElements(xml, {
      open({ tag, start, depth }) {
        if (tag.uri !== MAIN_NS || tag.prefix !== "") throw new Ineligible(`element ${tag.name}`);
        if (depth === 0 ? tag.local !== "sst" : Object.keys(tag.ns).length > 0) throw new Ineligible(`element ${tag.name}`);
        if (tag.local === "phoneticPr") throw new Ineligible("phonetic properties");
        for (const a of Object.values(tag.attributes)) if (depth > 0 && a.prefix !== "" && a.prefix !== "xml") throw new Ineligible(`attribute ${a.name}`);
        if (depth === 1 && tag.local === "si") items.start.push(start);
      },
      close(tag, end, depth) {
        if (depth === 1 && tag.local === "si") items.end.push(end);
      },
    });
  } catch (e) {
    return { reason: e instanceof Ineligible ? e.message : `not well-formed: ${(e as Error).message}` };
  }
  return items;
}

export function sharedStringItem(items: SharedStringItems, index: number): string {
  return items.xml.slice(items.start[index], items.end[index]);
}

interface RootTag {
  name: string;
  start: number;
  end: number;
  selfClosing: boolean;
  attributes: [string, string][];
}

/**
 * ExcelJS's saved table with `extra` items appended; `extraRefs` cells more refer to it.
 * Returns the new table and the index of the first appended item.
 */
export function appendSharedStrings(saved: string, extra: readonly string[], extraRefs: number): { xml: string; offset: number } {
  let root = null as RootTag | null; // (set by the parse below)
  let count = 0;
  let close = -1;
  parseElements(saved, {
    open({ tag, start, end, depth }) {
      if (depth === 0) root = { name: tag.name, start, end, selfClosing: tag.isSelfClosing, attributes: Object.values(tag.attributes).map((a) => [a.name, a.value]) };
      else if (depth === 1 && tag.local === "si") count++;
    },
    close(_tag, end, depth) {
      if (depth === 0) close = end;
    },
  });
  const r = root;
  if (!r || close < 0) throw new Error("passthrough: no shared-string table in the saved book");
  const attributes = r.attributes.map(([name, value]) => {
    if (name === "count") return [name, String(Number(value) + extraRefs)];
    if (name === "uniqueCount") return [name, String(count + extra.length)];
    return [name, value];
  });
  const open = `<${r.name}${attributes.map(([n, v]) => ` ${n}="${escapeXml(v)}"`).join("")}>`;
  const inner = r.selfClosing ? "" : saved.slice(r.end, saved.lastIndexOf("<", close - 1));
  const xml = saved.slice(0, r.start) + open + inner + extra.join("") + `</${r.name}>` + saved.slice(close);
  return { xml, offset: count };
}
