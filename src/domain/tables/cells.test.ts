/** RowReader.count takes a plain number by a fast path; its text goes through parseNumber. */
import fc from "fast-check";
import type { Problem } from "../problems";
import type { RecognizedTable } from "../recognition/table";
import type { CellValue } from "../sheet/snapshot";
import { RowReader } from "./cells";

function count(value: CellValue) {
  const table: RecognizedTable = { kind: "social", sheet: "Паспорт", headerRow: 0, columns: { n_ovz: 1 }, percentColumns: new Set(), rows: [], merges: [] };
  const problems: Problem[] = [];
  const result = new RowReader(table, problems, { row: 4, cells: ["edu1", value] }).count("n_ovz", "значение не учтено");
  return { result, problems };
}

test("a number and its text give the same count and the same problems", () => {
  const number = fc.oneof(fc.integer({ min: -1000, max: 1e6 }), fc.double({ min: -1e3, max: 1e17, noNaN: true }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.5));
  fc.assert(
    fc.property(number.filter((x) => !Object.is(x, -0)), (x) => {
      expect(count(x)).toEqual(count(String(x)));
    }),
    { numRuns: 500 },
  );
});
