import { Workbook } from "exceljs";
import type { SheetSnapshot } from "../../domain/sheet/snapshot";
import { sheetNotFoundError } from "../errors";
import type { SheetInfo, WorkbookGateway, WritePlan } from "../gateway";
import { checkPlan } from "../plan-check";
import { renderChart } from "../../domain/report/charts/render";
import type { ReportSheet } from "../../domain/report/model";
import { addHighlights, removeRecordedHighlights } from "./highlights";
import { findSheet, internals, pruneMedia } from "./internals";
import { checkXlsxPlan } from "./plan-check";
import { defaultDeflate, encodePng, type Deflate } from "./png";
import { snapshotOf } from "./read-sheet";
import { addReportSheet, type ChartPictures } from "./report-sheet";
import { readServiceState, writeServiceState } from "./service-sheet";
import { applySettings } from "./settings-sheet";

/**
 * The workbook gateway over an in-memory .xlsx (ExcelJS). Browser-safe: no file system
 * here (see file.ts for Node). `write` and `removeHighlights` change the in-memory book;
 * `toBuffer` serialises it.
 *
 * What ExcelJS does not model is not kept when the book is saved (charts, pivot tables,
 * slicers, sparklines, form controls, macros, x14 conditional-format extensions, …), so the
 * command line writes its result to a separate file by default.
 */
export interface XlsxGatewayOptions {
  /** zlib deflate for the chart pictures (PNG); default: CompressionStream, else stored blocks. */
  deflate?: Deflate;
}

export class XlsxGateway implements WorkbookGateway {
  private readonly deflate: Deflate;

  private constructor(
    readonly workbook: Workbook,
    options: XlsxGatewayOptions = {},
  ) {
    this.deflate = options.deflate ?? defaultDeflate();
  }

  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: XlsxGatewayOptions = {}): Promise<XlsxGateway> {
    const wb = new Workbook();
    // JSZip takes ArrayBuffer and Uint8Array (Node Buffer included) alike.
    await wb.xlsx.load(data as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
    undoLoadArtifacts(wb);
    return new XlsxGateway(wb, options);
  }

  /** Wraps an ExcelJS workbook already in memory (tests, the demo generator). */
  static fromWorkbook(wb: Workbook, options: XlsxGatewayOptions = {}): XlsxGateway {
    return new XlsxGateway(wb, options);
  }

  /** The PNG pictures of a report's charts (drawn by the domain, encoded here). */
  private async pictures(report: ReportSheet): Promise<ChartPictures> {
    const out: ChartPictures = [];
    for (const chart of report.charts ?? []) out.push(await encodePng(renderChart(chart, report.values), this.deflate));
    return out;
  }

  /** The book as .xlsx bytes; `stored`: without compression (the command line compresses
   *  with Node's zlib, much faster than ExcelJS's JavaScript deflate: zip-deflate.ts). */
  async toBuffer(options: { stored?: boolean } = {}): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer(options.stored ? ({ zip: { compression: "STORE" } } as Parameters<Workbook["xlsx"]["writeBuffer"]>[0]) : undefined);
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== "visible" }));
  }

  async readSheets(names: string[]): Promise<SheetSnapshot[]> {
    return names.map((name) => {
      const ws = findSheet(this.workbook, name);
      if (!ws) throw sheetNotFoundError(name);
      return snapshotOf(ws);
    });
  }

  async readOwnedSheets(): Promise<string[]> {
    return readServiceState(this.workbook).owned;
  }

  /**
   * Applies the plan. Everything that could be refused (a user's sheet in the way, a
   * malformed plan) is checked before the book is touched: a GatewayError ("unowned-sheet",
   * "invalid-plan", "not-found") leaves it exactly as it was. An unexpected ExcelJS failure
   * after the checks may leave the in-memory book half-written: do not save it then.
   */
  async write(plan: WritePlan): Promise<void> {
    const wb = this.workbook;
    const state = readServiceState(wb);
    // Both throw before anything changes.
    checkPlan(plan, { sheets: wb.worksheets.map((ws) => ws.name), owned: state.owned });
    checkXlsxPlan(plan);
    // Pictures first (asynchronous): nothing is changed until every one is ready.
    const pictures = await Promise.all(plan.reports.map((r) => this.pictures(r)));

    const active = activeSheetName(wb);
    removeRecordedHighlights(wb, state.highlights);

    for (const name of plan.deleteSheets) {
      const ws = findSheet(wb, name);
      if (ws) wb.removeWorksheet(ws.id);
    }
    plan.reports.forEach((report, i) => {
      const old = findSheet(wb, report.name);
      const orderNo = old ? internals(old).orderNo : undefined;
      if (old) wb.removeWorksheet(old.id);
      addReportSheet(wb, report, orderNo, pictures[i]);
    });
    pruneMedia(wb);
    if (plan.settings) applySettings(wb, plan.settings);
    const highlights = addHighlights(wb, plan.highlights);

    // Only names that are sheets now: a stale name could later match a user's new sheet.
    const owned: string[] = [];
    for (const name of [...plan.ownedSheets, ...plan.reports.map((r) => r.name)]) {
      const ws = findSheet(wb, name);
      if (ws && !owned.includes(ws.name)) owned.push(ws.name);
    }
    writeServiceState(wb, { owned, highlights });
    restoreActiveSheet(wb, active);
  }

  async removeHighlights(): Promise<void> {
    const state = readServiceState(this.workbook);
    if (state.highlights.length === 0) return;
    removeRecordedHighlights(this.workbook, state.highlights);
    writeServiceState(this.workbook, { owned: state.owned, highlights: [] });
  }
}

/**
 * ExcelJS 4.4 reads a missing `firstPageNumber` as 1 and then writes
 * `firstPageNumber="1" useFirstPageNumber="1"`, turning the user's «Номер первой страницы:
 * Авто» into «1» on every sheet. Undo that on load so a saved user sheet prints as before.
 */
function undoLoadArtifacts(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    const setup = ws.pageSetup as { useFirstPageNumber?: boolean; firstPageNumber?: number; printArea?: string } | undefined;
    if (setup && !setup.useFirstPageNumber) setup.firstPageNumber = undefined;
    // ExcelJS reads a print area «$A$1:$Q$52» as "A1:Q52" and writes it back as «$A1:$Q52»
    // (rows relative), which LibreOffice does not take for the sheet's print area: give it
    // "A$1:Q$52", which it writes as «$A$1:$Q$52» again.
    if (setup?.printArea) setup.printArea = setup.printArea.replace(/([A-Za-z]+)\$?(\d+)/g, "$1$$$2");
  }
}

function activeSheetName(wb: Workbook): string | undefined {
  const index = wb.views?.[0]?.activeTab ?? 0;
  return wb.worksheets[index]?.name;
}

/** Sheet deletions shift tab indices: point the book view at the same (or a visible) sheet. */
function restoreActiveSheet(wb: Workbook, name: string | undefined): void {
  if (!wb.views || wb.views.length === 0) return;
  const sheets = wb.worksheets;
  let index = name === undefined ? -1 : sheets.findIndex((ws) => ws.name === name && ws.state === "visible");
  if (index < 0) index = Math.max(0, sheets.findIndex((ws) => ws.state === "visible"));
  for (const view of wb.views) {
    view.activeTab = index;
    if ((view.firstSheet ?? 0) >= sheets.length) view.firstSheet = 0;
  }
}
