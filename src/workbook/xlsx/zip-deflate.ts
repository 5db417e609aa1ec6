/**
 * Node-only: rewrites a zip archive entry by entry with Node's native zlib.
 *
 * ExcelJS compresses through JSZip's pure-JavaScript deflate (pako), which takes seconds
 * for a book of tens of thousands of rows; written stored and compressed here it takes a
 * fraction of that. Entries, names, order, dates and comments are kept; stored entries
 * become deflated (8) and the sizes change. Replaced entries (the passthrough of large user
 * sheets, passthrough/) get their new bytes, CRC and sizes. Every local header is rewritten
 * from its central record, so entries that had a data descriptor no longer need one.
 * ZIP64 archives (over 4 GB, or more than 65,535 entries) are returned unchanged.
 */
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import { readZip, type ZipEntry } from "./zip-entries";

export interface RewriteOptions {
  /** zlib level for stored and replaced entries; without it they are stored. */
  level?: number;
  /** Entry name → its new, uncompressed bytes. Names not in the archive are ignored. */
  replace?: ReadonlyMap<string, Uint8Array>;
}

export function rewriteZip(zip: Uint8Array, options: RewriteOptions = {}): Uint8Array {
  const archive = readZip(zip);
  if (!archive) return zip;
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of archive.entries) {
    const { local, central, body } = rewriteEntry(entry, options);
    central.writeUInt32LE(offset, 42);
    parts.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const end = Buffer.from(archive.end);
  end.writeUInt32LE(
    centrals.reduce((n, c) => n + c.length, 0),
    12,
  );
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...centrals, end]));
}

/** Compresses every stored entry (ExcelJS's STORE output) at `level`. */
export function deflateStoredZip(zip: Uint8Array, level = 6): Uint8Array {
  return rewriteZip(zip, { level });
}

function rewriteEntry(entry: ZipEntry, options: RewriteOptions): { local: Buffer; central: Buffer; body: Buffer } {
  const local = Buffer.from(entry.local);
  const central = Buffer.from(entry.central);
  const replacement = options.replace?.get(entry.name);
  let method = entry.method;
  let crc = entry.crc;
  let size = entry.size;
  let body: Buffer = entry.data;
  if (replacement) {
    const data = Buffer.from(replacement.buffer, replacement.byteOffset, replacement.byteLength);
    crc = crc32(data);
    size = data.length;
    [method, body] = options.level !== undefined && data.length > 0 ? [8, deflateRawSync(data, { level: options.level })] : [0, data];
  } else if (method === 0 && body.length > 0 && options.level !== undefined) {
    [method, body] = [8, deflateRawSync(body, { level: options.level })];
  }
  for (const [header, at] of [
    [local, 6],
    [central, 8],
  ] as const) {
    header.writeUInt16LE(header.readUInt16LE(at) & ~0x8, at); // no data descriptor: all is in the headers
    header.writeUInt16LE(method, at + 2);
    header.writeUInt32LE(crc, at + 8);
    header.writeUInt32LE(body.length, at + 12);
    header.writeUInt32LE(size, at + 16);
  }
  return { local, central, body };
}

/** zlib's CRC-32 (Node 20.15 and later), else a table-driven one. */
function crc32(data: Buffer): number {
  return typeof zlibCrc32 === "function" ? zlibCrc32(data) : tableCrc32(data);
}

let table: Int32Array | null = null;

function tableCrc32(data: Buffer): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
