/**
 * Draws the add-in icons (assets/icons/icon-16.png … icon-80.png): a blue rounded square
 * with three white bars and an orange marker — «Монитор ШНОР». PNG written by hand
 * (RGBA, zlib), 4×4 supersampling for smooth edges. Run: npx tsx scripts/generate-icons.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80] as const;

type RGBA = [number, number, number, number];
const BLUE: RGBA = [31, 90, 168, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const ORANGE: RGBA = [242, 140, 40, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** The shape in unit coordinates (0..1), topmost layer first. */
function colourAt(x: number, y: number): RGBA {
  // Orange marker (top right), drawn over everything.
  if ((x - 0.76) ** 2 + (y - 0.24) ** 2 <= 0.13 ** 2) return ORANGE;
  // Three bars standing on a common base line.
  const bars = [
    [0.2, 0.34, 0.55],
    [0.42, 0.56, 0.4],
    [0.64, 0.78, 0.62],
  ];
  for (const [x0, x1, top] of bars) if (x >= x0 && x <= x1 && y >= top && y <= 0.8) return WHITE;
  // Rounded square background.
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1) return BLUE;
  return CLEAR;
}

export function drawIcon(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          const a = c[3] / 255;
          acc[0] += c[0] * a;
          acc[1] += c[1] * a;
          acc[2] += c[2] * a;
          acc[3] += a;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const alpha = acc[3] / (ss * ss);
      raw[o] = acc[3] > 0 ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = acc[3] > 0 ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = acc[3] > 0 ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, raw);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** `raw`: scanlines, each a filter byte followed by RGBA pixels. */
function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets", "icons");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    const png = drawIcon(size);
    writeFileSync(file, png);
    console.log(`${file}: ${png.length} bytes`);
  }
}
