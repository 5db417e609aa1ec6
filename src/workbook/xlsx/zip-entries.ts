/**
 * Node-only: the entries of a zip archive, found through its central directory (the one
 * authority on names, sizes and CRCs: a local header may leave them to a data descriptor).
 * ZIP64 archives (over 4 GB, or more than 65,535 entries) and anything malformed give null:
 * callers then leave the archive to ExcelJS, which says what is wrong with it.
 */
import { inflateRawSync } from "node:zlib";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The central record (fixed part, name, extra field, comment), as in the archive. */
  central: Buffer;
  /** The local header (fixed part, name, extra field), as in the archive. */
  local: Buffer;
  /** The entry's data, as stored (compressed or not). */
  data: Buffer;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** The end-of-central-directory record with its comment. */
  end: Buffer;
}

export function readZip(zip: Uint8Array): ZipArchive | null {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = findEnd(buf);
  if (endAt < 0) return null;
  const count = buf.readUInt16LE(endAt + 10);
  const cdSize = buf.readUInt32LE(endAt + 12);
  const cdOffset = buf.readUInt32LE(endAt + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    const entry = readEntry(buf, at);
    if (!entry) return null;
    entries.push(entry);
    at += entry.central.length;
  }
  return { entries, end: buf.subarray(endAt, endAt + 22 + buf.readUInt16LE(endAt + 20)) };
}

function readEntry(buf: Buffer, at: number): ZipEntry | null {
  if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
  const nameLen = buf.readUInt16LE(at + 28);
  const central = buf.subarray(at, at + 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32));
  const compressedSize = central.readUInt32LE(20);
  const localAt = central.readUInt32LE(42);
  if (localAt + 30 > buf.length || buf.readUInt32LE(localAt) !== LOCAL) return null;
  const local = buf.subarray(localAt, localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28));
  const dataAt = localAt + local.length;
  if (dataAt + compressedSize > buf.length) return null;
  return {
    // bit 11: UTF-8 names; otherwise CP437, of which the ASCII part names of a book are the same
    name: buf.toString(central.readUInt16LE(8) & 0x800 ? "utf8" : "latin1", at + 46, at + 46 + nameLen),
    method: central.readUInt16LE(10),
    crc: central.readUInt32LE(16),
    compressedSize,
    size: central.readUInt32LE(24),
    central,
    local,
    data: buf.subarray(dataAt, dataAt + compressedSize),
  };
}

/** The entry's bytes, uncompressed. Throws for a method other than stored or deflated. */
export function entryBytes(entry: ZipEntry): Buffer {
  if (entry.method === 0) return entry.data;
  if (entry.method === 8) return inflateRawSync(entry.data);
  throw new Error(`zip entry ${entry.name}: compression method ${entry.method}`);
}

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === END) return i;
  return -1;
}
