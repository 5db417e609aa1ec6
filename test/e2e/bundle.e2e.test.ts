/**
 * The production build in dist/web (made by `npm test` before jest runs): every URL the
 * manifest names is served from it, and the shipped code makes no network requests of its own
 * and names no remote address besides a reviewed allow-list of strings that are never requested.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "../..");

/**
 * Remote addresses the shipped scripts may contain as strings — none of them is ever
 * requested (no network API is in the bundle, see below, and the CSP allows connections to
 * 'self' only). Reviewed by hand; a new address in a bundle fails the test until it is
 * reviewed and listed here (docs/decisions.md, «Security»).
 */
const ALLOWED_IN_SCRIPTS = [
  // Office.js itself, loaded by the pane's <script> from Microsoft's CDN.
  "https://appsforoffice.microsoft.com/",
  // XML namespace URIs: ExcelJS writes them into the .xlsx it saves (preview), React DOM
  // uses SVG/MathML/XLink/XML namespaces to create elements. A namespace is a name.
  "http://schemas.openxmlformats.org/",
  "http://schemas.microsoft.com/office/",
  "http://www.w3.org/",
  "http://purl.org/dc/",
  // Links inside libraries' error and warning messages (text shown to a developer).
  "https://react.dev/errors/",
  "https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md",
  "https://stuk.github.io/jszip/documentation/",
  "https://github.com/uuidjs/uuid#",
  "https://github.com/indutny/elliptic",
  "https://github.com/crypto-browserify/crypto-browserify",
  "https://github.com/date-fns/date-fns/blob/master/docs/",
];
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

  it("names no remote address in its scripts besides the allow-listed strings (namespaces, documentation links in library messages)", () => {
    const scripts = readdirSync(web).filter((f) => f.endsWith(".js"));
    const found: { file: string; url: string }[] = [];
    for (const file of scripts) {
      const code = readFileSync(join(web, file), "utf8");
      for (const m of code.matchAll(/(?:https?:)?\/\/[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(?::\d+)?[^\s"'`<>()\\]*/gi)) {
        const url = m[0];
        if (!url.startsWith("http")) continue; // «//» in comments or regexes, not an address
        if (!ALLOWED_IN_SCRIPTS.some((prefix) => url.startsWith(prefix))) found.push({ file, url });
      }
    }
    expect(found).toEqual([]);
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
