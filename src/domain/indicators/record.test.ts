import { demoRun, DEMO_REPORT_DATE } from "../../../test/support/demo-run";
import { readWorkbook } from "../engine/input";
import { MeasureStore } from "../engine/measures";
import { calculateSchools } from "../engine/calculate";
import { S_IDS } from "./catalog";
import { RecordShape } from "./record";

describe("RecordShape", () => {
  it("makes independent records with the keys in order, each null until set", () => {
    const shape = new RecordShape(["R1", "R4.rus5", "R4.math8", "R6b", "S10", "S2"]);
    const a = shape.make<number>();
    const b = shape.make<number>();
    a.R1 = 1;
    a["R4.math8"] = 2;
    expect(Object.keys(a)).toEqual(["R1", "R4.rus5", "R4.math8", "R6b", "S10", "S2"]);
    expect(a).toEqual({ R1: 1, "R4.rus5": null, "R4.math8": 2, R6b: null, S10: null, S2: null });
    expect(Object.values(b).every((v) => v === null)).toBe(true);
  });

  it("gives a school's indicators the keys of its pooled block, R7 and block S, in that order", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const store = new MeasureStore(data, settings, result.reportYear);
    const pooled = store.pooled(result.reportYear);
    for (const s of result.schools) {
      const rKeys = Object.keys(pooled.record(store.schoolAt.get(s.school.id)!));
      expect(Object.keys(s.indicators)).toEqual([...rKeys, "R7", ...S_IDS]);
      expect(rKeys.filter((k) => k.startsWith("R4.")).length).toBeGreaterThan(0);
      expect(Object.values(s.indicators).every((m) => m !== null && typeof m === "object")).toBe(true);
    }
  });
});

describe("a school's indicators from a pooled view without the combos", () => {
  it("keeps the keys of each school's block, in order (the view of t is not the store's shown year)", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = result.reportYear;
    const store = new MeasureStore(data, settings, t - 1);
    const schools = calculateSchools(data, t, settings, store);
    let without = 0;
    for (const s of schools) {
      const rKeys = Object.keys(store.pooled(t).record(store.schoolAt.get(s.school.id)!));
      if (!rKeys.some((k) => k.startsWith("R4."))) without++;
      expect(Object.keys(s.indicators)).toEqual([...rKeys, "R7", ...S_IDS]);
      expect(Object.values(s.indicators).every((m) => m !== null)).toBe(true);
    }
    expect(without).toBeGreaterThan(0);
  });
});
