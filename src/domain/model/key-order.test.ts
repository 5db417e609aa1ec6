import fc from "fast-check";
import { orderByKey } from "./key-order";

describe("orderByKey", () => {
  it("groups the indices by key, each key's in index order", () => {
    const { order, start } = orderByKey(Int32Array.from([2, 0, 2, 1, 0]), 4);
    expect([...start]).toEqual([0, 2, 3, 5, 5]);
    expect([...order]).toEqual([1, 4, 3, 0, 2]);
  });

  it("is a stable sort of the indices by key", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(6)), (list) => {
        const { order, start } = orderByKey(Int32Array.from(list), 7);
        const expected = list.map((key, i) => ({ key, i })).sort((a, b) => a.key - b.key || a.i - b.i);
        expect([...order]).toEqual(expected.map((e) => e.i));
        for (let key = 0; key < 7; key++) expect(start[key + 1] - start[key]).toBe(list.filter((k) => k === key).length);
      }),
    );
  });
});
