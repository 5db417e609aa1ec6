import type { EngineResult } from "../../domain/engine/run";

/** Where a school's row is in the user's sheets (registry, else results), 1-based. */
export function schoolRow(result: EngineResult | null, id: string): { sheet: string; row: number } | null {
  const ref = result?.highlightRows.get(id);
  return ref ? { sheet: ref.sheet, row: ref.row + 1 } : null;
}
