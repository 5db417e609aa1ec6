import type { PageSetup, Workbook, Worksheet, WorksheetView } from "exceljs";
import type { ReportSheet } from "../../domain/report/model";
import { columnLetter, rangeAddress } from "../../domain/sheet/address";
import { footerCodes } from "../footer";
import { internals } from "./internals";
import { StyleGrid } from "./styles";

/** Excel's paper size code for A4. */
export const PAPER_A4 = 9;

/** PNG pictures of a sheet's charts, in the order of `report.charts`. */
export type ChartPictures = Uint8Array[];

/**
 * Adds one report sheet: values from A1 (strings as text, never formulas; `null` and ""
 * leave a cell empty), number formats and styles by block, column widths, row heights,
 * frozen header, merges, print set-up with its footer, and the chart pictures over their
 * plot cells (ExcelJS writes no charts: the titles, ticks and legends are cells of the
 * report). `orderNo` puts it at a given tab position (replacing a sheet); without it the
 * sheet goes last.
 */
export function addReportSheet(wb: Workbook, report: ReportSheet, orderNo?: number, pictures: ChartPictures = []): Worksheet {
  const views: Partial<WorksheetView>[] = [];
  if (report.freezeRows && report.freezeRows > 0) {
    views.push({
      state: "frozen",
      xSplit: 0,
      ySplit: report.freezeRows,
      topLeftCell: `A${report.freezeRows + 1}`,
    });
  }
  const ws = wb.addWorksheet(report.name, { views, pageSetup: pageSetupOf(report) });
  if (orderNo !== undefined) internals(ws).orderNo = orderNo;
  if (report.print?.footer) ws.headerFooter = { oddFooter: `&C${footerCodes(report.print.footer)}` };

  let width = report.columnWidths.length;
  for (const row of report.values) width = Math.max(width, row.length);
  for (const b of report.numberFormats) width = Math.max(width, b.range.right + 1);
  for (const b of report.styles) width = Math.max(width, b.range.right + 1);

  const grid = new StyleGrid(width);
  for (const b of report.numberFormats) grid.applyFormat(b.range, b.format);
  for (const b of report.styles) grid.applyStyle(b.range, b.style);

  const height = Math.max(report.values.length, grid.rowCount);
  for (let r = 0; r < height; r++) {
    const values = report.values[r];
    let row: ReturnType<Worksheet["getRow"]> | undefined;
    for (let c = 0; c < width; c++) {
      const v = values ? values[c] : undefined;
      const hasValue = v !== null && v !== undefined && v !== "";
      const style = grid.styleAt(r, c);
      if (!hasValue && !style) continue;
      if (!row) row = ws.getRow(r + 1);
      const cell = row.getCell(c + 1);
      // A JS string is always a string cell in ExcelJS (only {formula} objects are
      // formulas), so "=SUM(A1)" or "-5" taken from user cells stays text.
      if (hasValue) cell.value = v;
      if (style) cell.style = style;
    }
  }

  report.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const h of report.rowHeights ?? []) ws.getRow(h.row + 1).height = h.points;

  // After styling, keeping each cell's own block style (edges keep their borders).
  for (const m of report.merges ?? []) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  (report.charts ?? []).forEach((chart, i) => {
    const png = pictures[i];
    if (!png) return;
    // A data URL: the browser bundle of ExcelJS has no Buffer, and this works in both.
    const imageId = wb.addImage({ base64: `data:image/png;base64,${toBase64(png)}`, extension: "png" });
    ws.addImage(imageId, rangeAddress(chart.plot));
  });
  return ws;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function pageSetupOf(report: ReportSheet): Partial<PageSetup> {
  const setup: Partial<PageSetup> = { paperSize: PAPER_A4 };
  const print = report.print;
  if (!print) return setup;
  setup.orientation = print.landscape === false ? "portrait" : "landscape";
  const wide = print.pagesWide ?? 1;
  if (wide > 0) {
    // Fit all columns on `wide` pages across, as many pages tall as needed.
    setup.fitToPage = true;
    setup.fitToWidth = wide;
    setup.fitToHeight = 0;
  }
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows[0] + 1}:${print.titleRows[1] + 1}`;
  if (print.titleColumns) setup.printTitlesColumn = `${columnLetter(print.titleColumns[0])}:${columnLetter(print.titleColumns[1])}`;
  // ExcelJS prefixes each corner with «$»: "A$1:Q$52" becomes $A$1:$Q$52.
  if (print.area) setup.printArea = `${columnLetter(print.area.left)}$${print.area.top + 1}:${columnLetter(print.area.right)}$${print.area.bottom + 1}`;
  return setup;
}
