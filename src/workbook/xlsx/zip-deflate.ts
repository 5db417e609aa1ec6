/**
 * Node-only: compresses a zip written without compression (STORE) with Node's native zlib.
 * ExcelJS compresses through JSZip's pure-JavaScript deflate (pako), which takes seconds
 * for a book of tens of thousands of rows; written stored and compressed here it takes a
 * fraction of that. Entries, names, order, dates, CRCs and comments are kept; only the
 * method becomes deflate (8) and the sizes change. ZIP64 archives (over 4 GB, or more than
 * 65,535 entries) are returned unchanged.
 */
import { deflateRawSync } from "node:zlib";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export function deflateStoredZip(zip: Uint8Array, level = 6): Uint8Array {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = findEnd(buf);
  if (endAt < 0) return zip;
  const count = buf.readUInt16LE(endAt + 10);
  const cdSize = buf.readUInt32LE(endAt + 12);
  const cdOffset = buf.readUInt32LE(endAt + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return zip;

  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== CENTRAL) return zip;
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const localAt = buf.readUInt32LE(at + 42);
    const central = Buffer.from(buf.subarray(at, at + 46 + nameLen + extraLen + commentLen));
    at += central.length;

    if (buf.readUInt32LE(localAt) !== LOCAL) return zip;
    const localNameLen = buf.readUInt16LE(localAt + 26);
    const localExtraLen = buf.readUInt16LE(localAt + 28);
    const local = Buffer.from(buf.subarray(localAt, localAt + 30 + localNameLen + localExtraLen));
    const data = buf.subarray(localAt + local.length, localAt + local.length + compressedSize);
    const flags = buf.readUInt16LE(localAt + 6);

    let body: Buffer = data;
    if (method === 0 && data.length > 0) {
      body = deflateRawSync(data, { level });
      local.writeUInt16LE(8, 8);
      central.writeUInt16LE(8, 10);
      // no data descriptor: CRC and sizes are in the headers (copied from the central record)
      local.writeUInt16LE(flags & ~0x8, 6);
      central.writeUInt16LE(central.readUInt16LE(8) & ~0x8, 8);
      local.writeUInt32LE(central.readUInt32LE(16), 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(central.readUInt32LE(24), 22);
      central.writeUInt32LE(body.length, 20);
    } else if (flags & 0x8) {
      return zip; // a data descriptor follows this entry: leave the archive as it is
    }
    central.writeUInt32LE(offset, 42);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const end = Buffer.from(buf.subarray(endAt, endAt + 22 + buf.readUInt16LE(endAt + 20)));
  const cdLength = centrals.reduce((n, c) => n + c.length, 0);
  end.writeUInt32LE(END, 0);
  end.writeUInt32LE(cdLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === END) return i;
  return -1;
}
