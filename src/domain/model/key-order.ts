/**
 * The indices 0 … n − 1 of `keys` (each key < keyCount) ordered by key, each key's in index
 * order: key k has order[start[k]] … order[start[k + 1] − 1]. A counting sort in typed arrays:
 * one pass to count, one to place, no list per key for the collector to copy (a country has
 * 1.7 million results rows).
 */
export function orderByKey(keys: Int32Array, keyCount: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let key = 0; key < keyCount; key++) start[key + 1] += start[key];
  const next = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]]++] = i;
  return { order, start };
}
