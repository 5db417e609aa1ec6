import type { CellRange, CellValue, SheetSnapshot } from "../../domain/sheet/snapshot";
import type { SheetInfo } from "../gateway";
import { MAX_COLS, MAX_ROWS } from "../../domain/sheet/address";
import { GatewayError, gatewayMessages, sheetNotFoundError } from "../errors";
import { sheetKey } from "../sheet-names";
import { parseAreasAddress } from "./a1";
import { takeBatch } from "./batcher";
import { errorCode, isPayloadError } from "./messages";
import { gridBytes } from "./payload";
import type { Limits } from "./run";

/** First guess of response bytes per cell before any chunk of a sheet has been seen. */
const DEFAULT_BYTES_PER_CELL = 12;
/** Rows searched for merges when the whole-sheet query fails (headers are in the first 20). */
const HEADER_ZONE_ROWS = 50;

export interface ReadEnv {
  limits: Limits;
  /** ExcelApi 1.13: `getMergedAreasOrNullObject`. */
  mergesSupported: boolean;
}

export async function listSheetsIn(ctx: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await ctx.sync();
  return sheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== "Visible" }));
}

interface SheetProbe {
  name: string;
  hidden: boolean;
  used: CellRange | null;
  merges: CellRange[];
  rows: CellValue[][];
}

interface Chunk {
  sheet: number;
  top: number;
  rowCount: number;
}

/**
 * Reads whole sheets in a handful of syncs:
 * 1. one sync for every sheet's visibility, used range (values only) and merged areas;
 * 2. values in blocks of whole rows sized by cells (`chunkCells`), as many blocks per sync
 *    as fit the payload budget (response bytes estimated per sheet from the blocks already
 *    read) and the cell cap; a payload error halves the block and the budget and retries.
 */
export async function readSheetsIn(ctx: Excel.RequestContext, names: string[], env: ReadEnv): Promise<SheetSnapshot[]> {
  if (names.length === 0) return [];
  const probes = await probeSheets(ctx, names, env);
  await readValues(ctx, probes, env.limits);
  return probes.map((p) => ({ name: p.name, values: trimmed(p.rows), merges: p.merges, hidden: p.hidden }));
}

async function probeSheets(ctx: Excel.RequestContext, names: string[], env: ReadEnv): Promise<SheetProbe[]> {
  const attempt = async (withMerges: boolean) => {
    const items = names.map((name) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      ws.load("name,visibility");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | null = null;
      if (withMerges) {
        merged = ws.getRange().getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { ws, used, merged };
    });
    await ctx.sync();
    return items;
  };

  let items: Awaited<ReturnType<typeof attempt>>;
  let mergesRead = env.mergesSupported;
  try {
    items = await attempt(mergesRead);
  } catch (e) {
    if (errorCode(e) === "ItemNotFound") throw await missingSheetError(ctx, names, e);
    if (!mergesRead) throw e;
    // More than 512 merged areas on a sheet make the whole-sheet query fail: read the
    // sheets without merges, then merges of the header zone only.
    items = await attempt(false);
    mergesRead = false;
  }

  const probes: SheetProbe[] = items.map(({ ws, used, merged }) => {
    const range: CellRange | null = used.isNullObject
      ? null
      : { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
    return {
      name: ws.name,
      hidden: ws.visibility !== "Visible",
      used: range,
      merges: merged && !merged.isNullObject && range ? clampMerges(parseAreasAddress(merged.address), range) : [],
      rows: [],
    };
  });

  if (env.mergesSupported && !mergesRead) await readHeaderMerges(ctx, probes);
  return probes;
}

async function readHeaderMerges(ctx: Excel.RequestContext, probes: SheetProbe[]): Promise<void> {
  const queries = probes.flatMap((p) => {
    if (!p.used) return [];
    const rows = Math.min(p.used.bottom + 1, HEADER_ZONE_ROWS);
    const merged = ctx.workbook.worksheets.getItem(p.name).getRangeByIndexes(0, 0, rows, p.used.right + 1).getMergedAreasOrNullObject();
    merged.load("address");
    return [{ p, merged }];
  });
  if (queries.length === 0) return;
  try {
    await ctx.sync();
  } catch {
    return; // still too many: the snapshots go without merges
  }
  for (const { p, merged } of queries) {
    if (!merged.isNullObject && p.used) p.merges = clampMerges(parseAreasAddress(merged.address), p.used);
  }
}

/** Whole-row / whole-column merges are clipped to the used range; sorted top-left first. */
function clampMerges(areas: CellRange[], used: CellRange): CellRange[] {
  const out = areas
    .filter((a) => a.top !== a.bottom || a.left !== a.right)
    .map((a) => ({
      top: a.top,
      left: a.left,
      bottom: a.bottom === MAX_ROWS - 1 ? Math.max(a.top, used.bottom) : a.bottom,
      right: a.right === MAX_COLS - 1 ? Math.max(a.left, used.right) : a.right,
    }));
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

async function missingSheetError(ctx: Excel.RequestContext, names: string[], original: unknown): Promise<GatewayError> {
  try {
    const sheets = await listSheetsIn(ctx);
    const have = new Set(sheets.map((s) => sheetKey(s.name)));
    const missing = names.find((n) => !have.has(sheetKey(n)));
    if (missing !== undefined) return sheetNotFoundError(missing, "ItemNotFound", original);
  } catch {
    // fall through to the generic message
  }
  return new GatewayError("not-found", gatewayMessages.sheetNotFound(names.join("», «")), "ItemNotFound", undefined, original);
}

async function readValues(ctx: Excel.RequestContext, probes: SheetProbe[], limits: Limits): Promise<void> {
  let chunkCells = limits.chunkCells;
  let budget = limits.maxPayloadBytes;
  const bytesPerCell = new Map<number, number>();

  const split = (c: Chunk): Chunk[] => {
    const cols = width(probes, c);
    const rowsPer = Math.max(1, Math.floor(chunkCells / cols));
    const out: Chunk[] = [];
    for (let top = c.top; top < c.top + c.rowCount; top += rowsPer) {
      out.push({ sheet: c.sheet, top, rowCount: Math.min(rowsPer, c.top + c.rowCount - top) });
    }
    return out;
  };

  let queue: Chunk[] = [];
  probes.forEach((p, sheet) => {
    if (p.used) queue.push(...split({ sheet, top: p.used.top, rowCount: p.used.bottom - p.used.top + 1 }));
  });

  while (queue.length > 0) {
    const batch = takeBatch(queue, budget, limits.maxCellsPerSync, (c) => {
      const cells = c.rowCount * width(probes, c);
      return { bytes: cells * (bytesPerCell.get(c.sheet) ?? DEFAULT_BYTES_PER_CELL), cells };
    });

    const ranges = batch.map((c) => {
      const used = probes[c.sheet].used!;
      const range = ctx.workbook.worksheets
        .getItem(probes[c.sheet].name)
        .getRangeByIndexes(c.top, used.left, c.rowCount, used.right - used.left + 1);
      range.load("values");
      return range;
    });

    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length === 1 && batch[0].rowCount === 1) throw e;
      // Halve the block and the per-sync budget, then retry the same rows.
      chunkCells = Math.max(1, Math.floor(chunkCells / 2));
      budget = Math.max(1, Math.floor(budget / 2));
      const again = batch.flatMap((c) => {
        const parts = split(c);
        return parts.length > 1 || c.rowCount === 1 ? parts : halves(c);
      });
      queue = again.concat(queue.flatMap(split));
      continue;
    }

    batch.forEach((c, i) => {
      const p = probes[c.sheet];
      const values = ranges[i].values as CellValue[][];
      const lead: CellValue[] = p.used!.left > 0 ? new Array(p.used!.left).fill("") : [];
      for (let r = 0; r < values.length; r++) p.rows[c.top + r] = lead.length > 0 ? lead.concat(values[r]) : values[r];
      const seen = gridBytes(values) / Math.max(1, values.length * width(probes, c));
      bytesPerCell.set(c.sheet, Math.max(bytesPerCell.get(c.sheet) ?? 0, seen * 1.25, 2));
    });
  }
}

function halves(c: Chunk): Chunk[] {
  const half = Math.ceil(c.rowCount / 2);
  return [
    { sheet: c.sheet, top: c.top, rowCount: half },
    { sheet: c.sheet, top: c.top + half, rowCount: c.rowCount - half },
  ];
}

function width(probes: SheetProbe[], c: Chunk): number {
  const used = probes[c.sheet].used!;
  return used.right - used.left + 1;
}

/**
 * Rows from sheet row 1 (missing rows are []), each cut after its last non-empty cell, and
 * trailing empty rows dropped — the same shape the .xlsx adapter produces.
 */
function trimmed(rows: CellValue[][]): CellValue[][] {
  const out: CellValue[][] = new Array(rows.length);
  let lastRow = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) {
      out[r] = [];
      continue;
    }
    let last = row.length - 1;
    while (last >= 0 && (row[last] === "" || row[last] === null || row[last] === undefined)) last--;
    out[r] = last === row.length - 1 ? row : row.slice(0, last + 1);
    if (last >= 0) lastRow = r;
  }
  out.length = lastRow + 1;
  return out;
}
