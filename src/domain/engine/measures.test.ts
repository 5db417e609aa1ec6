import { demoRun, DEMO_REPORT_DATE } from "../../../test/support/demo-run";
import { readWorkbook } from "./input";
import { MeasureStore } from "./measures";

describe("MeasureStore", () => {
  it("leaves the R4 combos out of the pooled views that are only classified", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = result.reportYear;
    // (schools without any rows share one frozen empty block, combos included)
    const combos = (view: Map<string, Record<string, unknown>>) => [...view.values()].filter((m) => !Object.isFrozen(m)).reduce((n, m) => n + Object.keys(m).filter((id) => id.startsWith("R4.")).length, 0);
    const store = new MeasureStore(data, settings, t);
    expect(combos(store.pooled(t))).toBeGreaterThan(0);
    expect(combos(store.pooled(t - 1))).toBe(0);
    // single years keep them (the classification reads them), and the pooled index is the same
    expect(combos(store.single(t - 1))).toBeGreaterThan(0);
    const everything = new MeasureStore(data, settings);
    expect(combos(everything.pooled(t - 1))).toBeGreaterThan(0);
    expect([...store.pooledIndex(t - 1)]).toEqual([...everything.pooledIndex(t - 1)]);
  });
});
