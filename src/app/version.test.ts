import { readFileSync } from "node:fs";
import { join } from "node:path";
import { version } from "./version";

describe("version", () => {
  it("is the package's version, and the manifest's version starts with it", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
    expect(version).toBe(pkg.version);
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    expect(/<Version>([\d.]+)<\/Version>/.exec(manifest)?.[1]).toBe(`${version}.0`);
  });
});
