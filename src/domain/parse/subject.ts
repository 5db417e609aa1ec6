import { foldText } from "../text/normalize";

/** Procedures the methodology knows; ГВЭ is recognised only to be reported and skipped. */
export const PROCEDURES = ["ВПР", "ОГЭ", "ЕГЭ", "РДР"] as const;
export type Procedure = (typeof PROCEDURES)[number];

export function parseProcedure(raw: string): Procedure | "ГВЭ" | null {
  const text = foldText(raw).toUpperCase().replace(/\s+/g, "");
  for (const p of [...PROCEDURES, "ГВЭ"] as const) {
    if (text === p || text.startsWith(p + "-") || text.startsWith(p + "(")) return p;
  }
  return null;
}

/**
 * Subject name → key (workbook.md §2.2): «русск…» → rus; «математ…» → math_prof with «проф»,
 * math_base with «баз», else math; any other subject keeps its folded name.
 * Returns null for an empty name.
 */
export function subjectKey(raw: string): string | null {
  const text = foldText(raw);
  if (!text) return null;
  if (text.startsWith("русск")) return "rus";
  if (text.startsWith("математ")) {
    if (text.includes("проф")) return "math_prof";
    if (text.includes("баз")) return "math_base";
    return "math";
  }
  return text;
}

/** Short Russian name of a subject key for reasons («рус.», «мат.»). */
export function subjectShort(key: string): string {
  const names: Record<string, string> = { rus: "рус.", math: "мат.", math_prof: "проф. мат.", math_base: "баз. мат." };
  return names[key] ?? key;
}
