/**
 * The earlier years a run classifies (t−1 for the transitions, the years of «Динамика») are
 * classified without reasons: same verdicts as the explained classification, no text.
 */
import { demoRun, DEMO_REPORT_DATE } from "../../../test/support/demo-run";
import { calculateSchools, classifyEarlierYears } from "./calculate";
import { readWorkbook } from "./input";
import { MeasureStore } from "./measures";
import { reportYearOf } from "./years";

describe("classification without reasons", () => {
  it("gives the report year the same status and flags as the run, and no reasons", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = reportYearOf(data, settings);
    const quiet = classifyEarlierYears(data, [t], t, settings, new MeasureStore(data, settings)).get(t)!;
    expect(quiet.size).toBe(result.schools.length);
    let explained = 0;
    for (const s of result.schools) {
      const c = quiet.get(s.school.id)!;
      expect({ status: c.status, flags: c.flags, lowResults: c.lowResults, adverseContext: c.adverseContext }).toEqual({
        status: s.classification.status,
        flags: s.classification.flags,
        lowResults: s.classification.lowResults,
        adverseContext: s.classification.adverseContext,
      });
      expect(c.reasons).toEqual([]);
      if (s.classification.reasons.length > 0) explained++;
    }
    // the comparison means something only if the run did explain its verdicts
    expect(explained).toBeGreaterThan(result.schools.length / 2);
  });

  it("walks the years in order: «was ШНОР» in y is the verdict of y−1", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = result.reportYear;
    const byYear = classifyEarlierYears(data, [t - 1, t], t, settings, new MeasureStore(data, settings));
    for (const s of result.schools) {
      expect(byYear.get(t - 1)!.get(s.school.id)!.lowResults).toBe(s.prev.lowResults);
      expect(byYear.get(t)!.get(s.school.id)!.status).toBe(s.classification.status);
    }
  });
});

describe("the seed year before the timeline", () => {
  it("has no ШНОР school when it and the year before have no results and it has no passports", async () => {
    const { sheets } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const first = Math.min(...Array.from(data.results.year), ...data.social.map((r) => r.year));
    // the full rules classify first−1 as t−1 of the report year `first` (no shortcut there)
    const schools = calculateSchools(data, first, settings, new MeasureStore(data, settings));
    expect(schools.length).toBeGreaterThan(0);
    for (const s of schools) expect(s.prev.lowResults).toBe(false);
  });

  it("is classified when it has data (a timeline cut at MAX_HISTORY_YEARS)", async () => {
    const { sheets, result } = await demoRun();
    const { data, settings } = readWorkbook(sheets, { ignoreSheets: new Set(), reportDate: DEMO_REPORT_DATE, today: DEMO_REPORT_DATE });
    const t = result.reportYear;
    // t−1 has data: its verdicts seed t, whose «was ШНОР» must be the one of the full walk
    const cut = classifyEarlierYears(data, [t], t, settings, new MeasureStore(data, settings)).get(t)!;
    const full = classifyEarlierYears(data, [t - 1, t], t, settings, new MeasureStore(data, settings)).get(t)!;
    expect([...cut]).toEqual([...full]);
    // …and the seed matters: some school was ШНОР in t−1 (else the comparison proves nothing)
    expect(result.schools.some((s) => s.prev.lowResults)).toBe(true);
  });
});
