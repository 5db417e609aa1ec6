/**
 * A big results table read correctly: 50,000 rows × 17 columns (850,000 cells: codes, names,
 * integers, fractions, dates, a formula column). Speed is measured by `npm run bench`, not here.
 */
import { Workbook } from "exceljs";
import { XlsxGateway } from "./xlsx-gateway";

const ROWS = 50_000;
const COLS = 17;

async function bigBook(): Promise<Uint8Array> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Результаты");
  ws.addRow(["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Участники", "2", "3", "4", "5", "Ниже порога", "Высокобалльники", "Понизили", "Подтвердили", "Повысили", "Средний балл", "Дата"]);
  const date = new Date(Date.UTC(2026, 3, 15));
  for (let i = 0; i < ROWS; i++) {
    const n = 20 + (i % 40);
    ws.addRow([`edu${String(i % 900).padStart(4, "0")}`, 2024 + (i % 3), "ВПР", i % 2 ? "Русский язык" : "Математика", `${4 + (i % 5)}А`, n, i % 5, i % 7, i % 9, i % 4, 0, 1, 2, n - 5, 3, 3.5 + (i % 10) / 10, date]);
  }
  ws.getColumn(17).numFmt = "dd.mm.yyyy";
  // A formula column over the last values (cached results, as Excel saves them).
  for (let r = 2; r <= ROWS + 1; r += 1) ws.getCell(r, 18).value = { formula: `G${r}+H${r}`, result: ((r - 2) % 5) + ((r - 2) % 7) } as never;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test(`reads ${ROWS} × ${COLS} (+ a formula column) with every value in place`, async () => {
  const gateway = await XlsxGateway.fromBuffer(await bigBook());
  const [snap] = await gateway.readSheets(["Результаты"]);

  expect(snap.values).toHaveLength(ROWS + 1);
  expect(snap.values[1]).toEqual(["edu0000", 2024, "ВПР", "Математика", "4А", 20, 0, 0, 0, 0, 0, 1, 2, 15, 3, 3.5, 46127, 0]);
  expect(snap.values[ROWS][17]).toBe(((ROWS - 1) % 5) + ((ROWS - 1) % 7));
  // A second read gives the same snapshot (reading never changes the workbook).
  expect((await gateway.readSheets(["Результаты"]))[0].values[ROWS]).toEqual(snap.values[ROWS]);
});
