import { ColumnLayout, MeasureColumns, RED, zoneCode } from "./columns";
import { NO_DATA } from "./measure";

/** Keys in record order; slots in another order (as block R puts its combos last). */
const layout = new ColumnLayout(["A", "R4.x", "B", "Y"], [0, 3, 1, 2], 4, [false, false, true, false]);

describe("MeasureColumns", () => {
  it("holds «нет данных» where nothing was written", () => {
    const view = new MeasureColumns(layout, 2);
    expect(view.measure(0, 1)).toBe(NO_DATA);
    expect(view.valueAt(0, 1)).toBeNull();
    expect(view.zoneAt(0, 1)).toBe(zoneCode("none"));
  });

  it("gives back what was written, the years ascending whatever the order of their bits", () => {
    const view = new MeasureColumns(layout, 2, [2026, 2025, 2024]);
    view.set(3, 1, 25, 40, "red", 0b101);
    expect(view.zoneAt(3, 1)).toBe(RED);
    expect(view.measure(3, 1)).toEqual({ value: 25, n: 40, scored: true, zone: "red", years: [2024, 2026] });
    expect(view.yearsAt(3, 1)).toBe(view.measure(3, 1).years);
    // a value that is not scored keeps its value, zone "none"
    view.set(0, 0, 5, 3, "none", 0b10);
    expect(view.measure(0, 0)).toEqual({ value: 5, n: 3, scored: false, zone: "none", years: [2025] });
    // the other school is untouched
    expect(view.measure(3, 0)).toBe(NO_DATA);
  });

  it("makes a school's record with the layout's keys in order, each from its slot", () => {
    const view = new MeasureColumns(layout, 1, [2026]);
    view.set(3, 0, 10, 20, "green", 1);
    view.set(1, 0, 30, 20, "yellow", 1);
    const record = view.record(0);
    expect(Object.keys(record)).toEqual(["A", "R4.x", "B", "Y"]);
    expect(record["R4.x"].value).toBe(10);
    expect(record.B.value).toBe(30);
    expect(record.A).toBe(NO_DATA);
    expect(layout.comboSlots).toEqual([3]);
  });

  it("shares one object per yes/no value", () => {
    const view = new MeasureColumns(layout, 2);
    view.set(2, 0, 1, 0, "red", 0);
    view.set(2, 1, 1, 0, "red", 0);
    expect(view.measure(2, 0)).toEqual({ value: 1, n: 0, scored: true, zone: "red", years: [] });
    expect(view.measure(2, 0)).toBe(view.measure(2, 1));
    expect(Object.isFrozen(view.measure(2, 0))).toBe(true);
  });
});
