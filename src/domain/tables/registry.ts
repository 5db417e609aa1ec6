import type { Problem } from "../problems";
import { TableCursor, type RecognizedTable } from "../recognition/table";
import { ru } from "../i18n/ru";
import type { School } from "../model/types";
import { RowReader } from "./cells";
import { readYesNo } from "./yesno";

/** Schools of the registry in sheet order; a duplicated code keeps its first row. */
export function readRegistry(tables: RecognizedTable[], problems: Problem[]): School[] {
  const schools = new Map<string, School>();
  for (const table of tables) {
    const rows = new TableCursor(table);
    const r = new RowReader(table, problems, rows.at(0));
    for (let k = 0; k < rows.count; k++) {
      const row = rows.at(k);
      r.moveTo(row);
      if (r.keyError(["school_id"])) continue;
      const id = r.schoolId();
      if (!id) {
        r.report("school_id", ru.values.missingSchoolId());
        continue;
      }
      const old = schools.get(id);
      if (old) {
        problems.push({ sheet: table.sheet, cell: r.address("school_id"), message: ru.registry.duplicateCode(id, [old.source!.row + 1, row.row + 1]) });
        continue;
      }
      schools.set(id, {
        id,
        name: r.text("name"),
        municipality: r.text("municipality"),
        type: r.text("type"),
        locality: r.text("locality"),
        yesNo: readYesNo(r),
        source: { sheet: table.sheet, row: row.row },
        inRegistry: true,
      });
    }
  }
  return [...schools.values()];
}
