/**
 * End to end: the `shnor` command line on the bundled demo workbook. The result is read
 * back with ExcelJS and, independently, with LibreOffice headless.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import { STATUS_LABELS } from "../../src/domain/i18n/ru";
import { snapshotUserSheet } from "../support/xlsx-snapshot";
import { readWithLibreOffice } from "../support/libreoffice";

const root = join(__dirname, "../..");
const demo = process.env.SHNOR_E2E_BOOK ?? join(root, "assets/demo.xlsx");
const REPORTS = ["Сводка", "Индикаторы", "Кандидаты", "Динамика", "Объективность", "Исполнение ДК", "Справка", "Журнал"];

interface Json {
  schools: { school_id: string; status: string }[];
  status_counts: Record<string, number>;
  roadmap: unknown[];
}

function shnor(args: string[]) {
  return spawnSync(process.execPath, [join(root, "bin/shnor.js"), ...args], { encoding: "utf8" });
}

async function load(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("shnor calc on the demo workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "shnor-e2e-"));
  const input = join(dir, "demo.xlsx");
  const output = join(dir, "demo.result.xlsx");
  const jsonPath = join(dir, "demo.json");
  let run: ReturnType<typeof shnor>;
  let json: Json;

  beforeAll(() => {
    copyFileSync(demo, input);
    run = shnor(["calc", input, "-o", output, "--json", jsonPath, "--report-date", "2026-11-22"]);
    json = JSON.parse(readFileSync(jsonPath, "utf8"));
  });

  it("exits 0 and prints the Russian summary with the status counts", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Монитор ШНОР: отчётный год 2026, дата отчёта 2026-11-22");
    expect(run.stdout).toContain(`Школ: ${json.schools.length}`);
    for (const [code, n] of Object.entries(json.status_counts)) expect(run.stdout).toContain(`${STATUS_LABELS[code]}: ${n}`);
  });

  it("leaves the input file byte for byte as it was", () => {
    expect(readFileSync(input).equals(readFileSync(demo))).toBe(true);
  });

  it("writes the report sheets, and «Индикаторы» (read by ExcelJS) holds the JSON's statuses", async () => {
    const wb = await load(output);
    for (const name of REPORTS) expect(wb.getWorksheet(name)).toBeDefined();
    const sheet = wb.getWorksheet("Индикаторы")!;
    const statusByCode = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 3) statusByCode.set(String(row.getCell(1).value), String(row.getCell(4).value));
    });
    expect(statusByCode.size).toBe(json.schools.length);
    for (const s of json.schools) expect(statusByCode.get(s.school_id)).toBe(STATUS_LABELS[s.status]);
  });

  it("keeps every user sheet identical, cell by cell, apart from the removable highlight rules", async () => {
    const before = await load(demo);
    const after = await load(output);
    for (const ws of before.worksheets) {
      // Our highlight rules look up the add-in's own sheets; nothing else may differ.
      const ignoreRule = (rule: { type?: string; formulae?: unknown[] }) => rule.type === "expression" && /'(Индикаторы|Исполнение ДК)'!/.test(String(rule.formulae?.[0] ?? ""));
      expect(snapshotUserSheet(after.getWorksheet(ws.name)!, { ignoreRule })).toEqual(snapshotUserSheet(ws, { ignoreRule }));
    }
  });

  it("is read the same by LibreOffice: statuses equal the JSON, user sheets keep their values", () => {
    const lo = readWithLibreOffice(output);
    for (const name of REPORTS) expect(lo.has(name)).toBe(true);
    const rows = lo.get("Индикаторы")!;
    const header = rows.findIndex((r) => r[0] === "Код ОО");
    const statuses = new Map(rows.slice(header + 1).filter((r) => r[0]).map((r) => [r[0], r[3]]));
    for (const s of json.schools) expect(statuses.get(s.school_id)).toBe(STATUS_LABELS[s.status]);
    const original = readWithLibreOffice(demo);
    for (const [name, values] of original) expect(lo.get(name)).toEqual(values);
  });

  it("gives identical report sheets on repeated runs over unchanged input (only the log grows)", async () => {
    // The first run says «first run in this book» in «что изменилось»; from the second run on,
    // unchanged input must give identical report sheets.
    const second = join(dir, "second.xlsx");
    const third = join(dir, "third.xlsx");
    expect(shnor(["calc", output, "-o", second, "--report-date", "2026-11-22"]).status).toBe(0);
    expect(shnor(["calc", second, "-o", third, "--report-date", "2026-11-22"]).status).toBe(0);
    const a = await load(second);
    const b = await load(third);
    for (const name of REPORTS.filter((n) => n !== "Журнал")) expect(snapshotUserSheet(b.getWorksheet(name)!)).toEqual(snapshotUserSheet(a.getWorksheet(name)!));
    expect(b.getWorksheet("Журнал")!.actualRowCount).toBe(a.getWorksheet("Журнал")!.actualRowCount + 1);
    const summary: string[] = [];
    a.getWorksheet("Сводка")!.eachRow((row) => summary.push(String(row.getCell(1).value)));
    expect(summary).toContain("Изменений нет.");
  });

  it("refuses to run, and writes nothing, when a user's sheet is named like a report", async () => {
    const wb = await load(demo);
    wb.addWorksheet("Сводка").getCell("A1").value = "моя сводка";
    const book = join(dir, "collision.xlsx");
    await wb.xlsx.writeFile(book);
    const out = join(dir, "collision.out.xlsx");
    const res = shnor(["calc", book, "-o", out]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("«Сводка»");
    expect(() => readFileSync(out)).toThrow();
  });

  it("exits 1 with a Russian message when no table is recognised", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Заметки").getCell("A1").value = "просто текст";
    const book = join(dir, "empty.xlsx");
    await wb.xlsx.writeFile(book);
    const res = shnor(["calc", book, "-o", join(dir, "empty.out.xlsx")]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("Ни одна таблица не распознана");
  });

  it("rejects a malformed --report-date with usage exit code 2", () => {
    const res = shnor(["calc", input, "--report-date", "22.11.2026"]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("ГГГГ-ММ-ДД");
  });

  afterAll(() => {
    execFileSync("rm", ["-rf", dir]);
  });
});
