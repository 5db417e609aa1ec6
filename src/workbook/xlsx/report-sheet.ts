import type { PageSetup, Workbook, Worksheet, WorksheetView } from "exceljs";
import type { ReportSheet } from "../../domain/report/model";
import { internals } from "./internals";
import { StyleGrid } from "./styles";

/** Excel's paper size code for A4. */
export const PAPER_A4 = 9;

/**
 * Adds one report sheet: values from A1 (strings as text, never formulas; `null` and ""
 * leave a cell empty), number formats and styles by block, column widths, frozen header,
 * merges and print set-up. `orderNo` puts it at a given tab position (replacing a sheet);
 * without it the sheet goes last.
 */
export function addReportSheet(wb: Workbook, report: ReportSheet, orderNo?: number): Worksheet {
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

  // After styling, keeping each cell's own block style (edges keep their borders).
  for (const m of report.merges ?? []) ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}

function pageSetupOf(report: ReportSheet): Partial<PageSetup> {
  const setup: Partial<PageSetup> = { paperSize: PAPER_A4 };
  const print = report.print;
  if (!print) return setup;
  setup.orientation = print.landscape === false ? "portrait" : "landscape";
  // Fit all columns on one page width, as many pages tall as needed.
  setup.fitToPage = true;
  setup.fitToWidth = 1;
  setup.fitToHeight = 0;
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows[0] + 1}:${print.titleRows[1] + 1}`;
  return setup;
}
