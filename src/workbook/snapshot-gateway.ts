import type { SheetSnapshot } from "../domain/sheet/snapshot";
import { sheetNotFoundError } from "./errors";
import type { SheetInfo, WorkbookGateway, WritePlan } from "./gateway";
import { decodeServiceState, SERVICE_SHEET } from "./service-state";
import { SheetIndex } from "./sheet-names";

/**
 * A read-only workbook of snapshots already read (the command line's streaming path for
 * large files): the run reads from it as from any workbook; `write` only keeps the plan (the
 * caller writes what it can — for a large book, the JSON result).
 */
export class SnapshotGateway implements WorkbookGateway {
  private readonly byName: SheetIndex<SheetSnapshot>;
  /** The last plan the run asked to write. */
  plan: WritePlan | null = null;

  constructor(private readonly sheets: SheetSnapshot[]) {
    this.byName = new SheetIndex(sheets);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  }

  async readSheets(names: string[]): Promise<SheetSnapshot[]> {
    return names.map((name) => {
      const sheet = this.byName.get(name);
      if (!sheet) throw sheetNotFoundError(name);
      return sheet;
    });
  }

  async readOwnedSheets(): Promise<string[]> {
    const service = this.byName.get(SERVICE_SHEET);
    return service ? decodeServiceState(service.values).owned : [];
  }

  async write(plan: WritePlan): Promise<void> {
    this.plan = plan;
  }

  async removeHighlights(): Promise<void> {
    // nothing is written back to a streamed workbook
  }
}
