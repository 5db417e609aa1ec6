import { deflateSync } from "node:zlib";
import { decodePng } from "../../../test/support/png";
import { Raster } from "../../domain/report/charts/raster";
import { adler32, crc32, defaultDeflate, encodePng, storedDeflate } from "./png";

function picture(): Raster {
  const img = new Raster(300, 120);
  img.rect(10, 10, 60, 40, [200, 30, 40]);
  img.line(0, 100, 299, 100, [0, 0, 255], 2);
  img.disc(200, 60, 8, [20, 120, 20], [255, 255, 255]);
  return img;
}

describe("PNG encoding of chart pictures", () => {
  it("knows the CRC-32 and Adler-32 check values", () => {
    const text = new TextEncoder().encode("123456789");
    expect(crc32(text)).toBe(0xcbf43926);
    expect(adler32(new TextEncoder().encode("Wikipedia"))).toBe(0x11e60398);
  });

  it.each([
    ["Node zlib", (d: Uint8Array) => deflateSync(d)],
    ["stored blocks (no compression library)", storedDeflate],
    ["CompressionStream (the browser's)", defaultDeflate()],
  ])("writes a PNG that decodes to the same pixels with %s", async (_name, deflate) => {
    const img = picture();
    const png = await encodePng(img, deflate);
    const back = decodePng(png);
    expect([back.width, back.height, back.channels]).toEqual([300, 120, 3]);
    for (const [x, y] of [[0, 0], [20, 20], [150, 100], [200, 60], [299, 119]]) expect(back.pixel(x, y)).toEqual(img.get(x, y));
  });

  it("stores more than one deflate block for a large picture", async () => {
    const img = new Raster(400, 400); // 480 KB of pixels: eight stored blocks
    const png = await encodePng(img, storedDeflate);
    expect(decodePng(png).pixel(399, 399)).toEqual([255, 255, 255]);
  });
});
