/** Node-only: open and save .xlsx files (the command line, tests). Not for the browser. */
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { deflateSync } from "node:zlib";
import { XlsxGateway } from "./xlsx-gateway";
import { rewriteZip } from "./zip-deflate";
import { installEmptyStyleIds } from "./empty-style-ids";

installEmptyStyleIds();

/** Node's zlib for the chart pictures. */
export const nodeDeflate = (data: Uint8Array): Uint8Array => deflateSync(data);

export async function openXlsxFile(path: string): Promise<XlsxGateway> {
  return XlsxGateway.fromBuffer(await readFile(path), { deflate: nodeDeflate });
}

/** zlib level of saved books: 3 is within a few per cent of the default's size, twice as fast. */
const SAVE_LEVEL = 3;

export async function saveXlsxFile(gateway: XlsxGateway, path: string): Promise<void> {
  await saveStoredZip(await gateway.toBuffer({ stored: true }), path);
}

/**
 * Compresses the book ExcelJS wrote stored, with the entries of `replace` swapped in (the
 * passthrough of large sheets), and writes it through a temporary file and a rename, so a
 * failed save never leaves half a file.
 */
export async function saveStoredZip(stored: Uint8Array, path: string, replace?: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const data = rewriteZip(stored, { level: SAVE_LEVEL, replace });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
