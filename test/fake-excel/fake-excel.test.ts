import { FakeExcel, enterValue, type FakeCell } from "./index";

/** The fake itself: it must be at least as strict as Excel where the adapter could go wrong. */
describe("fake Excel", () => {
  const book = () =>
    FakeExcel.fromSheets([
      { name: "Лист1", values: [["a", 1], ["", "", "x"]], merges: ["A1:B1"] },
      { name: "Скрытый", values: [[1]], visibility: "Hidden" },
    ]);

  it("makes loaded values available only after sync (PropertyNotLoaded before)", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Лист1").getRange("A1:C2");
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["a", 1, ""],
        ["", "", "x"],
      ]);
    });
    expect(fake.syncCount).toBe(1);
  });

  it("reports null objects after sync and rejects calls chained on them", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Нет такого");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      missing.getRange("A1").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    });
  });

  it("throws ItemNotFound for getItem of a missing sheet at sync", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Нет").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("loads collection items with nested paths", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/protection/protected");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
        ["Лист1", "Visible", false],
        ["Скрытый", "Hidden", false],
      ]);
    });
  });

  it("gives used ranges, merged areas and their addresses", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Лист1");
      const used = ws.getUsedRange(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      await ctx.sync();
      expect(used.address).toBe("Лист1!A1:C2");
      expect([used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([0, 0, 2, 3]);
      expect(merged.address).toBe("Лист1!A1:B1");
    });
  });

  it("rejects requests and responses over 5 MB and reads over 5,000,000 cells", async () => {
    const fake = FakeExcel.fromSheets([{ name: "S", values: [] }]);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const big = Array.from({ length: 6000 }, () => Array.from({ length: 100 }, () => "текст"));
      ws.getRange("A1:CV6000").values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      ws.getRangeByIndexes(0, 0, 5001, 1000).load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
    const small = FakeExcel.fromSheets([{ name: "S", values: Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => "строка текста")) }], {
      maxResponseBytes: 50_000,
    });
    await small.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:CV100").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
  });

  it("parses typed strings like Excel: formulas, numbers, dates, booleans; an apostrophe keeps text", () => {
    const cell = (): FakeCell => ({ value: "" });
    const c1 = cell();
    enterValue(c1, "=1+1");
    expect(c1.formula).toBe("=1+1");
    const c2 = cell();
    enterValue(c2, "0412");
    expect(c2.value).toBe(412);
    const c3 = cell();
    enterValue(c3, "'=1+1");
    expect(c3).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(c3.formula).toBeUndefined();
    const c4 = cell();
    enterValue(c4, "-abc");
    expect(c4.formula).toBe("=-abc");
    const c5 = cell();
    enterValue(c5, "ИСТИНА");
    expect(c5.value).toBe(true);
    const c6 = cell();
    enterValue(c6, "01.02.2026");
    expect(typeof c6.value).toBe("number");
  });

  it("enforces sheet protection and the undo-group restrictions of desktop Excel", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [[1]], protected: true }, { name: "B" }], { strictUndo: true });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1").values = [[2]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    await expect(
      fake.run(
        async (ctx) => {
          ctx.workbook.worksheets.getItem("B").delete();
          await ctx.sync();
        },
        { mergeUndoGroup: true },
      ),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
  });

  it("counts syncs, request and response bytes", async () => {
    const fake = book();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Лист1").getRange("A1:B1").load("values");
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Лист1").getRange("D1").values = [["z"]];
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].responseBytes).toBeGreaterThan(0);
    expect(fake.syncs[1].requestBytes).toBeGreaterThan(fake.syncs[0].requestBytes - 1000);
    expect(fake.values("Лист1")[0]).toEqual(["a", 1, "", "z"]);
  });
});
