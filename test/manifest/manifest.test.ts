import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

/**
 * What Excel checks when it loads manifest.xml (and what AppSource validation reports),
 * tested offline: resource ids resolve to the right kind of resource, string lengths,
 * https everywhere, locale, permissions, requirement sets, the shared runtime wiring,
 * icons of the declared pixel sizes, and every ribbon FunctionName associated in code.
 */

const ROOT = join(__dirname, "..", "..");
const MANIFEST = join(ROOT, "manifest.xml");
const COMMANDS = join(ROOT, "src", "commands", "commands.ts");

type Node = Record<string, unknown>;
const xml = readFileSync(MANIFEST, "utf8");
const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", removeNSPrefix: true, parseAttributeValue: false, parseTagValue: false }).parse(xml) as Node;
const app = doc.OfficeApp as Node;
const overrides = app.VersionOverrides as Node;

const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every element in document order with its name and parent chain. */
function walk(node: unknown, visit: (name: string, el: Node, parents: string[]) => void, name = "", parents: string[] = []): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, name, parents);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const el = node as Node;
  if (name) visit(name, el, parents);
  for (const [k, v] of Object.entries(el)) {
    if (k.startsWith("@_") || k === "#text") continue;
    walk(v, visit, k, name ? [...parents, name] : parents);
  }
}

const resources = overrides.Resources as Node;
const resourceIds = {
  Images: new Map(arr((resources.Images as Node).Image as Node[]).map((i) => [String(i["@_id"]), String(i["@_DefaultValue"])])),
  Urls: new Map(arr((resources.Urls as Node).Url as Node[]).map((i) => [String(i["@_id"]), String(i["@_DefaultValue"])])),
  ShortStrings: new Map(arr((resources.ShortStrings as Node).String as Node[]).map((i) => [String(i["@_id"]), String(i["@_DefaultValue"])])),
  LongStrings: new Map(arr((resources.LongStrings as Node).String as Node[]).map((i) => [String(i["@_id"]), String(i["@_DefaultValue"])])),
};

/** The kind of resource an element's resid must name (as the VersionOverrides schema types them). */
function expectedKind(name: string, parents: string[]): keyof typeof resourceIds {
  if (name === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(name)) return "Urls";
  if (name === "Description") return "LongStrings";
  if (name === "Label" || name === "Title") return "ShortStrings";
  throw new Error(`unexpected resid on <${name}> under ${parents.join("/")}`);
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icons/icon-16.png → <root>/assets/icons/icon-16.png */
function localFile(url: string): string {
  return join(ROOT, new URL(url).pathname);
}

describe("manifest.xml", () => {
  it("has the Russian identity, locale and a GUID id", () => {
    expect(app["@_type"]).toBe("TaskPaneApp");
    expect(app.DefaultLocale).toBe("ru-RU");
    expect((app.DisplayName as Node)["@_DefaultValue"]).toBe("Монитор ШНОР");
    const description = String((app.Description as Node)["@_DefaultValue"]);
    expect(description).toMatch(/ШНОР/);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(String(app.Version)).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(String(app.ProviderName).length).toBeLessThanOrEqual(125);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(app.AppDomains).toBeUndefined();
  });

  it("requires ExcelApi 1.9 and SharedRuntime 1.1 for Excel", () => {
    expect(arr((app.Hosts as Node).Host as Node[]).map((h) => h["@_Name"])).toEqual(["Workbook"]);
    const sets = arr(((app.Requirements as Node).Sets as Node).Set as Node[]).map((s) => [s["@_Name"], s["@_MinVersion"]]);
    expect(sets).toEqual([
      ["ExcelApi", "1.9"],
      ["SharedRuntime", "1.1"],
    ]);
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    const scan = (v: unknown): void => {
      if (typeof v === "string") {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push(v);
      } else if (Array.isArray(v)) v.forEach(scan);
      else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => (k.startsWith("@_xmlns") ? undefined : scan(x)));
    };
    scan(doc);
    const nonNamespace = urls.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(nonNamespace.length).toBeGreaterThan(5);
    for (const u of nonNamespace) expect(u).toMatch(/^https:\/\//);
    expect(String((app.SupportUrl as Node)["@_DefaultValue"])).toMatch(/^https:\/\//);
  });

  it("resolves every resid to a resource of the right kind; ids ≤ 32 characters and unique", () => {
    const all = Object.values(resourceIds).flatMap((m) => [...m.keys()]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id.length).toBeLessThanOrEqual(32);
    let count = 0;
    walk(overrides, (name, el, parents) => {
      const resid = el["@_resid"];
      if (resid === undefined) return;
      count++;
      const kind = expectedKind(name, parents);
      expect({ element: name, resid, found: resourceIds[kind].has(String(resid)) }).toEqual({ element: name, resid, found: true });
    });
    expect(count).toBeGreaterThan(20);
  });

  it("keeps short strings ≤ 125 and long strings ≤ 250 characters", () => {
    for (const s of resourceIds.ShortStrings.values()) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of resourceIds.LongStrings.values()) expect(s.length).toBeLessThanOrEqual(250);
    for (const s of [...resourceIds.ShortStrings.values(), ...resourceIds.LongStrings.values()]) expect(s.trim()).not.toBe("");
  });

  it("has the ribbon tab «Монитор ШНОР» with «Рассчитать», «Панель», «Снять подсветку»", () => {
    const host = (overrides.Hosts as Node).Host as Node;
    expect(host["@_type"]).toBe("Workbook");
    const form = host.DesktopFormFactor as Node;
    const point = form.ExtensionPoint as Node;
    expect(point["@_type"]).toBe("PrimaryCommandSurface");
    const tab = point.CustomTab as Node;
    expect(resourceIds.ShortStrings.get(String((tab.Label as Node)["@_resid"]))).toBe("Монитор ШНОР");
    const controls = arr((tab.Group as Node).Control as Node[]);
    const summary = controls.map((c) => {
      const action = c.Action as Node;
      return [
        resourceIds.ShortStrings.get(String((c.Label as Node)["@_resid"])),
        action["@_type"],
        action["@_type"] === "ExecuteFunction" ? action.FunctionName : (action.SourceLocation as Node)["@_resid"],
      ];
    });
    expect(summary).toEqual([
      ["Рассчитать", "ExecuteFunction", "calculate"],
      ["Панель", "ShowTaskpane", "Taskpane.Url"],
      ["Снять подсветку", "ExecuteFunction", "removeHighlights"],
    ]);
    const ids: string[] = [];
    walk(overrides, (_n, el) => void (el["@_id"] !== undefined && ids.push(String(el["@_id"]))));
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });

  it("shares one long-lived runtime between the ribbon and the task pane", () => {
    const host = (overrides.Hosts as Node).Host as Node;
    const runtime = (host.Runtimes as Node).Runtime as Node;
    expect(runtime["@_lifetime"]).toBe("long");
    const resid = String(runtime["@_resid"]);
    expect(resourceIds.Urls.get(resid)).toBe("https://localhost:3000/taskpane.html");
    const form = host.DesktopFormFactor as Node;
    expect((form.FunctionFile as Node)["@_resid"]).toBe(resid);
    const pane = arr<Node>(((form.ExtensionPoint as Node).CustomTab as Node).Group as Node).flatMap((g) => arr(g.Control as Node[])).find((c) => (c.Action as Node)["@_type"] === "ShowTaskpane")!;
    expect(((pane.Action as Node).SourceLocation as Node)["@_resid"]).toBe(resid);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@_DefaultValue"]).toBe("https://localhost:3000/taskpane.html");
    // <Runtimes> precedes the form factor inside the host (schema order).
    expect(xml.indexOf("<Runtimes>")).toBeLessThan(xml.indexOf("<DesktopFormFactor>"));
  });

  it("points at icons that exist with the declared pixel sizes (16, 32, 64, 80)", () => {
    const declared = new Map<string, Set<number>>();
    walk(overrides, (name, el) => {
      if (name === "Image" && el["@_size"] !== undefined) {
        const set = declared.get(String(el["@_resid"])) ?? new Set<number>();
        set.add(Number(el["@_size"]));
        declared.set(String(el["@_resid"]), set);
      }
    });
    expect(declared.size).toBe(3);
    for (const [resid, sizes] of declared) {
      expect(sizes.size).toBe(1);
      const size = [...sizes][0];
      const file = localFile(resourceIds.Images.get(resid)!);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(pngSize(localFile(String((app.IconUrl as Node)["@_DefaultValue"])))).toEqual({ width: 32, height: 32 });
    expect(pngSize(localFile(String((app.HighResolutionIconUrl as Node)["@_DefaultValue"])))).toEqual({ width: 64, height: 64 });
    for (const size of [16, 32, 64, 80]) {
      const file = join(ROOT, "assets", "icons", `icon-${size}.png`);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      expect(readFileSync(file).length).toBeGreaterThan(100);
    }
  });

  it("associates every FunctionName in src/commands/commands.ts", () => {
    const names: string[] = [];
    walk(overrides, (name, el) => void (name === "Action" && el["@_type"] === "ExecuteFunction" && names.push(String(el.FunctionName))));
    expect(names.sort()).toEqual(["calculate", "removeHighlights"]);
    const code = readFileSync(COMMANDS, "utf8");
    const associated = new Set([...code.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]));
    for (const n of names) expect({ name: n, associated: associated.has(n) }).toEqual({ name: n, associated: true });
  });

  const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
  (hasXmllint ? it : it.skip)("validates against the 2019 XSDs (+ <Runtimes> extension) with xmllint", () => {
    const out = execFileSync("bash", [join(ROOT, "scripts", "validate-manifest.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toMatch(/manifest OK/);
  });
});
