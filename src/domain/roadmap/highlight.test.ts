import type { RecognizedTable } from "../recognition/table";
import { keyPart, overdueRuleFormula, rowKey, rowKeyFormula } from "./highlight";

describe("keyPart: a cell as the Excel side of the key writes it", () => {
  it.each([
    [true, "1"],
    [false, "0"],
    [46022, "46022"],
    [2.1, "2.1"],
    [0.1 + 0.2, "0.3"],
    ["до 15,06", "до 15.06"],
    ["Февраль", "Февраль"],
    ["", ""],
  ])("%p → %p", (value, text) => {
    expect(keyPart(value)).toBe(text);
  });
});

describe("rowKey", () => {
  const table: Pick<RecognizedTable, "columns" | "merges"> = {
    // № A, Мероприятие B, Срок C, Ответственный D (not in the key), Фактический результат E
    columns: { number: 0, event: 1, due: 2, responsible: 3, actual: 4 },
    merges: [{ top: 4, left: 2, bottom: 5, right: 2 }],
  };

  it("joins №, event, deadline and fact as typed, in that order (responsible is not part of it)", () => {
    expect(rowKey(table, { row: 3, cells: ["1.1.", "Совещание", "Февраль", "УО", ""] })).toBe("1.1.|Совещание|Февраль|");
    expect(rowKey(table, { row: 3, cells: [2.1, "Совещание", 46022, "УО", true] })).toBe("2.1|Совещание|46022|1");
  });

  it("a cell covered by a merge from above is empty, as a formula sees it (recognition fills it)", () => {
    expect(rowKey(table, { row: 4, cells: ["1", "Курсы", "май", "", ""] })).toBe("1|Курсы|май|");
    expect(rowKey(table, { row: 5, cells: ["", "квалификации", "май", "", ""] })).toBe("|квалификации||");
  });
});

describe("the rule formula", () => {
  const part = (ref: string) => `IF(ISLOGICAL(${ref}),IF(${ref},"1","0"),SUBSTITUTE(${ref}&"",",","."))`;

  it("builds the key from the row's own cells: columns absolute, the row relative", () => {
    expect(rowKeyFormula({ event: 1, due: 2, number: 0 }, 4)).toBe(`${part("$A5")}&"|"&${part("$B5")}&"|"&${part("$C5")}`);
  });

  it("looks the key up among the report lines with status «просрочено»", () => {
    const formula = overdueRuleFormula({ event: 1, due: 3 }, 6, { sheet: "Исполнение ДК", firstRow: 3, lastRow: 9, statusCol: 8, keyCol: 17 }, "просрочено");
    expect(formula).toBe(`SUMPRODUCT(('Исполнение ДК'!$R$4:$R$10=${part("$B7")}&"|"&${part("$D7")})*('Исполнение ДК'!$I$4:$I$10="просрочено"))>0`);
  });
});
