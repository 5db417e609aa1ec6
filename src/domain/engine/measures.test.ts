import { demoRun, DEMO_REPORT_DATE } from "../../../test/support/demo-run";
import { readWorkbook } from "./input";
import type { MeasureColumns } from "../indicators/columns";
import { MeasureStore } from "./measures";

describe("MeasureStore", () => {
  it("leaves the R4 combos out of the pooled views that are only classified", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = result.reportYear;
    // combo measures with data, over every school
    const combos = (view: MeasureColumns) => view.layout.comboSlots.reduce((n, slot) => n + data.schools.filter((_, at) => view.valueAt(slot, at) !== null).length, 0);
    const store = new MeasureStore(data, settings, t);
    expect(combos(store.pooled(t))).toBeGreaterThan(0);
    expect(store.pooled(t - 1).layout.comboSlots).toEqual([]);
    // single years keep them (the classification reads them), and the pooled index is the same
    expect(combos(store.single(t - 1))).toBeGreaterThan(0);
    const everything = new MeasureStore(data, settings);
    expect(combos(everything.pooled(t - 1))).toBeGreaterThan(0);
    const index = (s: MeasureStore) => data.schools.map((_, at) => s.pooledIndex(t - 1).at(at));
    expect(index(store)).toEqual(index(everything));
    expect(index(store).filter((x) => x.covered).length).toBeGreaterThan(0);
  });
});
