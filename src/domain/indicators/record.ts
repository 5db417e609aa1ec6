/**
 * Records of measures with a fixed list of keys (a school's block R, its «indicators»), made by
 * copying a template. `{ ...template }` takes the template's hidden class and makes one object
 * with every property in place; built with Object.assign from two blocks, a record of 28 keys
 * became a dictionary (about 1,600 → 260 bytes a record on Node 20) — thousands of them live
 * through a run and every scavenge copies them.
 */
export class RecordShape {
  private readonly template: Record<string, null>;

  /** `keys` in their order; none may be an array index (those would be ordered first). */
  constructor(readonly keys: readonly string[]) {
    // JSON.parse makes a fast-mode object whatever the keys; keyed stores can leave a
    // dictionary, whose copies are dictionaries too
    this.template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, null>;
  }

  /** A new record with every key, each null until the caller sets it. */
  make<T>(): Record<string, T> {
    return { ...this.template } as unknown as Record<string, T>;
  }
}
