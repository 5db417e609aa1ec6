/**
 * The production build in dist/web (made by `npm test` before jest runs): every URL the
 * manifest names is served from it, and the shipped code makes no network requests of its own.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");
const web = join(root, "dist/web");

describe("the built add-in", () => {
  beforeAll(() => {
    if (!existsSync(join(web, "taskpane.html"))) throw new Error("dist/web is missing: run `npm run build:web` (npm test does it first)");
  });

  it("serves every file the manifest points at", () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    const paths = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"]+)"/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const path of new Set(paths)) expect({ path, exists: existsSync(join(web, path)) }).toEqual({ path, exists: true });
  });

  it("has no fetch, XMLHttpRequest, WebSocket, sendBeacon or EventSource in the shipped scripts", () => {
    const scripts = readdirSync(web).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const code = readFileSync(join(web, file), "utf8");
      for (const api of [/\bfetch\s*\(/, /XMLHttpRequest/, /new\s+WebSocket\b/, /sendBeacon/, /new\s+EventSource\b/]) {
        expect({ file, api: String(api), found: api.test(code) }).toEqual({ file, api: String(api), found: false });
      }
    }
  });

  it("names no remote address in its pages besides Office.js, and the pane's CSP forbids connections elsewhere", () => {
    const html = readFileSync(join(web, "taskpane.html"), "utf8");
    const remote = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]).filter((u) => !/^https:\/\/appsforoffice\.microsoft\.com[/;]/.test(u));
    expect(remote).toEqual([]);
    const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });
});
