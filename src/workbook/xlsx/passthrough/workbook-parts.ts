/**
 * Node-only: which zip entry holds which worksheet, from `xl/workbook.xml` and its
 * relationships — in the user's book (to find the parts to pass through) and in the saved
 * one (ExcelJS numbers its parts its own way).
 */
import { posix } from "node:path";
import { attributeOf, MAIN_NS, PACKAGE_RELATIONSHIPS_NS, parseElements, RELATIONSHIPS_NS } from "./xml";

export const WORKBOOK_PART = "xl/workbook.xml";
export const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";
export const SHARED_STRINGS_PART = "xl/sharedStrings.xml";

const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;

export interface SheetPart {
  name: string;
  /** Zip entry name, e.g. "xl/worksheets/sheet2.xml". */
  part: string;
}

/** The book's worksheets (not chart sheets), in tab order. */
export function sheetParts(workbookXml: string, relsXml: string): SheetPart[] {
  const targets = worksheetTargets(relsXml);
  const out: SheetPart[] = [];
  parseElements(workbookXml, {
    open({ tag }) {
      if (tag.local !== "sheet" || tag.uri !== MAIN_NS) return;
      const name = attributeOf(tag, "", "name");
      const part = targets.get(attributeOf(tag, RELATIONSHIPS_NS, "id") ?? "");
      if (name !== undefined && part !== undefined) out.push({ name, part });
    },
  });
  return out;
}

/** Relationship id → the worksheet's entry name (targets are relative to `xl/`). */
function worksheetTargets(relsXml: string): Map<string, string> {
  const out = new Map<string, string>();
  parseElements(relsXml, {
    open({ tag }) {
      if (tag.local !== "Relationship" || tag.uri !== PACKAGE_RELATIONSHIPS_NS) return;
      const [id, type, target, mode] = ["Id", "Type", "Target", "TargetMode"].map((a) => attributeOf(tag, "", a));
      if (id === undefined || type !== WORKSHEET_TYPE || target === undefined || mode === "External") return;
      out.set(id, target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join("xl", target)));
    },
  });
  return out;
}
