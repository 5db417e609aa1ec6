/**
 * Node-only: the original worksheet text with its style ids and shared-string indices
 * replaced by the saved book's, at the places the scan recorded. Nothing else changes.
 */
import { STYLE_SITE, type SheetScan } from "./sheet-scan";

export interface IdMaps {
  /** Original style id → the saved book's. */
  style: ReadonlyMap<number, number>;
  /** Original shared-string index → the saved book's. */
  string: ReadonlyMap<number, number>;
}

export function rewriteSheet(scan: SheetScan, maps: IdMaps): string {
  const { xml, sites } = scan;
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < sites.start.length; i++) {
    const map = sites.kind[i] === STYLE_SITE ? maps.style : maps.string;
    const id = map.get(sites.value[i]);
    if (id === undefined) throw new Error(`passthrough: no new id for ${sites.kind[i] === STYLE_SITE ? "style" : "string"} ${sites.value[i]}`);
    parts.push(xml.slice(at, sites.start[i]), String(id));
    at = sites.end[i];
  }
  parts.push(xml.slice(at));
  return parts.join("");
}
