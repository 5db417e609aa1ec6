/**
 * «Срок» → due date (methodology.md §7, Appendix B). The whole text must be one form;
 * anything else is «срок не распознан» and is never guessed.
 */
import { endOfMonthIso, endOfPreviousMonthIso, isDateSerial, serialToIso } from "../parse/date";
import type { CellValue } from "../sheet/snapshot";
import { type DatedForm, evaluateForm, parseDatedForm, writtenYears } from "./forms";
import { normalizeDeadline, trimPiece } from "./normalize";
import type { ParsedDeadline } from "./types";
import { CONTINUOUS_PHRASES } from "./vocabulary";

export interface DeadlineContext {
  roadmapYear: number;
  /** ISO date; monthly events are due at the end of the month before it. */
  reportDate: string;
}

const UNPARSED: ParsedDeadline = { kind: "unparsed", form: "unparsed", due: null };

/** «ежегодно X», «X ежегодно», «X – далее ежегодно» → the text of X. */
function annualPart(text: string): string | null {
  const patterns = [
    /^ежегодно\s*,?\s+(.+)$/,
    /^(.+?)\s*(?:[-,;]\s*)?(?:и\s+)?далее\s+ежегодно$/,
    /^(.+?)\s*,?\s+ежегодно$/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return trimPiece(m[1]);
  }
  return null;
}

/**
 * An annual deadline recurs: X is evaluated in Y' = max(Y, the first year written in X),
 * with every written year replaced by Y', so «Февраль 2022 г. – далее ежегодно» is due
 * 28.02 of the roadmap year and never before its stated start.
 */
function annualDeadline(form: DatedForm, roadmapYear: number): ParsedDeadline {
  const first = writtenYears(form)[0];
  const year = first === undefined ? roadmapYear : Math.max(roadmapYear, first);
  const due = evaluateForm(form, { year, override: year });
  return due === null ? UNPARSED : { kind: "annual", form: `annual_${form.form}`, due };
}

function parseText(raw: string, ctx: DeadlineContext): ParsedDeadline {
  const text = normalizeDeadline(raw);
  if (text === "") return UNPARSED;
  if (CONTINUOUS_PHRASES.has(text)) return { kind: "continuous", form: "continuous", due: null };
  if (text === "ежемесячно") return { kind: "monthly", form: "monthly", due: endOfPreviousMonthIso(ctx.reportDate) };
  if (text === "ежегодно") return { kind: "annual", form: "annual", due: endOfMonthIso(ctx.roadmapYear, 12) };

  const annual = annualPart(text);
  if (annual !== null) {
    const form = parseDatedForm(annual);
    return form ? annualDeadline(form, ctx.roadmapYear) : UNPARSED;
  }

  const form = parseDatedForm(text);
  if (!form) return UNPARSED;
  const due = evaluateForm(form, { year: ctx.roadmapYear, override: null });
  return due === null ? UNPARSED : { kind: "once", form: form.form, due };
}

/**
 * Parses a «Срок» cell. A number cell is a date when it is an Excel serial between 20000
 * and 80000 (Appendix B); other numbers and booleans are not deadlines.
 */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): ParsedDeadline {
  if (typeof value === "number") {
    const due = isDateSerial(value) ? serialToIso(value) : null;
    return due ? { kind: "once", form: "date_cell", due } : UNPARSED;
  }
  if (typeof value === "boolean") return UNPARSED;
  return parseText(value, ctx);
}

/** The deadline as a person reads it: the text as typed, a date cell as its ISO date. */
export function deadlineText(value: CellValue): string {
  if (typeof value === "number") return (isDateSerial(value) && serialToIso(value)) || String(value);
  if (typeof value === "boolean") return value ? "ИСТИНА" : "ЛОЖЬ";
  return value.trim();
}
