import { FakeExcel } from "../../../test/fake-excel";
import { regionPlan, regionWorkbook } from "../../../test/fake-excel/fixtures";
import { OfficeGateway } from "./office-gateway";

/**
 * quality.md: "Office adapter on the fake Excel, region run: ≤ 15 sync() calls in total";
 * no request or response over 4 MB; no read over 5M cells. The brief adds: the region read
 * alone in ≤ 8 syncs.
 */
const FOUR_MB = 4_000_000;

describe("region run on the fake Excel", () => {
  const region = regionWorkbook();
  const names = region.specs.map((s) => s.name);
  const readNames = names.filter((n) => n !== "Настройки").concat("Настройки");

  function measure(fake: FakeExcel, from: number) {
    const syncs = fake.syncs.slice(from);
    return {
      syncs: syncs.length,
      maxRequest: Math.max(...syncs.map((s) => s.requestBytes)),
      maxResponse: Math.max(...syncs.map((s) => s.responseBytes)),
      maxCellsRead: Math.max(...syncs.map((s) => s.cellsRead)),
    };
  }

  it("reads 1,000 schools / 45,000 × 17 results and the other tables in ≤ 8 syncs", async () => {
    const fake = FakeExcel.fromSheets(region.specs);
    const gw = new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported });
    const snaps = await gw.readSheets(readNames);
    for (const snap of snaps) {
      expect(snap.values).toEqual(region.expected[snap.name].values);
      expect(snap.merges).toEqual(region.expected[snap.name].merges);
    }
    expect(snaps.find((s) => s.name === "Результаты")!.values.length).toBe(45_003);
    const m = measure(fake, 0);
    expect(m.syncs).toBeLessThanOrEqual(8);
    expect(m.maxRequest).toBeLessThanOrEqual(FOUR_MB);
    expect(m.maxResponse).toBeLessThanOrEqual(FOUR_MB);
    expect(m.maxCellsRead).toBeLessThanOrEqual(5_000_000);
    console.log(`region read: ${m.syncs} syncs, largest request ${m.maxRequest} B, largest response ${m.maxResponse} B, largest read ${m.maxCellsRead} cells`);
  });

  it("lists, reads and writes ~7 report sheets in ≤ 15 syncs (first run and second run)", async () => {
    const fake = FakeExcel.fromSheets(region.specs);
    const gw = new OfficeGateway({ run: fake.run, isSetSupported: fake.isSetSupported });
    const plan = regionPlan(region.schoolIds);
    const cells = plan.reports.reduce((n, r) => n + r.values.length * (r.values[0]?.length ?? 0), 0);

    for (const run of ["first", "second"]) {
      const start = fake.syncCount;
      const sheets = await gw.listSheets();
      await gw.readOwnedSheets();
      const input = sheets.filter((s) => !s.hidden && !plan.reports.some((r) => r.name === s.name)).map((s) => s.name);
      await gw.readSheets(input);
      const readSyncs = fake.syncCount - start;
      const writeStart = fake.syncCount;
      await gw.write(plan);
      const m = measure(fake, start);
      const w = measure(fake, writeStart);
      expect(m.syncs).toBeLessThanOrEqual(15);
      expect(m.maxRequest).toBeLessThanOrEqual(FOUR_MB);
      expect(m.maxResponse).toBeLessThanOrEqual(FOUR_MB);
      console.log(
        `region ${run} run: ${m.syncs} syncs (list+owned+read ${readSyncs}, write ${w.syncs}); ` +
          `write of ${cells} cells: largest request ${w.maxRequest} B; overall largest response ${m.maxResponse} B`,
      );
    }

    // The report sheets hold what the plan says; per-cell zone colours went out as few calls.
    expect(fake.values("Объективность").length).toBe(24_001);
    const ind = fake.model.get("Индикаторы");
    const zone = plan.reports[1].styles.find((s) => s.range.top === 5 && s.range.left === 7)!;
    expect(ind.cell(5, 7).style?.fill).toBe(zone.style.fill);
    const formatCalls = fake.syncs.flatMap((s) => s.labels).filter((l) => l.includes("Индикаторы") && l.includes(".format."));
    expect(formatCalls.length).toBeLessThan(400); // 15,000 single-cell zone blocks
    expect(fake.model.get("Реестр ОО").conditionalFormats).toHaveLength(3);
  });
});
