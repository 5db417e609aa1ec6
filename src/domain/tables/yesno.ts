import { parseYesNo } from "../parse/yesno";
import { ru } from "../i18n/ru";
import { YES_NO_IDS, type YesNoField, type YesNoValues } from "../model/types";
import type { RowReader } from "./cells";

/** The yes/no fields a row gives; an unreadable value is reported and left as no data.
 *  `fields`: the ones to look for, when the caller knows which the table has. */
export function readYesNo(r: RowReader, fields: readonly YesNoField[] = YES_NO_IDS): YesNoValues {
  const values: YesNoValues = {};
  for (const field of fields) {
    if (!r.has(field)) continue;
    const parsed = parseYesNo(r.raw(field));
    if (parsed.kind === "value") values[field] = parsed.value;
    else if (parsed.kind === "invalid") r.report(field, ru.values.expectedYesNo(parsed.text, field));
  }
  return values;
}
