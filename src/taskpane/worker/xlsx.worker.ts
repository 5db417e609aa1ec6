/**
 * The browser preview's workbook worker: the .xlsx the user opened, loaded, read, changed
 * and saved by ExcelJS here — loading a book of tens of thousands of rows takes seconds,
 * which the pane's thread must not spend.
 */
import type { WritePlan } from "../../workbook/gateway";
import { XlsxGateway } from "../../workbook/xlsx/xlsx-gateway";
import { serve, Transfer, type Port } from "./protocol";

let gateway: XlsxGateway | null = null;

function need(): XlsxGateway {
  if (!gateway) throw new Error("no workbook is open");
  return gateway;
}

serve(self as unknown as Port, {
  async open(bytes: Uint8Array) {
    gateway = null;
    gateway = await XlsxGateway.fromBuffer(bytes);
  },
  listSheets: () => need().listSheets(),
  readSheets: (names: string[]) => need().readSheets(names),
  readOwnedSheets: () => need().readOwnedSheets(),
  write: (plan: WritePlan) => need().write(plan),
  removeHighlights: () => need().removeHighlights(),
  async toBuffer() {
    const bytes = await need().toBuffer();
    return new Transfer(bytes, [bytes.buffer]);
  },
});
