/** The social passport reads plain-number counts by column index; text goes through RowReader.count. */
import fc from "fast-check";
import type { Problem } from "../problems";
import type { RecognizedTable } from "../recognition/table";
import type { CellValue } from "../sheet/snapshot";
import { SOCIAL_COUNT_FIELDS } from "../model/types";
import { readSocial } from "./social";

function read(counts: CellValue[], percent: string[]) {
  const columns = { school_id: 0, year: 1, pupils_total: 2, n_ovz: 3, n_low_income: 4, n_zpr_uo: 5 };
  const table: RecognizedTable = { kind: "social", sheet: "Паспорт", headerRow: 0, columns, percentColumns: new Set(percent), rows: [{ row: 3, cells: ["edu1", 2026, 200, ...counts] }], merges: [] };
  const problems: Problem[] = [];
  const { records } = readSocial([table], problems);
  return { records, problems };
}

test("a count given as a number and as its text: the same record and problems, with «%» headers or not", () => {
  const number = fc.oneof(fc.integer({ min: -10, max: 300 }), fc.double({ min: -10, max: 1e17, noNaN: true }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53, 0.5));
  const cells = fc.array(number.filter((x) => !Object.is(x, -0)), { minLength: 0, maxLength: 3 });
  const percent = fc.subarray(["n_ovz", "n_low_income", "n_zpr_uo"]);
  fc.assert(
    fc.property(cells, percent, (xs, pct) => {
      expect(read(xs, pct)).toEqual(read(xs.map(String), pct));
    }),
    { numRuns: 500 },
  );
});

test("counts under a «%» header are converted with the pupils; missing cells are no data", () => {
  const { records, problems } = read([10, -3], ["n_ovz"]);
  expect(problems).toEqual([{ sheet: "Паспорт", cell: "E4", message: expect.any(String) }]);
  expect(records[0].counts).toMatchObject({ n_ovz: 20, n_low_income: null, n_zpr_uo: null, n_odn_kdn: null });
});

test("a record's counts have every count field, in SOCIAL_COUNT_FIELDS order", () => {
  const { records } = read([1, 2, 3], []);
  expect(Object.keys(records[0].counts)).toEqual([...SOCIAL_COUNT_FIELDS]);
  expect(records[0].counts).toMatchObject({ n_ovz: 1, n_low_income: 2, n_zpr_uo: 3 });
});
