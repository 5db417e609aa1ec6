import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DEMO_OPTIONS } from "./demo-options";
import { generateMonitoringData } from "./index";
import type { Cell, GeneratedWorkbook, GeneratorOptions } from "./types";
import { chooseWriter, STREAMING_THRESHOLD, writeWorkbookXlsx } from "./xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shnor-gen-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const small: GeneratorOptions = { seed: 5, municipalities: 1, schoolsPerMunicipality: 24, years: [2024, 2025, 2026], roadmapEvents: 22 };

/** Cells covered by a merge but not its top-left cell (ExcelJS reports the master's value there). */
function slaves(merges: string[]): Set<string> {
  const out = new Set<string>();
  for (const m of merges) {
    const [a, b] = m.split(":").map((x) => decode(x));
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) out.add(`${r}:${c}`);
  }
  return out;
}
function decode(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function norm(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v;
  if (typeof v === "object") throw new Error(`unexpected cell ${JSON.stringify(v)}`);
  return v as Cell;
}

async function roundTrip(model: GeneratedWorkbook, file: string, streaming?: boolean): Promise<void> {
  await writeWorkbookXlsx(model, file, { streaming });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(model.sheets.map((s) => s.name));
  for (const sheet of model.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    expect(ws.state).toBe(sheet.hidden ? "hidden" : "visible");
    const merges = sheet.merges ?? [];
    expect(new Set(ws.model.merges ?? [])).toEqual(new Set(merges));
    const skip = slaves(merges);
    const rowsWithData = sheet.rows.reduce((n, r, i) => (r.some((c) => c !== null) ? i + 1 : n), 0);
    expect(ws.actualRowCount).toBeLessThanOrEqual(rowsWithData);
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      const width = Math.max(cells.length, row.cellCount);
      for (let c = 0; c < width; c++) {
        if (skip.has(`${r + 1}:${c + 1}`)) continue;
        const want = cells[c] ?? null;
        const got = norm(row.getCell(c + 1).value);
        if (want instanceof Date) {
          expect(got).toBeInstanceOf(Date);
          expect((got as Date).getTime()).toBe(want.getTime());
        } else if (got !== want) {
          throw new Error(`${sheet.name}!R${r + 1}C${c + 1}: wrote ${JSON.stringify(want)}, read ${JSON.stringify(got)}`);
        }
      }
    });
  }
}

describe("xlsx round trip", () => {
  test("in-memory writer, plain layout", async () => {
    await roundTrip(generateMonitoringData(small), join(dir, "plain.xlsx"), false);
  });

  test("in-memory writer, two-row headers with merges, marks in %, monthly passport", async () => {
    const model = generateMonitoringData({ ...small, layout: "two_row_headers", marksAsPercent: true, monthlyPassport: true });
    await roundTrip(model, join(dir, "two-row.xlsx"), false);
  });

  test("streaming writer, results split over several sheets", async () => {
    const model = generateMonitoringData({ ...small, layout: "two_row_headers", maxRowsPerSheet: 400 });
    expect(model.sheets.filter((s) => s.name.startsWith("Результаты ")).length).toBeGreaterThan(2);
    await roundTrip(model, join(dir, "stream.xlsx"), true);
  });

  test("date cells carry a date format; headers are frozen", async () => {
    const file = join(dir, "fmt.xlsx");
    await writeWorkbookXlsx(generateMonitoringData(small), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Дорожная карта")!;
    let dates = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) {
          dates++;
          expect(cell.numFmt).toBe("dd.mm.yyyy");
        }
      }),
    );
    expect(dates).toBeGreaterThan(0);
    expect(wb.getWorksheet("Результаты")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});

describe("writer choice and the demo size", () => {
  test("large models go to the streaming writer", () => {
    const model = generateMonitoringData(small);
    expect(chooseWriter(model)).toBe("memory");
    const big: GeneratedWorkbook = { ...model, sheets: [{ name: "Результаты", rows: new Array(STREAMING_THRESHOLD + 1).fill([]) }] };
    expect(chooseWriter(big)).toBe("streaming");
  });

  test("the demo workbook stays under 500 KB", async () => {
    const file = join(dir, "demo.xlsx");
    await writeWorkbookXlsx(generateMonitoringData(DEMO_OPTIONS), file);
    expect(statSync(file).size).toBeLessThan(500 * 1024);
  });
});
