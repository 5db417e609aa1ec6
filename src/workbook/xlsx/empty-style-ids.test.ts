import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own dependency: used only to compare the saved parts
import { join } from "node:path";
import { installEmptyStyleIds, type StylesXformInternals } from "./empty-style-ids";

const DEMO = join(__dirname, "../../../assets/demo.xlsx");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const StylesXform = require("exceljs/lib/xlsx/xform/style/styles-xform") as { prototype: StylesXformInternals };

/** The demo book plus unstyled cells of every kind, saved; its parts by name (the save time
 *  in docProps left out). */
async function savedParts(): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEMO);
  const ws = wb.addWorksheet("Проба");
  ws.addRow([1, "текст", new Date(Date.UTC(2026, 0, 5)), true, { formula: "A1+1", result: 2 }, null, 2.5]);
  ws.getCell("H1").style = { font: { bold: true } };
  ws.getCell("H1").value = "жирный";
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir && name !== "docProps/core.xml") parts.set(name, await zip.file(name)!.async("string"));
  return parts;
}

describe("the empty-style fast path of ExcelJS's save", () => {
  it("saves exactly the same parts, and takes ExcelJS's own path once per cell type", async () => {
    const before = await savedParts();
    const original = StylesXform.prototype.addStyleModel;
    let slowEmpty = 0;
    StylesXform.prototype.addStyleModel = function (this: StylesXformInternals, model, cellType) {
      if (model && Object.keys(model).length === 0) slowEmpty++;
      return original.call(this, model, cellType);
    };
    installEmptyStyleIds();
    const after = await savedParts();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, xml] of before) expect(after.get(name)).toBe(xml);
    // number, string, date, boolean, formula: a handful of slow calls, not one per cell
    expect(slowEmpty).toBeGreaterThan(0);
    expect(slowEmpty).toBeLessThan(10);
  });
});
