import { parseRange, rangeAddress } from "../../domain/sheet/address";
import type { CellRange } from "../../domain/sheet/snapshot";
import { GatewayError } from "../errors";
import { decodeServiceState, encodeServiceState, normalizeColor } from "../service-state";
import { encodeServiceState as xlsxEncode, decodeServiceState as xlsxDecode } from "../xlsx";
import { parseAreasAddress } from "./a1";
import { chunkAreas, coalesce, groupBlocks } from "./blocks";
import { EXCEL_ERROR_MESSAGES, isPayloadError, toGatewayError } from "./messages";
import { gridBytes, utf8Length } from "./payload";
import { protectText } from "./text";

const r = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

describe("A1 addresses", () => {
  it("parses cells, blocks, whole rows and columns", () => {
    expect(parseRange("B3")).toEqual(r(2, 1));
    expect(parseRange("$A$1:$C$2")).toEqual(r(0, 0, 1, 2));
    expect(parseRange("B:D")).toEqual(r(0, 1, 1_048_575, 3));
    expect(parseRange("2:5")).toEqual(r(1, 0, 4, 16_383));
    expect(parseRange("XFD1048576")).toEqual(r(1_048_575, 16_383));
    expect(parseRange("A0")).toBeNull();
    expect(parseRange("нет")).toBeNull();
    expect(rangeAddress(r(0, 0, 0, 27))).toBe("A1:AB1");
  });

  it("reads RangeAreas addresses with quoted sheet names containing ! and ,", () => {
    expect(parseAreasAddress("Лист1!A1:B4, Лист1!D1:D4")).toEqual([r(0, 0, 3, 1), r(0, 3, 3, 3)]);
    expect(parseAreasAddress("'Мой, лист!'!A1:B2,'It''s'!C3")).toEqual([r(0, 0, 1, 1), r(2, 2)]);
    expect(parseAreasAddress("A1:B2")).toEqual([r(0, 0, 1, 1)]);
  });
});

describe("text protection", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+7 999", "'+7 999"],
    ["-", "'-"],
    ["@x", "'@x"],
    ["'q", "''q"],
    ["#Н/Д", "'#Н/Д"],
    ["0412", "'0412"],
    ["май 2026", "'май 2026"],
    ["ЛОЖЬ", "'ЛОЖЬ"],
    ["МБОУ «СОШ»", "МБОУ «СОШ»"],
    ["", ""],
  ])("%s → %s", (input, output) => expect(protectText(input)).toBe(output));
});

describe("grouping style blocks", () => {
  it("keeps 'later blocks win' while gathering equal styles", () => {
    const blocks = [
      { range: r(0, 0, 9, 9), value: "A" },
      { range: r(1, 1), value: "B" },
      { range: r(1, 1), value: "A" }, // must win over B: cannot join the first A group
      { range: r(5, 5), value: "B" }, // joins B
      { range: r(7, 7), value: "A" }, // overlaps group 0 only (earlier): joins the last A group
    ];
    const groups = groupBlocks(blocks, (v) => v);
    expect(groups.map((g) => [g.key, g.areas.map(rangeAddress)])).toEqual([
      ["A", ["A1:J10"]],
      ["B", ["B2", "F6"]],
      ["A", ["B2", "H8"]],
    ]);
    // Replaying the groups gives the same final colour everywhere as replaying the blocks.
    const paint = (list: { areas: CellRange[]; key: string }[]) => {
      const grid: string[][] = Array.from({ length: 10 }, () => Array(10).fill(""));
      for (const g of list) for (const a of g.areas) for (let i = a.top; i <= a.bottom; i++) for (let j = a.left; j <= a.right; j++) grid[i][j] = g.key;
      return grid;
    };
    expect(paint(groups)).toEqual(paint(blocks.map((b) => ({ key: b.value, areas: [b.range] }))));
  });

  it("coalesces stacked single cells and chunks long address lists", () => {
    expect(coalesce([r(1, 2), r(2, 2), r(3, 2), r(3, 3)]).map(rangeAddress)).toEqual(["C2:C4", "D4"]);
    expect(coalesce([r(0, 0), r(0, 1), r(1, 0), r(1, 1)]).map(rangeAddress)).toEqual(["A1:B2"]);
    const many = Array.from({ length: 1000 }, (_, i) => r(i * 2, 0));
    const chunks = chunkAreas(many, rangeAddress, 200);
    expect(chunks.flat()).toHaveLength(1000);
    expect(chunks.every((c) => c.map(rangeAddress).join(",").length <= 200)).toBe(true);
  });
});

describe("messages", () => {
  it("maps Excel codes to Russian and detects payload errors", () => {
    for (const code of ["InvalidArgument", "ItemNotFound", "AccessDenied", "RequestPayloadSizeLimitExceeded", "GeneralException", "InsertDeleteConflict"]) {
      const e = toGatewayError({ code, message: "x" });
      expect(e).toBeInstanceOf(GatewayError);
      expect(e.message).toBe(EXCEL_ERROR_MESSAGES[code]);
      expect(e.message).toMatch(/[а-я]/);
    }
    expect(toGatewayError(new Error("?")).message).toMatch(/Ошибка Excel/);
    expect(isPayloadError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadError({ code: "GeneralException", message: "Request payload size exceeds the limit" })).toBe(true);
    expect(isPayloadError({ code: "GeneralException", message: "Something else" })).toBe(false);
    expect(isPayloadError({ code: "AccessDenied" })).toBe(false);
  });
});

describe("payload estimates", () => {
  it("counts UTF-8 bytes of JSON like the wire does", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("ШНОР")).toBe(8);
    const grid = [["ШНОР", 1.5, true, ""], ["x", 2, false, "y"]];
    expect(gridBytes(grid)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(grid)));
  });
});

describe("service sheet codec", () => {
  it("is the .xlsx adapter's layout, both ways", () => {
    const state = { owned: ["Сводка", "Индикаторы"], highlights: [{ sheet: "Реестр ОО", range: "A3:L1002", formula: '=$A3="x"', fill: "#FFC7CE" }] };
    expect(encodeServiceState(state)).toEqual(xlsxEncode(state));
    expect(decodeServiceState(xlsxEncode(state))).toEqual(state);
    expect(xlsxDecode(encodeServiceState(state))).toEqual(state);
    expect(normalizeColor("#ffc7ce")).toBe("FFC7CE");
    expect(normalizeColor("FFFFC7CE")).toBe("FFC7CE");
  });
});
