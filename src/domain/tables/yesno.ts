import { parseYesNo } from "../parse/yesno";
import { ru } from "../i18n/ru";
import { YES_NO_IDS, type YesNoValues } from "../model/types";
import type { RowReader } from "./cells";

/** The yes/no fields a row gives; an unreadable value is reported and left as no data. */
export function readYesNo(r: RowReader): YesNoValues {
  const values: YesNoValues = {};
  for (const field of YES_NO_IDS) {
    if (!r.has(field)) continue;
    const parsed = parseYesNo(r.raw(field));
    if (parsed.kind === "value") values[field] = parsed.value;
    else if (parsed.kind === "invalid") r.report(field, ru.values.expectedYesNo(parsed.text, field));
  }
  return values;
}
