/**
 * Node only: a faster path through one ExcelJS 4.4 internal on save.
 *
 * ExcelJS gives every cell without a style an empty style object of its own, and on save
 * `StylesXform.addStyleModel` renders each such object to XML to look up its style id — for
 * every cell of a results sheet (about a quarter of saving a region's book). The id of an
 * empty style depends only on the cell's type, so it is remembered per save (per
 * StylesXform). Styled cells take ExcelJS's own path; the saved file is the same.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as { prototype: StylesXformInternals };

export interface StylesXformInternals {
  addStyleModel(model: object | undefined, cellType?: number): number;
  /** Ids of the empty style by cell type, in this StylesXform. */
  emptyStyleIds?: Map<number | undefined, number>;
}

let installed = false;

/** Installs the fast path once; a later ExcelJS without the internal is left untouched. */
export function installEmptyStyleIds(): void {
  if (installed || typeof StylesXform?.prototype?.addStyleModel !== "function") return;
  installed = true;
  const original = StylesXform.prototype.addStyleModel;
  StylesXform.prototype.addStyleModel = function (this: StylesXformInternals, model, cellType) {
    if (!model || !isEmpty(model)) return original.call(this, model, cellType);
    const ids = (this.emptyStyleIds ??= new Map());
    let id = ids.get(cellType);
    if (id === undefined) ids.set(cellType, (id = original.call(this, model, cellType)));
    return id;
  };
}

function isEmpty(model: object): boolean {
  for (const key in model) if (Object.prototype.hasOwnProperty.call(model, key)) return false;
  return true;
}
