/**
 * A tiny RGB rasteriser for chart pictures: rectangles, lines (with thickness and dashes) and
 * filled discs, on a pixel buffer in memory. Pure: no canvas, no fonts, no I/O — the same code
 * draws in Node and in the browser; the adapters encode the pixels as PNG.
 */

export type Rgb = [number, number, number];

/** "#RRGGBB" → [r, g, b]. */
export function rgb(color: string): Rgb {
  const hex = color.replace(/^#/, "");
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

export class Raster {
  /** Row-major RGB, 3 bytes per pixel. */
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height))) throw new Error(`bad raster size ${width}×${height}`);
    this.data = new Uint8Array(width * height * 3);
    for (let i = 0; i < this.data.length; i += 3) {
      this.data[i] = background[0];
      this.data[i + 1] = background[1];
      this.data[i + 2] = background[2];
    }
  }

  /** Sets one pixel; outside the picture it is ignored (everything is clipped). */
  set(x: number, y: number, c: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    this.data[i] = c[0];
    this.data[i + 1] = c[1];
    this.data[i + 2] = c[2];
  }

  get(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 3;
    return [this.data[i], this.data[i + 1], this.data[i + 2]];
  }

  /** Fills the pixels x0 ≤ x < x1, y0 ≤ y < y1 (rounded, clipped). */
  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const left = Math.max(0, Math.round(Math.min(x0, x1)));
    const right = Math.min(this.width, Math.round(Math.max(x0, x1)));
    const top = Math.max(0, Math.round(Math.min(y0, y1)));
    const bottom = Math.min(this.height, Math.round(Math.max(y0, y1)));
    for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) this.set(x, y, c);
  }

  /**
   * A line of `thickness` pixels from (x0, y0) to (x1, y1): a square brush stamped along the
   * line; `dash` = [on, off] lengths in pixels.
   */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, thickness = 1, dash?: [number, number]): void {
    const half0 = thickness / 2;
    // Solid horizontal and vertical lines (grids, axes, thresholds) are one rectangle.
    if (!dash && (x0 === x1 || y0 === y1)) {
      this.rect(Math.min(x0, x1) - half0, Math.min(y0, y1) - half0, Math.max(x0, x1) + half0, Math.max(y0, y1) + half0, c);
      return;
    }
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length * 2));
    const half = thickness / 2;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      if (dash) {
        const along = t * length;
        if (along % (dash[0] + dash[1]) >= dash[0]) continue;
      }
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t;
      this.rect(x - half, y - half, x + half, y + half, c);
    }
  }

  /** A filled disc of radius r centred at (cx, cy), with an optional outline of `ring` pixels. */
  disc(cx: number, cy: number, r: number, fill: Rgb, outline?: Rgb, ring = 1): void {
    const r2 = r * r;
    const inner = Math.max(0, r - ring) ** 2;
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        const d = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2;
        if (d > r2) continue;
        this.set(x, y, outline && d > inner ? outline : fill);
      }
    }
  }
}
