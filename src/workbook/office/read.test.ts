import { FakeExcel, FakeExcelError, type SheetSpec } from "../../../test/fake-excel";
import { trimRows } from "../../../test/fake-excel/fixtures";
import { GatewayError } from "../errors";
import { OfficeGateway } from "./office-gateway";

const gatewayOn = (fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeGateway>[0]> = {}) =>
  new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported, ...extra });

const specs: SheetSpec[] = [
  {
    name: "Реестр ОО",
    values: [["Реестр школ", "", ""], ["Код ОО", "Наименование ОО", "МО"], ["0412", "МБОУ «СОШ № 1»", "Демо-район"], ["edu2", "", "Демо-район"]],
    merges: ["A1:C1"],
  },
  {
    // The used range starts at B3: rows 1–2 and column A are empty.
    name: "Результаты",
    values: [[], [], ["", "Код ОО", "Год", "Участники"], ["", "0412", 2026, 28], ["", "edu2", 2025, ""], ["", "Итого", "", 28]],
    merges: ["B3:B3"],
  },
  { name: "Пустой" },
  { name: "Скрытый", values: [["x"]], visibility: "Hidden" },
  { name: "Ошибки", values: [["#Н/Д", true, 0.5, "#ДЕЛ/0!"]], formulas: [{ cell: "E1", formula: "=A1", value: "#Н/Д" }] },
];

describe("OfficeGateway reading", () => {
  it("lists sheets with visibility in one sync", async () => {
    const fake = FakeExcel.fromSheets(specs);
    const sheets = await gatewayOn(fake).listSheets();
    expect(sheets).toEqual([
      { name: "Реестр ОО", hidden: false },
      { name: "Результаты", hidden: false },
      { name: "Пустой", hidden: false },
      { name: "Скрытый", hidden: true },
      { name: "Ошибки", hidden: false },
    ]);
    expect(fake.syncCount).toBe(1);
  });

  it("gives snapshots equal to the arrays the workbook was built from (padded to A1, merges)", async () => {
    const fake = FakeExcel.fromSheets(specs);
    const snaps = await gatewayOn(fake).readSheets(specs.map((s) => s.name));
    expect(snaps.map((s) => s.name)).toEqual(specs.map((s) => s.name));
    expect(snaps[0]).toEqual({ name: "Реестр ОО", values: trimRows(specs[0].values!), merges: [{ top: 0, left: 0, bottom: 0, right: 2 }], hidden: false });
    expect(snaps[1].values).toEqual(trimRows(specs[1].values!));
    expect(snaps[1].values[3]).toEqual(["", "0412", 2026, 28]);
    expect(snaps[1].merges).toEqual([]); // a one-cell "merge" is no merge
    expect(snaps[2]).toEqual({ name: "Пустой", values: [], merges: [], hidden: false });
    expect(snaps[3].hidden).toBe(true);
    expect(snaps[4].values).toEqual([["#Н/Д", true, 0.5, "#ДЕЛ/0!", "#Н/Д"]]);
    // One sync for used ranges and merges, one for all values.
    expect(fake.syncCount).toBe(2);
  });

  it("reads no merges when ExcelApi 1.13 is missing", async () => {
    const fake = FakeExcel.fromSheets(specs, { excelApi: "1.12" });
    const [snap] = await gatewayOn(fake).readSheets(["Реестр ОО"]);
    expect(snap.merges).toEqual([]);
    expect(snap.values).toEqual(trimRows(specs[0].values!));
  });

  it("falls back to the header zone when a sheet has more than 512 merged areas", async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${i + 10}:B${i + 10}`);
    const fake = FakeExcel.fromSheets([{ name: "M", values: [["Заголовок", "", "x"], ...Array.from({ length: 700 }, (_, i) => [i])], merges: ["A1:B1", ...merges] }]);
    const [snap] = await gatewayOn(fake).readSheets(["M"]);
    // The first 50 rows: A1:B1 and the merges of rows 10–50.
    expect(snap.merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 1 });
    expect(snap.merges.length).toBe(1 + 41);
    expect(snap.values.length).toBe(701);
  });

  it("names a missing sheet in Russian", async () => {
    const fake = FakeExcel.fromSheets(specs);
    await expect(gatewayOn(fake).readSheets(["Реестр ОО", "Нет такого"])).rejects.toMatchObject({
      kind: "not-found",
      sheet: "Нет такого",
      message: expect.stringContaining("«Нет такого» не найден"),
    });
  });

  it("halves the chunk and retries on a response payload error", async () => {
    const rows = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `Ячейка ${r}:${c} — текст`));
    const fake = FakeExcel.fromSheets([{ name: "Большой", values: rows }], { maxResponseBytes: 400_000 });
    const [snap] = await gatewayOn(fake).readSheets(["Большой"]);
    expect(snap.values).toEqual(rows);
    expect(fake.syncs.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(fake.syncs.filter((s) => !s.error).every((s) => s.responseBytes <= 400_000)).toBe(true);
  });

  it("retries after the generic error some hosts give for an oversized request", async () => {
    const rows = Array.from({ length: 500 }, (_, r) => [r, `строка ${r}`]);
    const fake = FakeExcel.fromSheets([{ name: "S", values: rows }]);
    let failed = false;
    fake.failWhen(({ labels }) => {
      if (failed || !labels.some((l) => l.includes("getRangeByIndexes"))) return undefined;
      failed = true;
      return new FakeExcelError("GeneralException", "The request payload size has exceeded the limit.");
    });
    const [snap] = await gatewayOn(fake).readSheets(["S"]);
    expect(snap.values).toEqual(rows);
    expect(failed).toBe(true);
  });

  it("gives up with a Russian message when even one row is too large", async () => {
    const fake = FakeExcel.fromSheets([{ name: "S", values: [["x".repeat(2000), "y".repeat(2000)]] }], { maxResponseBytes: 1000 });
    const err = await gatewayOn(fake)
      .readSheets(["S"])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect((err as GatewayError).message).toMatch(/5 МБ/);
  });

  it("reads the owned-sheet list from the service sheet (none before the first run)", async () => {
    const fake = FakeExcel.fromSheets(specs);
    expect(await gatewayOn(fake).readOwnedSheets()).toEqual([]);
    const withService = FakeExcel.fromSheets([
      ...specs,
      { name: "ШНОР_служебный", visibility: "VeryHidden", values: [["shnor-service", 1], ["owned", "Сводка"], ["owned", "Индикаторы"], ["highlight", "Реестр ОО", "A3:C4", "=$A3=1", "#FFC7CE"]] },
    ]);
    expect(await gatewayOn(withService).readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    expect(withService.syncCount).toBe(1);
  });
});
