/**
 * What a saved result workbook holds beyond values: the chart pictures on «Сводка» (PNG over
 * the plot cells, with the threshold lines where the thresholds are), the print set-up of
 * the report sheets (A4, orientation, fit to width, title rows and columns, print area,
 * footer with the report date and the settings fingerprint) and the row heights of wrapped
 * text — all read back by ExcelJS from the saved file.
 */
import { readFileSync } from "node:fs";
import { Workbook, type Worksheet } from "exceljs";
import { decodePng } from "../../../test/support/png";
import { DEMO_BOOK, DEMO_REPORT_DATE, demoRun, sheetOf, type DemoRun } from "../../../test/support/demo-run";
import { Orchestrator } from "../../app/orchestrator";
import { LINE_COLORS } from "../../domain/report/charts/palette";
import { Raster, rgb } from "../../domain/report/charts/raster";
import { PlotGeometry } from "../../domain/report/charts/render";
import type { ChartSpec } from "../../domain/report/model";
import { nodeDeflate } from "./file";
import { encodePng } from "./png";
import { XlsxGateway } from "./xlsx-gateway";

async function calculate(input: Uint8Array): Promise<Uint8Array> {
  const gw = await XlsxGateway.fromBuffer(input, { deflate: nodeDeflate });
  await new Orchestrator(gw).calculate({ reportDate: DEMO_REPORT_DATE, now: () => new Date(2026, 10, 22, 10, 0, 0) });
  return gw.toBuffer();
}

async function load(data: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

const media = (wb: Workbook) => (wb as unknown as { media: { buffer?: Uint8Array; extension: string }[] }).media;

describe("the result workbook of the demo, read back by ExcelJS", () => {
  let demo: DemoRun;
  let first: Uint8Array;
  let wb: Workbook;

  beforeAll(async () => {
    demo = await demoRun();
    first = await calculate(readFileSync(DEMO_BOOK));
    wb = await load(first);
  });

  it("has the two chart pictures on «Сводка», over the plot cells, at the picture size of the report model", () => {
    const ws = wb.getWorksheet("Сводка")!;
    const charts = sheetOf(demo.reports, "Сводка").charts!;
    const images = ws.getImages();
    expect(images).toHaveLength(2);
    images.forEach((image, i) => {
      const plot = charts[i].plot;
      expect([image.range.tl.nativeCol, image.range.tl.nativeRow]).toEqual([plot.left, plot.top]);
      expect([image.range.br.nativeCol, image.range.br.nativeRow]).toEqual([plot.right + 1, plot.bottom + 1]);
      const file = wb.getImage(Number(image.imageId));
      expect(file.extension).toBe("png");
      const png = decodePng(file.buffer as unknown as Uint8Array);
      expect([png.width, png.height]).toEqual([charts[i].pixels.width, charts[i].pixels.height]);
    });
  });

  it("draws the quadrant lines of the scatter at ИНР 50, ИСН 50 and the resilient ИНР 25", () => {
    const ws = wb.getWorksheet("Сводка")!;
    const spec: ChartSpec = sheetOf(demo.reports, "Сводка").charts![0];
    const png = decodePng(wb.getImage(Number(ws.getImages()[0].imageId)).buffer as unknown as Uint8Array);
    const g = new PlotGeometry(spec);
    const at = (x: number, y: number) => png.pixel(Math.round(g.px(x)), Math.round(g.py(y)));
    // the horizontal line at ИНР 50 across, the vertical one at ИСН 50 up: sampled between points
    for (const x of [3, 27, 73, 97]) expect(at(x, 50)).toEqual(rgb(LINE_COLORS.lowResults));
    for (const y of [3, 37, 63, 97]) expect(at(50, y)).toEqual(rgb(LINE_COLORS.adverseContext));
    // the dashed resilient line: green somewhere right of ИСН 50 at ИНР 25, never left of it
    const right = Array.from({ length: 90 }, (_, i) => at(51 + i / 2, 25).join());
    expect(right).toContain(rgb(LINE_COLORS.resilient).join());
    expect(at(25, 25)).not.toEqual(rgb(LINE_COLORS.resilient));
    // the picture has no text: just white, grey grid and the series' colours around an empty corner
    expect(png.pixel(0, 0)).toEqual([255, 255, 255]);
  });

  it("prints «Кандидаты», «Исполнение ДК» and «Справка» on A4 with titles, fit to width and the footer", () => {
    const footer = /^&CМонитор ШНОР · дата отчёта 22\.11\.2026 · настройки [0-9a-f]{8} · стр\. &P из &N$/;
    const setup = (name: string) => wb.getWorksheet(name)!.pageSetup;
    const footerOf = (name: string) => wb.getWorksheet(name)!.headerFooter.oddFooter;
    for (const name of ["Сводка", "Индикаторы", "Кандидаты", "Динамика", "Объективность", "Исполнение ДК", "Справка"]) {
      expect(setup(name).paperSize).toBe(9);
      expect(footerOf(name)).toMatch(footer);
    }
    expect(setup("Кандидаты")).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    expect(setup("Справка")).toMatchObject({ orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const roadmap = sheetOf(demo.reports, "Исполнение ДК");
    expect(setup("Исполнение ДК")).toMatchObject({ orientation: "landscape", fitToWidth: 1, printTitlesRow: "3:3", printArea: `A1:Q${roadmap.values.length}` });
    expect(setup("Индикаторы")).toMatchObject({ orientation: "landscape", fitToWidth: 3, printTitlesRow: "3:3", printTitlesColumn: "A:B" });
  });

  it("gives wrapped text rows their heights (the paragraphs of «Справка», the reasons of «Кандидаты»)", () => {
    const heights = (ws: Worksheet) => {
      const out: number[] = [];
      ws.eachRow((row) => void (row.height && out.push(row.height)));
      return out;
    };
    const note = wb.getWorksheet("Справка")!;
    const expected = sheetOf(demo.reports, "Справка").rowHeights!;
    for (const h of expected) expect(note.getRow(h.row + 1).height).toBe(h.points);
    expect(Math.max(...heights(note))).toBeGreaterThanOrEqual(60);
    expect(heights(wb.getWorksheet("Кандидаты")!).filter((h) => h > 30).length).toBeGreaterThan(5);
  });

  it("keeps one copy of each picture when the result is calculated again (no pictures pile up)", async () => {
    const second = await load(await calculate(first));
    expect(media(wb)).toHaveLength(2);
    expect(media(second)).toHaveLength(2);
    expect(second.getWorksheet("Сводка")!.getImages()).toHaveLength(2);
    // the same input gives the same pictures
    expect(media(second).map((m) => Buffer.from(m.buffer!).toString("base64"))).toEqual(media(wb).map((m) => Buffer.from(m.buffer!).toString("base64")));
    // the print area survives the round trip through ExcelJS
    expect(second.getWorksheet("Исполнение ДК")!.pageSetup.printArea).toBe(wb.getWorksheet("Исполнение ДК")!.pageSetup.printArea);
  });

  it("keeps a user's picture and a user's print area", async () => {
    const user = await load(readFileSync(DEMO_BOOK));
    const ws = user.getWorksheet("Реестр ОО")!;
    const picture = new Raster(16, 16);
    picture.rect(4, 4, 12, 12, [200, 0, 0]);
    const png = Buffer.from(await encodePng(picture, nodeDeflate));
    ws.addImage(user.addImage({ buffer: png as never, extension: "png" }), "M2:N4");
    ws.pageSetup.printArea = "A1:D20";
    const result = await load(await calculate(new Uint8Array(await user.xlsx.writeBuffer())));
    const again = await load(await calculate(new Uint8Array(await result.xlsx.writeBuffer())));
    for (const book of [result, again]) {
      const reg = book.getWorksheet("Реестр ОО")!;
      expect(reg.getImages()).toHaveLength(1);
      expect(Buffer.from(book.getImage(Number(reg.getImages()[0].imageId)).buffer as never).equals(png)).toBe(true);
      expect(reg.pageSetup.printArea).toBe("A1:D20");
    }
    expect(media(again)).toHaveLength(3);
  });
});
