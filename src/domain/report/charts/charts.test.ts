import { demoRun, sheetOf, type DemoRun } from "../../../../test/support/demo-run";
import { STATUS_ORDER } from "../../classification/types";
import { STATUS_LABELS } from "../../i18n/ru";
import type { CellRange, CellValue } from "../../sheet/snapshot";
import type { ChartSpec, ReportSheet } from "../model";
import { LINE_COLORS, STATUS_CHART_COLORS } from "./palette";
import { rgb } from "./raster";
import { columnNumbers, PlotGeometry, renderChart } from "./render";
import { CHART_COLUMN_WIDTH, CHART_FIRST_COL, PLOT_ROW_POINTS } from "./summary-charts";

const col = (c: number, top: number, bottom: number): CellRange => ({ top, left: c, bottom, right: c });
const WHITE = [255, 255, 255];

describe("chart pictures (pure rasteriser)", () => {
  // 11 × 11 plot cells of 10 px; data in A (x) and B (y).
  const values: (CellValue | null)[][] = [
    [0, 50], // threshold line: ИНР 50 across
    [100, 50],
    [50, 0], // threshold line: ИСН 50 up
    [50, 100],
    [20, 80], // a point
    [50, 25], // dashed line
    [100, 25],
  ];
  const scatter: ChartSpec = {
    name: "t",
    kind: "scatter",
    title: "",
    frame: { top: 0, left: 0, bottom: 12, right: 12 },
    plot: { top: 0, left: 1, bottom: 10, right: 11 },
    pixels: { width: 110, height: 110 },
    x: { title: "", min: 0, max: 100, step: 10 },
    y: { title: "", min: 0, max: 100, step: 10 },
    series: [
      { name: "ИНР", color: "#FF0000", x: col(0, 0, 1), y: col(1, 0, 1), line: "solid" },
      { name: "ИСН", color: "#0000FF", x: col(0, 2, 3), y: col(1, 2, 3), line: "solid" },
      { name: "рез", color: "#00AA00", x: col(0, 5, 6), y: col(1, 5, 6), line: "dash" },
      { name: "точки", color: "#112233", x: col(0, 4, 4), y: col(1, 4, 4) },
    ],
  };

  it("puts tick i at the centre of plot cell i", () => {
    const g = new PlotGeometry(scatter);
    expect([g.px(0), g.px(50), g.px(100)]).toEqual([5, 55, 105]);
    expect([g.py(100), g.py(50), g.py(0)]).toEqual([5, 55, 105]);
  });

  it("draws the threshold lines where the thresholds are, points in their colour, and no text", () => {
    const img = renderChart(scatter, values);
    expect([img.width, img.height]).toEqual([110, 110]);
    expect(img.get(0, 0)).toEqual(WHITE);
    expect(img.get(80, 55)).toEqual([255, 0, 0]); // ИНР 50, right half (left of it the blue line crosses)
    expect(img.get(55, 20)).toEqual([0, 0, 255]); // ИСН 50
    expect(img.get(25, 25)).toEqual(rgb("#112233")); // (20, 80)
    // dashed: along y = 25 (py 80) from x 55 to 105 some pixels are green, some not
    const along = Array.from({ length: 45 }, (_, i) => img.get(58 + i, 80).join());
    expect(along).toContain(rgb("#00AA00").join());
    expect(along.some((p) => p !== rgb("#00AA00").join())).toBe(true);
  });

  it("draws columns from the axis up to their value, one band per category", () => {
    const spec: ChartSpec = {
      ...scatter,
      kind: "column",
      plot: { top: 0, left: 1, bottom: 10, right: 4 },
      pixels: { width: 40, height: 110 },
      x: { title: "", min: 0, max: 1, step: 1 },
      y: { title: "", min: 0, max: 10, step: 1 },
      series: [
        { name: "a", color: "#FF0000", y: col(0, 0, 1) },
        { name: "b", color: "#0000FF", y: col(1, 0, 1) },
      ],
    };
    const img = renderChart(spec, [
      [10, 0],
      [5, 2],
    ]);
    const g = new PlotGeometry(spec);
    // category 0 (x 0–20): «a» = 10 reaches the top tick, «b» = 0 is not drawn
    expect(img.get(6, Math.round(g.py(9)))).toEqual([255, 0, 0]);
    expect(img.get(14, Math.round(g.py(1)))).not.toEqual([0, 0, 255]);
    // category 1 (x 20–40): «a» = 5 stops at 5, «b» = 2
    expect(img.get(26, Math.round(g.py(4)))).toEqual([255, 0, 0]);
    expect(img.get(26, Math.round(g.py(6)))).not.toEqual([255, 0, 0]);
    expect(img.get(34, Math.round(g.py(1)))).toEqual([0, 0, 255]);
  });

  it("reads numbers only from data cells", () => {
    expect(columnNumbers([[1], ["нет данных"], [null], [2.5]], col(0, 0, 3))).toEqual([1, null, null, 2.5]);
  });
});

describe("charts of «Сводка» on the demo workbook", () => {
  let demo: DemoRun;
  let summary: ReportSheet;
  let scatter: ChartSpec;
  let bars: ChartSpec;
  const cell = (r: number, c: number) => summary.values[r]?.[c] ?? null;

  beforeAll(async () => {
    demo = await demoRun();
    summary = sheetOf(demo.reports, "Сводка");
    [scatter, bars] = summary.charts!;
  });

  it("describes a scatter of ИНР × ИСН and a column chart of statuses by year, beside the tables", () => {
    expect(summary.charts!.map((c) => [c.name, c.kind])).toEqual([
      ["ШНОР_ИНР_ИСН", "scatter"],
      ["ШНОР_статусы_по_годам", "column"],
    ]);
    for (const c of summary.charts!) {
      expect(c.frame.left).toBe(CHART_FIRST_COL);
      expect(c.plot.left).toBe(CHART_FIRST_COL + 1);
      expect(c.plot.top).toBeGreaterThan(c.frame.top);
      expect(c.plot.bottom).toBeLessThan(c.frame.bottom);
      // plot cells of equal size: widths and fixed row heights
      for (let k = c.plot.left; k <= c.plot.right; k++) expect(summary.columnWidths[k]).toBe(CHART_COLUMN_WIDTH);
      const heights = new Map((summary.rowHeights ?? []).map((h) => [h.row, h.points]));
      for (let r = c.plot.top; r <= c.plot.bottom; r++) expect(heights.get(r)).toBe(PLOT_ROW_POINTS);
    }
  });

  it("plots every school with both indices, in its status's colour, from cells that hold its ИСН and ИНР", () => {
    const points = scatter.series.filter((s) => !s.line);
    let plotted = 0;
    for (const s of points) {
      const status = STATUS_ORDER.find((st) => STATUS_LABELS[st] === s.name)!;
      expect(s.color).toBe(STATUS_CHART_COLORS[status]);
      const xs = columnNumbers(summary.values, s.x!);
      const ys = columnNumbers(summary.values, s.y);
      const expected = demo.json.schools.filter((x) => x.status === status && x.inr !== null && x.isn !== null);
      expect(xs).toEqual(expected.map((x) => x.isn));
      expect(ys).toEqual(expected.map((x) => x.inr));
      plotted += xs.length;
    }
    expect(plotted).toBe(demo.json.schools.filter((x) => x.inr !== null && x.isn !== null).length);
  });

  it("draws the threshold lines at the thresholds in force, with tick labels in the cells around the plot", () => {
    const lines = scatter.series.filter((s) => s.line);
    expect(lines.map((s) => [columnNumbers(summary.values, s.x!), columnNumbers(summary.values, s.y)])).toEqual([
      [[0, 100], [50, 50]],
      [[50, 50], [0, 100]],
      [[50, 100], [25, 25]],
    ]);
    expect(lines.map((s) => s.color)).toEqual([LINE_COLORS.lowResults, LINE_COLORS.adverseContext, LINE_COLORS.resilient]);
    // y ticks left of the plot, x ticks under it
    for (let j = 0; j <= 10; j++) expect(cell(scatter.plot.bottom - j, scatter.plot.left - 1)).toBe(j * 10);
    for (let i = 0; i <= 10; i++) expect(cell(scatter.plot.bottom + 1, scatter.plot.left + i)).toBe(i * 10);
    const img = renderChart(scatter, summary.values);
    const g = new PlotGeometry(scatter);
    expect(img.get(Math.round(g.px(75)), Math.round(g.py(50)))).toEqual(rgb(LINE_COLORS.lowResults));
    expect(img.get(Math.round(g.px(50)), Math.round(g.py(90)))).toEqual(rgb(LINE_COLORS.adverseContext));
  });

  it("counts the statuses of each year as the JSON's status history does", () => {
    const history = demo.json.status_history!;
    expect(columnNumbers(summary.values, bars.categories!)).toEqual(history.years);
    bars.series.forEach((s, k) => {
      const status = STATUS_ORDER[k];
      expect(s.name).toBe(STATUS_LABELS[status]);
      expect(columnNumbers(summary.values, s.y)).toEqual(history.years.map((_, i) => Object.values(history.schools).filter((list) => list[i] === status).length));
    });
    // category labels under the plot
    history.years.forEach((y) => expect(summary.values[bars.plot.bottom + 1]).toContain(y));
    expect(bars.y.max).toBeGreaterThanOrEqual(Math.max(...bars.series.flatMap((s) => columnNumbers(summary.values, s.y) as number[])));
  });

  it("keeps the summary's tables in A–D", () => {
    const rows = summary.values.map((r) => r.slice(0, 4).filter((c) => c !== null).join(" | "));
    expect(rows).toContain("Статус | Школ");
    expect(rows).toContain(`Всего школ | ${demo.json.schools.length}`);
  });
});
