import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fullPlan } from "../../../test/fixtures/xlsx/plan";
import { buildUserWorkbook, REGISTRY, toBuffer } from "../../../test/fixtures/xlsx/user-book";
import { openXlsxFile, saveXlsxFile } from "./file";

describe("xlsx files (Node)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "shnor-xlsx-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("open, write, save to another file, open again", async () => {
    const input = join(dir, "книга.xlsx");
    await writeFile(input, await toBuffer(buildUserWorkbook()));
    const gateway = await openXlsxFile(input);
    expect((await gateway.listSheets())[0]).toEqual({ name: REGISTRY, hidden: false });
    await gateway.write(fullPlan());
    const output = join(dir, "результат.xlsx");
    await saveXlsxFile(gateway, output);
    const reopened = await openXlsxFile(output);
    expect(await reopened.readOwnedSheets()).toEqual(["Сводка", "Индикаторы"]);
    expect((await readdir(dir)).sort()).toEqual(["книга.xlsx", "результат.xlsx"]); // no temporary file left
  });

  test("a failed save leaves no temporary file and no output", async () => {
    const input = join(dir, "книга.xlsx");
    await writeFile(input, await toBuffer(buildUserWorkbook()));
    const gateway = await openXlsxFile(input);
    await expect(saveXlsxFile(gateway, join(dir, "нет-папки", "out.xlsx"))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["книга.xlsx"]);
  });

  test("opening something that is not an .xlsx fails", async () => {
    const bad = join(dir, "не-книга.xlsx");
    await writeFile(bad, "это не zip");
    await expect(openXlsxFile(bad)).rejects.toThrow();
  });
});
