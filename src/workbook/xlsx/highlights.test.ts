import type { Worksheet } from "exceljs";
import { snapshotUserSheet } from "../../../test/support/xlsx-snapshot";
import { fullPlan, HIGHLIGHT_SHNOR, HIGHLIGHT_SHNSU, registryHighlights } from "../../../test/fixtures/xlsx/plan";
import { buildUserWorkbook, loadBook, REGISTRY, RESULTS, toBuffer, USER_RULE_FILL, USER_RULE_FORMULA } from "../../../test/fixtures/xlsx/user-book";
import { sameFormula } from "../service-state";
import { isOurRule } from "./highlights";
import { readServiceState } from "./service-sheet";
import { XlsxGateway } from "./xlsx-gateway";

type Rule = { type: string; formulae?: string[]; priority?: number; style?: { fill?: { bgColor?: { argb?: string } } } };
const rulesOf = (ws: Worksheet) =>
  (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings.flatMap((cf) =>
    cf.rules.map((r) => ({ ref: cf.ref, type: r.type, formula: r.formulae?.[0], fill: r.style?.fill?.bgColor?.argb })),
  );

async function highlighted(plan = fullPlan({ settings: null })) {
  const original = await toBuffer(buildUserWorkbook());
  const gateway = await XlsxGateway.fromBuffer(original);
  await gateway.write(plan);
  return { original, saved: await gateway.toBuffer() };
}

describe("highlights", () => {
  test("the user's rules come first and stay; ours are added over the planned range", async () => {
    const { saved } = await highlighted();
    const ws = (await loadBook(saved)).getWorksheet(REGISTRY)!;
    expect(rulesOf(ws)).toEqual([
      { ref: "A3:F6", type: "expression", formula: USER_RULE_FORMULA, fill: USER_RULE_FILL },
      { ref: "C3:C6", type: "cellIs", formula: "50", fill: undefined },
      { ref: "A3:F6", type: "expression", formula: HIGHLIGHT_SHNOR.formula.slice(1), fill: "FFF8CBAD" },
      { ref: "A3:F6", type: "expression", formula: HIGHLIGHT_SHNSU.formula.slice(1), fill: "FFFFE699" },
    ]);
  });

  test("removeHighlights after save and reload removes ours only; the sheet is as the user left it", async () => {
    const { original, saved } = await highlighted();
    const gateway = await XlsxGateway.fromBuffer(saved);
    await gateway.removeHighlights();
    const after = await loadBook(await gateway.toBuffer());
    const before = await loadBook(original);
    expect(rulesOf(after.getWorksheet(REGISTRY)!)).toEqual(rulesOf(before.getWorksheet(REGISTRY)!));
    expect(snapshotUserSheet(after.getWorksheet(REGISTRY)!)).toEqual(snapshotUserSheet(before.getWorksheet(REGISTRY)!));
    expect(readServiceState(after).highlights).toEqual([]);
    // Removing again is harmless.
    await gateway.removeHighlights();
    expect(rulesOf(gateway.workbook.getWorksheet(REGISTRY)!)).toHaveLength(2);
  });

  test("a user rule with our formula but another colour, or on another sheet, is not ours", async () => {
    const wb = buildUserWorkbook();
    const lookalike = { formula: HIGHLIGHT_SHNOR.formula.slice(1), fill: "FF00B050" };
    for (const name of [REGISTRY, RESULTS]) {
      wb.getWorksheet(name)!.addConditionalFormatting({
        ref: "A3:F6",
        rules: [
          {
            type: "expression",
            priority: 10,
            formulae: [lookalike.formula],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: lookalike.fill } } },
          },
        ],
      });
    }
    // On «Результаты» also our exact formula and fill: still the user's (no record for that sheet).
    wb.getWorksheet(RESULTS)!.addConditionalFormatting({
      ref: "A3:C4",
      rules: [
        {
          type: "expression",
          priority: 11,
          formulae: [HIGHLIGHT_SHNOR.formula.slice(1)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFF8CBAD" } } },
        },
      ],
    });
    const original = await toBuffer(wb);
    const gateway = await XlsxGateway.fromBuffer(original);
    await gateway.write(fullPlan({ settings: null }));
    await gateway.removeHighlights();
    const after = await loadBook(await gateway.toBuffer());
    const before = await loadBook(original);
    for (const name of [REGISTRY, RESULTS]) {
      expect(snapshotUserSheet(after.getWorksheet(name)!)).toEqual(snapshotUserSheet(before.getWorksheet(name)!));
    }
    expect(rulesOf(after.getWorksheet(REGISTRY)!)).toHaveLength(3);
    expect(rulesOf(after.getWorksheet(RESULTS)!)).toHaveLength(2);
  });

  test("each write replaces our rules instead of adding more", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan({ settings: null }));
    const reloaded = await XlsxGateway.fromBuffer(await gateway.toBuffer());
    const onlyShnsu = [{ sheet: REGISTRY, range: "A3:F7", rules: [HIGHLIGHT_SHNSU] }];
    await reloaded.write(fullPlan({ settings: null, highlights: onlyShnsu }));
    await reloaded.write(fullPlan({ settings: null, highlights: onlyShnsu }));
    const after = await loadBook(await reloaded.toBuffer());
    expect(rulesOf(after.getWorksheet(REGISTRY)!)).toEqual([
      { ref: "A3:F6", type: "expression", formula: USER_RULE_FORMULA, fill: USER_RULE_FILL },
      { ref: "C3:C6", type: "cellIs", formula: "50", fill: undefined },
      { ref: "A3:F7", type: "expression", formula: HIGHLIGHT_SHNSU.formula.slice(1), fill: "FFFFE699" },
    ]);
    expect(readServiceState(after).highlights).toEqual([{ sheet: REGISTRY, range: "A3:F7", ...HIGHLIGHT_SHNSU }]);
    // A plan without highlights clears ours.
    await reloaded.write(fullPlan({ settings: null, highlights: [] }));
    expect(rulesOf(reloaded.workbook.getWorksheet(REGISTRY)!)).toHaveLength(2);
  });

  test("our rule is still recognised after Excel widened its range (rows inserted inside the table)", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(fullPlan({ settings: null }));
    const cfs = (gateway.workbook.getWorksheet(REGISTRY) as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    cfs[2].ref = "A3:F9";
    const reloaded = await XlsxGateway.fromBuffer(await gateway.toBuffer());
    await reloaded.removeHighlights();
    expect(rulesOf(reloaded.workbook.getWorksheet(REGISTRY)!).map((r) => r.type)).toEqual(["expression", "cellIs"]);
  });

  test("highlights on several sheets; a plan without rules adds nothing", async () => {
    const gateway = await XlsxGateway.fromBuffer(await toBuffer(buildUserWorkbook()));
    await gateway.write(
      fullPlan({
        settings: null,
        highlights: [...registryHighlights(), { sheet: RESULTS, range: "A3:C4", rules: [HIGHLIGHT_SHNOR] }, { sheet: RESULTS, range: "A5:C5", rules: [] }],
      }),
    );
    expect(rulesOf(gateway.workbook.getWorksheet(RESULTS)!)).toEqual([
      { ref: "A3:C4", type: "expression", formula: HIGHLIGHT_SHNOR.formula.slice(1), fill: "FFF8CBAD" },
    ]);
    await gateway.removeHighlights();
    expect(rulesOf(gateway.workbook.getWorksheet(RESULTS)!)).toEqual([]);
    expect(rulesOf(gateway.workbook.getWorksheet(REGISTRY)!)).toHaveLength(2);
  });

  test("matching helpers", () => {
    expect(sameFormula("=$A1>0", " $A1>0 ")).toBe(true);
    expect(sameFormula("=$A1>0", "$A2>0")).toBe(false);
    const records = [{ sheet: REGISTRY, range: "A1", formula: "=$A1>0", fill: "#ff0000" }];
    const rule = (type: string, fill: string) =>
      ({ type, priority: 1, formulae: ["$A1>0"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } }) as never;
    expect(isOurRule(rule("expression", "FFFF0000"), records)).toBe(true);
    expect(isOurRule(rule("expression", "FF00FF00"), records)).toBe(false);
    expect(isOurRule(rule("cellIs", "FFFF0000"), records)).toBe(false);
  });
});
