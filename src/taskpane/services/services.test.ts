import { Workbook } from "exceljs";
import { RunError } from "../../app/orchestrator";
import { REPORT_SHEETS } from "../../domain/i18n/ru";
import { MemoryGateway, smallBook } from "../../../test/support/memory-gateway";
import { strings } from "../strings";
import { createOfficeServices, type Selection } from "./office";
import { createPreviewServices } from "./preview";

class RecordingSelection implements Selection {
  readonly calls: unknown[][] = [];
  async selectCell(sheet: string, address: string) {
    this.calls.push(["cell", sheet, address]);
  }
  async selectRow(sheet: string, row: number) {
    this.calls.push(["row", sheet, row]);
  }
}

async function xlsxFile(name = "книга.xlsx"): Promise<File> {
  const wb = new Workbook();
  for (const [sheet, rows] of Object.entries(smallBook())) wb.addWorksheet(sheet).addRows(rows);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return new File([bytes], name);
}

describe("office services", () => {
  test("run, then a school click selects its registry row and a problem click its cell", async () => {
    const gateway = MemoryGateway.of(smallBook());
    const selection = new RecordingSelection();
    const services = createOfficeServices({ gateway, selection, version: "test" });
    expect(await services.selectSchool("edu100001")).toBe(strings.errors.schoolNotFound);
    const stages: string[] = [];
    const outcome = await services.calculate({ onProgress: (p) => stages.push(p.stage) });
    expect(stages).toEqual(["reading", "computing", "writing", "done"]);
    expect(outcome.json.schools).toHaveLength(6);
    await services.selectSchool("edu100003");
    await services.selectCell("Результаты", "F17");
    await services.selectCell("Результаты", "");
    expect(selection.calls).toEqual([
      ["row", "Реестр ОО", 4],
      ["cell", "Результаты", "F17"],
      ["cell", "Результаты", "A1"],
    ]);
  });

  test("«Открыть настройки» selects the settings sheet, or says it appears after the first run", async () => {
    const gateway = MemoryGateway.of(smallBook());
    const selection = new RecordingSelection();
    const services = createOfficeServices({ gateway, selection });
    expect(await services.openSettings()).toBe(strings.actions.noSettings);
    await services.calculate({});
    expect(await services.openSettings()).toBeUndefined();
    expect(selection.calls).toEqual([["cell", "Настройки", "A1"]]);
  });

  test("cancel before writing leaves the book alone; a shared orchestrator refuses a second run", async () => {
    const gateway = MemoryGateway.of(smallBook());
    const services = createOfficeServices({ gateway, selection: new RecordingSelection() });
    const controller = new AbortController();
    controller.abort();
    await expect(services.calculate({ signal: controller.signal })).rejects.toMatchObject({ code: "cancelled" });
    expect(gateway.writes).toHaveLength(0);

    let release!: () => void;
    gateway.gate = new Promise((r) => (release = r));
    const first = services.calculate({});
    await expect(services.calculate({})).rejects.toBeInstanceOf(RunError);
    await expect(services.removeHighlights()).rejects.toMatchObject({ code: "busy" });
    release();
    await first;
    await services.removeHighlights();
    expect(gateway.highlightsRemoved).toBe(1);
  });

  test("listInputTables reads the book through the gateway", async () => {
    const services = createOfficeServices({ gateway: MemoryGateway.of(smallBook()), selection: new RecordingSelection() });
    const found = await services.listInputTables();
    expect(found.tables.map((t) => t.kind)).toEqual(["registry", "results"]);
  });
});

describe("preview services", () => {
  test("nothing runs before a file is open", async () => {
    const services = createPreviewServices();
    await expect(services.calculate({})).rejects.toThrow(strings.preview.noFile);
    await expect(services.listInputTables()).rejects.toThrow(strings.preview.noFile);
    expect(services.fileName).toBeNull();
  });

  test("open an .xlsx, list its tables, calculate, download a book with the report sheets", async () => {
    const saved: { bytes: Uint8Array; name: string }[] = [];
    const services = createPreviewServices({ save: (bytes, name) => saved.push({ bytes, name }), version: "test" });
    await services.openFile(await xlsxFile("Мониторинг 2026.xlsx"));
    expect(services.fileName).toBe("Мониторинг 2026.xlsx");
    expect((await services.listInputTables()).tables.map((t) => t.kind)).toEqual(["registry", "results"]);
    const outcome = await services.calculate({});
    expect(outcome.written).toContain(REPORT_SHEETS.summary);
    expect(await services.selectSchool("edu100002")).toBe(strings.preview.selectSchool("Реестр ОО", 3));
    expect(await services.selectCell("Результаты", "F17")).toBe(strings.preview.selectCell("Результаты", "F17"));
    expect(await services.download()).toBe(strings.preview.downloaded("Мониторинг 2026.shnor.xlsx"));
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe("Мониторинг 2026.shnor.xlsx");
    const back = new Workbook();
    await back.xlsx.load(saved[0].bytes as never);
    const names = back.worksheets.map((w) => w.name);
    for (const name of outcome.written) expect(names).toContain(name);
    expect(names).toContain("Реестр ОО");
  });

  test("a file that is not an .xlsx is refused with a Russian message", async () => {
    const services = createPreviewServices();
    await expect(services.openFile(new File(["Код ОО;Год"], "данные.csv"))).rejects.toThrow(strings.preview.notXlsx("данные.csv"));
    await expect(services.openFile(new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], "битый.xlsx"))).rejects.toThrow(/Не удалось открыть «битый.xlsx»/);
    expect(services.fileName).toBeNull();
  });
});
