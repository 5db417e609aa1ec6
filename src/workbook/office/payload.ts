/**
 * Payload size estimates: the hosts serialise requests and responses as JSON (UTF-8 on
 * the wire), so the UTF-8 length of `JSON.stringify` is what counts against 5 MB.
 */

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Bytes of a 2-D array of cell values, estimated without building the JSON string. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 3; // brackets and comma
    for (const v of row) {
      if (typeof v === "string") n += utf8Length(v) + 3 + (v.includes('"') || v.includes("\\") ? 8 : 0);
      else if (typeof v === "number") n += String(v).length + 1;
      else if (typeof v === "boolean") n += 6;
      else n += 5;
    }
  }
  return n;
}
