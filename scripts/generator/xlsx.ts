/**
 * Writing a generated model to .xlsx with ExcelJS: the in-memory writer for ordinary files,
 * the streaming writer (ExcelJS.stream.xlsx.WorkbookWriter) for large ones.
 */
import ExcelJS from "exceljs";
import type { Cell, GeneratedSheet, GeneratedWorkbook } from "./types";

/** Above this many rows in all sheets the streaming writer is used. */
export const STREAMING_THRESHOLD = 100_000;

export interface WriteOptions {
  /** Force a writer; default: by row count. */
  streaming?: boolean;
}

const DATE_FORMAT = "dd.mm.yyyy";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

/** Sparse 1-based values for ExcelJS (nulls left out, so empty cells are not written). */
function sparse(row: Cell[]): Cell[] {
  const out: Cell[] = [];
  row.forEach((v, i) => {
    if (v !== null && v !== undefined && v !== "") out[i + 1] = v;
  });
  return out;
}

function styleRow(sheet: GeneratedSheet, r: number, row: ExcelJS.Row): void {
  const t = sheet.table;
  const cells = sheet.rows[r];
  cells.forEach((v, i) => {
    if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
  });
  if (!t) {
    if (r === 0) row.font = { bold: true };
    return;
  }
  if (t.headerRows.includes(r)) {
    cells.forEach((v, i) => {
      const c = row.getCell(i + 1);
      if (i >= Math.min(...Object.values(t.columns))) {
        c.font = { bold: true };
        c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        c.fill = HEADER_FILL;
      }
    });
  } else if (t.titleRows.includes(r)) {
    row.font = { bold: true, size: r === t.titleRows[0] ? 13 : 11 };
  } else if (r === t.totalRow) {
    row.font = { bold: true };
  }
}

function sheetOptions(sheet: GeneratedSheet): Partial<ExcelJS.AddWorksheetOptions> {
  const t = sheet.table;
  const ySplit = t ? t.headerRows[t.headerRows.length - 1] + 1 : 0;
  return {
    state: sheet.hidden ? "hidden" : "visible",
    views: ySplit > 0 ? [{ state: "frozen", ySplit, xSplit: 0 }] : [],
  };
}

function totalRows(model: GeneratedWorkbook): number {
  return model.sheets.reduce((s, sh) => s + sh.rows.length, 0);
}

/** The writer used for a model: streaming above STREAMING_THRESHOLD rows. */
export function chooseWriter(model: GeneratedWorkbook): "memory" | "streaming" {
  return totalRows(model) > STREAMING_THRESHOLD ? "streaming" : "memory";
}

export async function writeWorkbookXlsx(model: GeneratedWorkbook, path: string, options: WriteOptions = {}): Promise<void> {
  const streaming = options.streaming ?? chooseWriter(model) === "streaming";
  if (streaming) await writeStreaming(model, path);
  else await writeInMemory(model, path);
}

function setup(wb: ExcelJS.Workbook): void {
  wb.creator = "Монитор ШНОР — генератор демонстрационных данных";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
}

async function writeInMemory(model: GeneratedWorkbook, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  setup(wb);
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
    if (sheet.columnWidths) ws.columns = sheet.columnWidths.map((width) => ({ width }));
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      row.values = sparse(cells) as ExcelJS.CellValue[];
      styleRow(sheet, r, row);
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(path);
}

async function writeStreaming(model: GeneratedWorkbook, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  setup(wb as unknown as ExcelJS.Workbook);
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheetOptions(sheet));
    if (sheet.columnWidths) ws.columns = sheet.columnWidths.map((width) => ({ width }));
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = ws.getRow(r + 1);
      row.values = sparse(sheet.rows[r]) as ExcelJS.CellValue[];
      styleRow(sheet, r, row);
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
