/**
 * Native charts of a report sheet (the report model's ChartSpec) through Office.js: one chart
 * per spec over its `frame` cells, its series referring to the data cells of the sheet.
 * Needs ExcelApi 1.7 (series.add, setValues, setXAxisValues, marker and line formats); the
 * manifest asks for 1.9.
 */
import type { ChartSeries, ChartSpec } from "../../domain/report/model";
import { cellAddress } from "../../domain/sheet/address";
import type { CellRange } from "../../domain/sheet/snapshot";

const rangeOf = (ws: Excel.Worksheet, r: CellRange): Excel.Range => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

/** Queues the creation of one chart (no sync). */
export function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const scatter = spec.kind === "scatter";
  const chart = ws.charts.add(scatter ? "XYScatter" : "ColumnClustered", rangeOf(ws, first.y), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.visible = true;
  chart.legend.position = "Bottom";
  chart.setPosition(cellAddress(spec.frame.top, spec.frame.left), cellAddress(spec.frame.bottom, spec.frame.right));
  const x = chart.axes.categoryAxis;
  const y = chart.axes.valueAxis;
  x.title.text = spec.x.title;
  y.title.text = spec.y.title;
  y.minimum = spec.y.min;
  y.maximum = spec.y.max;
  y.majorUnit = spec.y.step;
  if (scatter) {
    x.minimum = spec.x.min;
    x.maximum = spec.x.max;
    x.majorUnit = spec.x.step;
  } else if (spec.categories) x.setCategoryNames(rangeOf(ws, spec.categories));
  styleSeries(ws, chart.series.getItemAt(0), first, scatter);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(rangeOf(ws, s.y));
    styleSeries(ws, series, s, scatter);
  }
}

function styleSeries(ws: Excel.Worksheet, series: Excel.ChartSeries, s: ChartSeries, scatter: boolean): void {
  series.name = s.name;
  if (s.x) series.setXAxisValues(rangeOf(ws, s.x));
  if (!scatter) {
    series.format.fill.setSolidColor(s.color);
    return;
  }
  if (s.line) {
    series.chartType = "XYScatterLinesNoMarkers";
    series.format.line.color = s.color;
    series.format.line.weight = 2;
    series.format.line.lineStyle = s.line === "dash" ? "Dash" : "Continuous";
    return;
  }
  series.markerStyle = "Circle";
  series.markerSize = 7;
  series.markerBackgroundColor = s.color;
  series.markerForegroundColor = s.color;
}
