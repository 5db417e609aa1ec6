/**
 * Draws a chart of the report model as a picture (no text: the title, tick labels and legend
 * are cells around the picture, see ChartSpec). The data are read from the sheet's cells, the
 * same cells a native chart refers to.
 */
import type { CellRange, CellValue } from "../../sheet/snapshot";
import type { ChartSeries, ChartSpec } from "../model";
import { Raster, rgb, type Rgb } from "./raster";

const GRID: Rgb = [225, 225, 225];
const AXIS: Rgb = [120, 120, 120];
const OUTLINE: Rgb = [255, 255, 255];

type Grid = readonly (readonly (CellValue | null)[])[];

/** The numbers of a one-column range, null where a cell holds no number. */
export function columnNumbers(values: Grid, range: CellRange): (number | null)[] {
  const out: (number | null)[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const v = values[r]?.[range.left];
    out.push(typeof v === "number" && Number.isFinite(v) ? v : null);
  }
  return out;
}

/** Where values land in the picture: tick i of an axis sits at the centre of cell i. */
export class PlotGeometry {
  readonly cellW: number;
  readonly cellH: number;
  readonly cols: number;
  readonly rows: number;

  constructor(readonly spec: ChartSpec) {
    this.cols = spec.plot.right - spec.plot.left + 1;
    this.rows = spec.plot.bottom - spec.plot.top + 1;
    this.cellW = spec.pixels.width / this.cols;
    this.cellH = spec.pixels.height / this.rows;
  }

  /** Pixel x of a value of a scatter's x axis. */
  px(v: number): number {
    const a = this.spec.x;
    return ((v - a.min) / a.step + 0.5) * this.cellW;
  }

  /** Pixel y of a value of the y axis (0 at the top of the picture). */
  py(v: number): number {
    const a = this.spec.y;
    return (this.rows - 0.5 - (v - a.min) / a.step) * this.cellH;
  }

  /** Column charts: the pixel band [left, right) of category i of n. */
  band(i: number, n: number): [number, number] {
    const w = this.spec.pixels.width / n;
    return [i * w, (i + 1) * w];
  }
}

/** The picture of one chart: white background, grid at the ticks, axes, then the series. */
export function renderChart(spec: ChartSpec, values: Grid): Raster {
  const g = new PlotGeometry(spec);
  const img = new Raster(spec.pixels.width, spec.pixels.height);
  const unit = Math.max(1, Math.round(Math.min(g.cellW, g.cellH) / 30));
  const xLeft = spec.kind === "scatter" ? g.px(spec.x.min) : 0;
  const xRight = spec.kind === "scatter" ? g.px(spec.x.max) : spec.pixels.width;
  const yBottom = g.py(spec.y.min);
  const yTop = g.py(spec.y.max);
  for (let v = spec.y.min; v <= spec.y.max + 1e-9; v += spec.y.step) img.line(xLeft, g.py(v), xRight, g.py(v), GRID, unit);
  if (spec.kind === "scatter") for (let v = spec.x.min; v <= spec.x.max + 1e-9; v += spec.x.step) img.line(g.px(v), yTop, g.px(v), yBottom, GRID, unit);
  if (spec.kind === "scatter") drawScatter(img, g, spec, values, unit);
  else drawColumns(img, g, spec, values);
  img.line(xLeft, yBottom, xRight, yBottom, AXIS, unit);
  img.line(xLeft, yTop, xLeft, yBottom, AXIS, unit);
  return img;
}

function pairs(series: ChartSeries, values: Grid): [number, number][] {
  const ys = columnNumbers(values, series.y);
  const xs = series.x ? columnNumbers(values, series.x) : ys.map((_, i) => i);
  const out: [number, number][] = [];
  for (let i = 0; i < ys.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x !== null && x !== undefined && y !== null) out.push([x, y]);
  }
  return out;
}

function drawScatter(img: Raster, g: PlotGeometry, spec: ChartSpec, values: Grid, unit: number): void {
  // Lines first (thresholds), points over them.
  for (const s of spec.series.filter((x) => x.line)) {
    const pts = pairs(s, values);
    for (let i = 1; i < pts.length; i++) {
      const dash: [number, number] | undefined = s.line === "dash" ? [8 * unit, 5 * unit] : undefined;
      img.line(g.px(pts[i - 1][0]), g.py(pts[i - 1][1]), g.px(pts[i][0]), g.py(pts[i][1]), rgb(s.color), 2 * unit, dash);
    }
  }
  const radius = 4 * unit;
  for (const s of spec.series.filter((x) => !x.line)) {
    const color = rgb(s.color);
    for (const [x, y] of pairs(s, values)) img.disc(g.px(x), g.py(y), radius, color, OUTLINE, unit);
  }
}

function drawColumns(img: Raster, g: PlotGeometry, spec: ChartSpec, values: Grid): void {
  const series = spec.series;
  const n = series.length === 0 ? 0 : series[0].y.bottom - series[0].y.top + 1;
  const base = g.py(spec.y.min);
  for (let i = 0; i < n; i++) {
    const [left, right] = g.band(i, n);
    const inner = (right - left) * 0.8;
    const bar = inner / Math.max(1, series.length);
    series.forEach((s, k) => {
      const v = columnNumbers(values, s.y)[i];
      if (v === null || v <= spec.y.min) return;
      const x0 = left + (right - left - inner) / 2 + k * bar;
      img.rect(x0, g.py(Math.min(v, spec.y.max)), x0 + Math.max(1, bar - 1), base, rgb(s.color));
    });
  }
}
