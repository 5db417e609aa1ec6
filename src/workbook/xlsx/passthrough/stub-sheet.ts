/**
 * Node-only: the small worksheet ExcelJS loads in place of a passed-through one. It holds a
 * numeric cell per style id the original uses (A1, A2, … in the order of `styles`), so
 * ExcelJS carries each of those styles into the saved book and its rendering of the stub
 * tells the new id of each; and one text cell, so the saved book always has a shared-string
 * table the original's strings can join.
 */
import { attributeOf, escapeXml, MAIN_NS, parseElements } from "./xml";

const PROBE_TEXT = "passthrough";

export function stubSheetXml(styles: readonly number[]): string {
  const rows = styles.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${s}"><v>0</v></c>${i === 0 ? textCell() : ""}</row>`);
  if (rows.length === 0) rows.push(`<row r="1">${textCell()}</row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

function textCell(): string {
  return `<c r="B1" t="inlineStr"><is><t>${escapeXml(PROBE_TEXT)}</t></is></c>`;
}

/**
 * The style ids ExcelJS gave the probe cells, as rendered in the saved book: result[i] is
 * the new id of `styles[i]`. A cell without `s` has style 0.
 */
export function probedStyleIds(renderedStub: string, styles: readonly number[]): number[] {
  const found = new Map<number, number>();
  parseElements(renderedStub, {
    open({ tag }) {
      if (tag.local !== "c" || tag.uri !== MAIN_NS) return;
      const m = /^A(\d+)$/.exec(attributeOf(tag, "", "r") ?? "");
      if (m) found.set(Number(m[1]) - 1, Number(attributeOf(tag, "", "s") ?? 0));
    },
  });
  return styles.map((s, i) => {
    const id = found.get(i);
    if (id === undefined || !Number.isInteger(id)) throw new Error(`passthrough: the saved stub has no style for id ${s}`);
    return id;
  });
}
