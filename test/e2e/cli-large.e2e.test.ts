/**
 * End to end: the command line's path for large workbooks (read as a stream, JSON only),
 * forced on the demo workbook by a low size threshold, and --no-workbook. The JSON is the
 * one the in-memory path gives.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "../..");
const demo = join(root, "assets/demo.xlsx");

function shnor(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, "bin/shnor.js"), ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

describe("shnor calc on a large workbook (streaming read, JSON only)", () => {
  const dir = mkdtempSync(join(tmpdir(), "shnor-large-"));
  const input = join(dir, "книга.xlsx");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => copyFileSync(demo, input));

  it("above the size threshold: the JSON beside the book, no workbook, a note why; the JSON equals the in-memory run's", () => {
    const big = shnor(["calc", input, "--report-date", "2026-11-22"], { SHNOR_LARGE_FILE_BYTES: "1000" });
    expect(big.status).toBe(0);
    expect(big.stderr).toContain("Книга большая");
    expect(big.stdout).toContain("Книга с результатами не записана (только JSON).");
    expect(existsSync(join(dir, "книга.shnor.xlsx"))).toBe(false);
    const streamed = JSON.parse(readFileSync(join(dir, "книга.shnor.json"), "utf8"));

    const normal = shnor(["calc", input, "-o", join(dir, "out.xlsx"), "--json", join(dir, "normal.json"), "--report-date", "2026-11-22"]);
    expect(normal.status).toBe(0);
    expect(streamed).toEqual(JSON.parse(readFileSync(join(dir, "normal.json"), "utf8")));
  });

  it("--no-workbook: only the JSON, where --json says, and no note about size", () => {
    const run = shnor(["calc", input, "--no-workbook", "--json", join(dir, "only.json"), "--report-date", "2026-11-22"]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("Книга большая");
    expect(existsSync(join(dir, "only.json"))).toBe(true);
    expect(readFileSync(input).equals(readFileSync(demo))).toBe(true);
  });
});
