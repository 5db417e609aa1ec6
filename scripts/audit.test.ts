import { auditVerdict } from "./audit";

/** What `npm audit --omit=dev --json` printed here: the registry answers the audit endpoint with 405. */
const REGISTRY_405 = JSON.stringify({
  message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  method: "POST",
  uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  headers: { allow: ["GET,HEAD"] },
  statusCode: 405,
  body: "",
  error: { summary: "", detail: "" },
});

const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string; range?: string }> = {}) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } } });

describe("npm audit verdict", () => {
  test("a registry that answers the audit endpoint with 405: unavailable (a warning in CI), not a pass", () => {
    expect(auditVerdict(REGISTRY_405, 1)).toEqual({ kind: "unavailable", message: expect.stringContaining("HTTP 405") });
  });

  test("offline, no output or garbage: unavailable", () => {
    expect(auditVerdict(JSON.stringify({ error: { code: "ENOTFOUND", summary: "request to https://registry.npmjs.org failed" } }), 1)).toMatchObject({ kind: "unavailable", message: expect.stringContaining("ENOTFOUND") });
    expect(auditVerdict("", 1).kind).toBe("unavailable");
    expect(auditVerdict("npm error audit endpoint returned an error", 1).kind).toBe("unavailable");
  });

  test("a clean report passes; low and moderate findings are listed but do not fail", () => {
    expect(auditVerdict(report({}), 0)).toEqual({ kind: "pass", message: "npm audit --omit=dev: no high or critical vulnerabilities" });
    expect(auditVerdict(report({ moderate: 2, total: 2 }), 0)).toEqual({ kind: "pass", message: "npm audit --omit=dev: no high or critical vulnerabilities (moderate 2)" });
  });

  test("high or critical findings fail, with the packages named", () => {
    const verdict = auditVerdict(report({ high: 1, critical: 1, total: 2 }, { jszip: { severity: "critical", range: "<3.8.0" }, "fast-csv": { severity: "high" }, tmp: { severity: "low" } }), 1);
    expect(verdict).toEqual({ kind: "fail", message: "npm audit --omit=dev: high or critical vulnerabilities in what ships: jszip (critical, <3.8.0), fast-csv (high)" });
  });
});
