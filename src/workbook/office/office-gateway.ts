import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import type { SelectionGateway, SheetInfo, WorkbookGateway, WritePlan } from "../gateway";
import { toGatewayError } from "./messages";
import { listSheetsIn, readSheetsIn } from "./read";
import { limitsOf, type IsSetSupported, type Limits, type OfficeGatewayOptions, type RunFn } from "./run";
import { readServiceStateIn } from "./service-sheet";
import { removeHighlightsIn, writePlan } from "./write";

/**
 * The workbook gateway over Office.js — the only code that touches `Excel.*`. Every method
 * is one `run` (one RequestContext); failures surface as GatewayError with a Russian message.
 */
export class OfficeGateway implements WorkbookGateway, SelectionGateway {
  private readonly run: RunFn;
  private readonly supports: IsSetSupported;
  private readonly limits: Limits;

  constructor(options: OfficeGatewayOptions) {
    this.run = options.run;
    this.supports = options.isSetSupported;
    this.limits = limitsOf(options);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.guard(() => this.run((ctx) => listSheetsIn(ctx)));
  }

  async readSheets(names: string[]): Promise<SheetSnapshot[]> {
    const env = { limits: this.limits, mergesSupported: this.supports("ExcelApi", "1.13") };
    return this.guard(() => this.run((ctx) => readSheetsIn(ctx, names, env)));
  }

  async readOwnedSheets(): Promise<string[]> {
    return this.guard(() => this.run(async (ctx) => (await readServiceStateIn(ctx)).state.owned));
  }

  async write(plan: WritePlan): Promise<void> {
    return this.guard(() => writePlan({ run: this.run, supports: this.supports, limits: this.limits }, plan));
  }

  async removeHighlights(): Promise<void> {
    return this.guard(() => this.run((ctx) => removeHighlightsIn(ctx, { supports: this.supports })));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    return this.guard(() =>
      this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await ctx.sync();
      }),
    );
  }

  async selectRow(sheet: string, rowNumber: number): Promise<void> {
    return this.selectCell(sheet, `${rowNumber}:${rowNumber}`);
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw toGatewayError(e);
    }
  }
}
