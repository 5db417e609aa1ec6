import { SheetBuilder } from "./builder";
import { lineHeight, MAX_ROW_POINTS, withRowHeights, wrappedLines } from "./layout";

describe("wrapped lines", () => {
  it("counts the lines of greedy word wrap, wider for bold and large text", () => {
    expect(wrappedLines("короткий текст", 40)).toBe(1);
    expect(wrappedLines("слово ".repeat(40).trim(), 40)).toBeGreaterThanOrEqual(6);
    expect(wrappedLines("абв\nгде\nжзи", 40)).toBe(3);
    const text = "Кандидаты в ШНОР с базовой неуспешностью ".repeat(5);
    expect(wrappedLines(text, 50, true)).toBeGreaterThanOrEqual(wrappedLines(text, 50));
    expect(wrappedLines(text, 50, false, 14)).toBeGreaterThan(wrappedLines(text, 50, false, 11));
    // a word longer than the line is broken
    expect(wrappedLines("x".repeat(100), 20)).toBeGreaterThanOrEqual(5);
  });

  it("is generous enough for the fonts LibreOffice uses in place of Calibri (about 1.1 characters a unit)", () => {
    const text = "В дорожной карте — 30 мероприятий. Срок наступил у 16 мероприятий; из них выполнено 10, в том числе в срок — 9 (56,3 % от наступивших сроков).";
    expect(wrappedLines(text, 100)).toBeGreaterThanOrEqual(Math.ceil(text.length / 110));
  });
});

describe("row heights", () => {
  function sheet() {
    const b = new SheetBuilder(3);
    b.push(["одна строка"]);
    const long = b.push(["длинный абзац ".repeat(30)]);
    b.merges.push({ top: long, left: 0, bottom: long, right: 2 });
    b.style({ top: long, left: 0, bottom: long, right: 2 }, { wrap: true });
    const unwrapped = b.push(["длинный, но без переноса ".repeat(30)]);
    const fixed = b.push(["x"]);
    b.fixedHeights.set(fixed, 30);
    const cell = b.push(["a", "перенос в узком столбце перенос в узком столбце", "b"]);
    b.style({ top: cell, left: 1, bottom: cell, right: 1 }, { wrap: true });
    return { report: b.build("Лист", [20, 10, 20]), long, unwrapped, fixed, cell };
  }

  it("sets a height only for wrapped text that needs more than one line, keeps fixed heights", () => {
    const { report, long, unwrapped, fixed, cell } = sheet();
    const heights = new Map((withRowHeights(report).rowHeights ?? []).map((h) => [h.row, h.points]));
    expect(heights.has(0)).toBe(false);
    expect(heights.has(unwrapped)).toBe(false);
    expect(heights.get(fixed)).toBe(30);
    // the merged block is 50 characters wide: «длинный абзац » × 30 takes 9 lines or more
    expect(heights.get(long)!).toBeGreaterThanOrEqual(8 * lineHeight(11));
    expect(heights.get(cell)!).toBeGreaterThanOrEqual(4 * lineHeight(11));
  });

  it("never exceeds Excel's limit", () => {
    const b = new SheetBuilder(1);
    b.push(["слово ".repeat(5000)]);
    b.style({ top: 0, left: 0, bottom: 0, right: 0 }, { wrap: true });
    expect(withRowHeights(b.build("Лист", [10])).rowHeights).toEqual([{ row: 0, points: MAX_ROW_POINTS }]);
  });

  it("leaves a sheet without wrapped text as it was", () => {
    const b = new SheetBuilder(2);
    b.push(["a", 1]);
    const report = b.build("Лист", [10, 10]);
    expect(withRowHeights(report)).toBe(report);
  });
});
