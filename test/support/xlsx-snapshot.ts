/**
 * A deep, plain-JSON picture of one ExcelJS worksheet, for "user data is sacred" tests:
 * take it before a run and after (both from files loaded by ExcelJS) and `toEqual` them.
 *
 * Covers: sheet state, properties, views, page set-up, header/footer, auto-filter,
 * protection; every column (width, hidden, outline, style); every row (height, hidden,
 * outline, style); every cell (type, value, formula / shared formula / result, style with
 * number format, font, fill, border, alignment, protection; note; hyperlink); merges;
 * data validations; conditional formats (with their styles); tables; images.
 * The walk is read-only: taking a picture never creates rows or cells.
 */
import { createHash } from "node:crypto";
import type { Cell, ConditionalFormattingRule, Row, Worksheet } from "exceljs";

export interface SnapshotOptions {
  /** Conditional-format rules to leave out (e.g. the add-in's own highlights). */
  ignoreRule?: (rule: ConditionalFormattingRule, ref: string) => boolean;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON round trip: Dates become ISO strings, undefined members disappear. */
function plain(v: unknown): Json {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as Json);
}

function withoutKeys(v: unknown, keys: string[]): Json {
  const o = plain(v);
  const strip = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === "object") {
      const out: { [k: string]: Json } = {};
      for (const [k, val] of Object.entries(x)) if (!keys.includes(k)) out[k] = strip(val);
      return out;
    }
    return x;
  };
  return strip(o);
}

export interface SheetPicture {
  name: string;
  state: string;
  properties: Json;
  views: Json;
  pageSetup: Json;
  headerFooter: Json;
  autoFilter: Json;
  sheetProtection: Json;
  columns: Json[];
  rows: Json[];
  cells: Record<string, Json>;
  merges: string[];
  dataValidations: Json;
  conditionalFormats: Json[];
  tables: Json;
  images: Json;
}

export function snapshotUserSheet(ws: Worksheet, options: SnapshotOptions = {}): SheetPicture {
  // Read-only walk: ExcelJS's eachRow/eachCell with includeEmpty create rows and cells
  // (with column styles) as they go, which would change the very book being observed.
  const internal = ws as unknown as {
    _rows: ({ number: number; _cells: (Cell | undefined)[] } | undefined)[];
    _columns: unknown[] | null;
  };
  const columns: Json[] = [];
  const columnCount = Math.max(ws.columnCount, internal._columns?.length ?? 0);
  for (let c = 1; c <= columnCount; c++) {
    const col = ws.getColumn(c);
    columns.push(
      plain({
        number: c,
        width: col.width,
        hidden: col.hidden,
        outlineLevel: col.outlineLevel,
        style: col.style,
      }),
    );
  }

  const rows: Json[] = [];
  const cells: Record<string, Json> = {};
  for (const row of internal._rows) {
    if (!row) continue;
    const r = row as unknown as Row;
    rows.push(
      plain({
        number: r.number,
        height: r.height,
        hidden: r.hidden,
        outlineLevel: r.outlineLevel,
        style: (r as unknown as { style: unknown }).style,
      }),
    );
    for (const cell of row._cells) {
      if (!cell) continue;
      cells[cell.address] = plain({
        type: cell.type,
        value: cell.value,
        formula: cell.formula,
        result: cell.result,
        text: cell.type === 1 ? undefined : cell.text,
        style: cell.style,
        note: cell.note,
        hyperlink: cell.hyperlink,
        isMerged: cell.isMerged,
        master: cell.isMerged ? cell.master.address : undefined,
      });
    }
  }

  const model = ws.model as unknown as { merges: string[] };
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: ConditionalFormattingRule[] }[] })
    .conditionalFormattings ?? [];
  const conditionalFormats: Json[] = [];
  for (const cf of cfs) {
    const rules = cf.rules.filter((r) => !options.ignoreRule?.(r, cf.ref));
    // Saving mutates rules in memory (adds `dxfId`, an index into the file's style table,
    // and a copy of the range as `ref`): leave both out so a picture does not depend on
    // whether the book has been saved.
    if (rules.length > 0) conditionalFormats.push({ ref: cf.ref, rules: rules.map((r) => withoutKeys(r, ["dxfId", "ref"])) });
  }

  return {
    name: ws.name,
    state: ws.state,
    properties: plain(ws.properties),
    views: plain(ws.views),
    pageSetup: plain(ws.pageSetup),
    headerFooter: plain(ws.headerFooter),
    autoFilter: plain(ws.autoFilter),
    sheetProtection: plain((ws as unknown as { sheetProtection?: unknown }).sheetProtection),
    columns,
    rows,
    cells,
    merges: [...model.merges].sort(),
    dataValidations: plain((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    conditionalFormats,
    tables: plain(ws.getTables().map((t) => (t as unknown as { model?: unknown }).model ?? t)),
    images: ws.getImages().map((image) => imagePicture(ws, image)),
  };
}

/** An image by where it sits and what it shows (its bytes' hash), not by its id in the book. */
function imagePicture(ws: Worksheet, image: ReturnType<Worksheet["getImages"]>[number]): Json {
  const model = (image as unknown as { model: { imageId?: unknown } }).model;
  const { imageId: _id, ...placement } = model;
  void _id;
  const file = ws.workbook.getImage(Number(image.imageId)) as { buffer?: Uint8Array; base64?: string; extension?: string };
  const bytes = file.buffer ?? new TextEncoder().encode(file.base64 ?? "");
  return plain({ ...placement, extension: file.extension, sha1: createHash("sha1").update(bytes).digest("hex") });
}
