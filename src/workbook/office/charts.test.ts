/**
 * The demo's report sheets written through the Office adapter on the fake Excel: native
 * charts on «Сводка» built from the data cells, the print set-up with its footer, and the
 * row heights of wrapped text.
 */
import { FakeExcel } from "../../../test/fake-excel";
import { demoRun, sheetOf, type DemoRun } from "../../../test/support/demo-run";
import type { ReportSheet } from "../../domain/report/model";
import { rangeAddress } from "../../domain/sheet/address";
import type { WritePlan } from "../gateway";
import { OfficeGateway } from "./office-gateway";

function planOf(reports: ReportSheet[]): WritePlan {
  return { reports, deleteSheets: [], ownedSheets: reports.map((r) => r.name), highlights: [], settings: null };
}

const chartOps = (fake: FakeExcel) => fake.syncs.flatMap((s) => s.labels).filter((l) => l.includes(".charts") || l.startsWith("charts["));

describe("the demo's reports through the Office adapter", () => {
  let demo: DemoRun;
  let fake: FakeExcel;

  beforeAll(async () => {
    demo = await demoRun();
    fake = FakeExcel.fromSheets([{ name: "Лист1", values: [["данные"]] }]);
    await new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported }).write(planOf(demo.reports));
  });

  it("creates the two native charts of «Сводка» over their frames, from the data cells", () => {
    const specs = sheetOf(demo.reports, "Сводка").charts!;
    const charts = fake.model.get("Сводка").charts;
    expect(charts.map((c) => [c.name, c.type])).toEqual([
      ["ШНОР_ИНР_ИСН", "XYScatter"],
      ["ШНОР_статусы_по_годам", "ColumnClustered"],
    ]);
    charts.forEach((chart, i) => {
      const spec = specs[i];
      expect(chart.title).toBe(spec.title);
      expect(chart.position).toEqual({ start: rangeAddress({ ...spec.frame, bottom: spec.frame.top, right: spec.frame.left }), end: rangeAddress({ ...spec.frame, top: spec.frame.bottom, left: spec.frame.right }) });
      expect(chart.source).toBe(rangeAddress(spec.series[0].y));
      expect(chart.series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
      expect(chart.series.map((s) => s.values)).toEqual(spec.series.map((s) => rangeAddress(s.y)));
      expect(chart.axes.value).toMatchObject({ title: spec.y.title, minimum: spec.y.min, maximum: spec.y.max, majorUnit: spec.y.step });
      expect(chart.axes.category.title).toBe(spec.x.title);
      expect(chart.legend).toEqual({ visible: true, position: "Bottom" });
    });
    const [scatter, bars] = charts;
    expect(scatter.series.map((s) => s.xValues)).toEqual(specs[0].series.map((s) => rangeAddress(s.x!)));
    expect(scatter.axes.category).toMatchObject({ minimum: 0, maximum: 100, majorUnit: 10 });
    const lines = scatter.series.filter((s) => s.chartType === "XYScatterLinesNoMarkers");
    expect(lines.map((s) => s.line?.lineStyle)).toEqual(["Continuous", "Continuous", "Dash"]);
    const points = scatter.series.filter((s) => s.chartType === undefined);
    expect(points.map((s) => s.markerBackgroundColor)).toEqual(specs[0].series.filter((s) => !s.line).map((s) => s.color.toUpperCase()));
    expect(bars.axes.category.categoryNames).toBe(rangeAddress(specs[1].categories!));
    expect(bars.series.map((s) => s.fill)).toEqual(specs[1].series.map((s) => s.color.toUpperCase()));
    expect(chartOps(fake).filter((l) => l.endsWith(".charts.add"))).toHaveLength(2);
  });

  it("adds one sync for the charts, and replaces them on the next run", async () => {
    const withoutCharts = FakeExcel.fromSheets([{ name: "Лист1", values: [["данные"]] }]);
    const plain = planOf(demo.reports.map(({ charts: _c, ...r }) => r));
    await new OfficeGateway({ run: withoutCharts.run, isSetSupported: withoutCharts.isSetSupported }).write(plain);
    expect(fake.syncCount).toBe(withoutCharts.syncCount + 1);

    fake.resetCounters();
    withoutCharts.resetCounters();
    await new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported }).write(planOf(demo.reports));
    await new OfficeGateway({ run: withoutCharts.run, isSetSupported: withoutCharts.isSetSupported }).write(plain);
    expect(fake.model.get("Сводка").charts.map((c) => c.name)).toEqual(["ШНОР_ИНР_ИСН", "ШНОР_статусы_по_годам"]);
    expect(chartOps(fake).filter((l) => /^charts\[.+\]\.delete$/.test(l))).toHaveLength(2);
    expect(fake.syncCount).toBe(withoutCharts.syncCount + 1);
  });

  it("writes the report without the charts when the host refuses a chart call", async () => {
    const refusing = FakeExcel.fromSheets([{ name: "Лист1" }]);
    refusing.failWhen(({ labels }) => (labels.some((l) => l.endsWith(".charts.add")) ? new Error("GeneralException") : undefined));
    await new OfficeGateway({ run: refusing.run, isSetSupported: refusing.isSetSupported }).write(planOf(demo.reports));
    expect(refusing.values("Сводка")).toEqual(fake.values("Сводка"));
    expect(refusing.model.get("Справка").pageLayout).toEqual(fake.model.get("Справка").pageLayout);
    expect(refusing.model.enableEvents).toBe(true);
  });

  it("leaves the charts out on a host without ExcelApi 1.7 (the cells with the data stay)", async () => {
    const old = FakeExcel.fromSheets([{ name: "Лист1" }], { excelApi: "1.6" });
    await new OfficeGateway({ run: old.run, isSetSupported: old.isSetSupported }).write(planOf(demo.reports));
    expect(old.model.get("Сводка").charts).toEqual([]);
    expect(old.values("Сводка")).toEqual(fake.values("Сводка"));
  });

  it("sets the print layout with the footer (page number and count), title rows and columns, print area", () => {
    const layout = (name: string) => fake.model.get(name).pageLayout;
    for (const name of ["Сводка", "Индикаторы", "Кандидаты", "Объективность", "Исполнение ДК", "Справка"]) {
      expect(layout(name).paperSize).toBe("A4");
      expect(layout(name).centerFooter).toMatch(/^Монитор ШНОР · дата отчёта 22\.11\.2026 · настройки [0-9a-f]{8} · стр\. &P из &N$/);
    }
    expect(layout("Справка")).toMatchObject({ orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(layout("Кандидаты")).toMatchObject({ orientation: "Landscape", printTitleRows: "$1:$1" });
    expect(layout("Индикаторы")).toMatchObject({ zoom: { horizontalFitToPages: 3, verticalFitToPages: 0 }, printTitleColumns: "A:B", printTitleRows: "$3:$3" });
    expect(layout("Исполнение ДК").printArea).toBe(`A1:Q${sheetOf(demo.reports, "Исполнение ДК").values.length}`);
  });

  it("sets the row heights of the report model", () => {
    for (const name of ["Справка", "Кандидаты", "Сводка"]) {
      const expected = sheetOf(demo.reports, name).rowHeights!;
      expect([...fake.model.get(name).rowHeights.entries()].sort((a, b) => a[0] - b[0])).toEqual(expected.map((h) => [h.row, h.points]));
    }
  });
});
