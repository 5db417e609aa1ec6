/**
 * The dated forms of Appendix B, parsed from normalised text into a small tree. Years are
 * kept as written; `evaluateForm` decides the due date for a roadmap year, so an annual
 * deadline can re-evaluate the same tree in another year.
 */
import { endOfMonthIso } from "../parse/date";
import { trimPiece } from "./normalize";
import { type Point, parseBareStart, parsePoint, parsePointAfterV, pointEnd } from "./points";

export interface RangeSpan {
  type: "range";
  from: Point;
  to: Point;
}

export interface PointSpan {
  type: "point";
  point: Point;
}

/** A form that ends on a point or range; `form` names it for the result. */
export type DatedForm =
  | { type: "span"; form: string; span: PointSpan | RangeSpan | { type: "list"; items: (PointSpan | RangeSpan)[] } }
  /** A calendar year: null = the roadmap year («в течение года»). `written` lists every year
   *  of the text («2024–2026 гг.» writes two). */
  | { type: "year"; form: "year"; year: number | null; written: number[] }
  /** A school year, by the calendar year it ends in; null = the roadmap year. */
  | { type: "school_year"; form: "school_year"; endYear: number | null };

const YEAR_UNIT = String.raw`(?:годах|годов|годы|года|году|год|гг|г)\.?`;
const PLURAL_YEAR_UNIT = String.raw`(?:годах|годов|годы|гг)\.?`;
const SCHOOL_UNIT = String.raw`(?:уч\.?\s*|учебн(?:ый|ого|ом|ому)\s+)(?:год|года|году|гг|г)\.?`;

const THIS_YEAR = /^(?:в течение|до конца)\s+(?:календарного\s+)?года$/;
const THIS_SCHOOL_YEAR = /^(?:в течение|до конца)\s+учебного\s+года$/;
const WRITTEN_YEAR = new RegExp(String.raw`^(?:(?:в течение|до конца|в)\s+)?(\d{4})\s*${YEAR_UNIT}$`);
const WRITTEN_YEARS = new RegExp(String.raw`^(?:(?:в течение|в)\s+)?(\d{4})\s*-\s*(\d{4})\s*${PLURAL_YEAR_UNIT}$`);
const SCHOOL_YEAR = new RegExp(String.raw`^(?:(?:в течение|до конца|в)\s+)?(\d{4})\s*[-/]\s*(\d{4}|\d{2})\s*${SCHOOL_UNIT}$`);

/** «в течение года», «до конца 2026 года», «2026 год», «2024–2026 гг.», school years. */
function parseYearForm(text: string): DatedForm | null {
  if (THIS_YEAR.test(text)) return { type: "year", form: "year", year: null, written: [] };
  if (THIS_SCHOOL_YEAR.test(text)) return { type: "school_year", form: "school_year", endYear: null };
  const single = WRITTEN_YEAR.exec(text);
  if (single) {
    const year = Number(single[1]);
    return { type: "year", form: "year", year, written: [year] };
  }
  const several = WRITTEN_YEARS.exec(text);
  if (several) {
    const first = Number(several[1]);
    const last = Number(several[2]);
    return last > first ? { type: "year", form: "year", year: last, written: [first, last] } : null;
  }
  const school = SCHOOL_YEAR.exec(text);
  if (school) {
    const start = Number(school[1]);
    const end = school[2].length === 2 ? Math.floor(start / 100) * 100 + Number(school[2]) : Number(school[2]);
    return end === start + 1 ? { type: "school_year", form: "school_year", endYear: end } : null;
  }
  return null;
}

/** «до конца» + a month, quarter or half-year → its end. */
function parseUntilEnd(text: string): DatedForm | null {
  const m = /^до конца\s+(.+)$/.exec(text);
  if (!m) return null;
  const point = parsePoint(m[1]);
  if (!point || point.form === "date" || point.form === "day_month") return null;
  return { type: "span", form: "до_конца", span: { type: "point", point } };
}

/** «до» / «не позднее» / «к» / «в срок до» + a date or a day and month → that day.
 *  «до мая» is left unrecognised: «before May» and «by the end of May» differ by a month. */
function parseByDay(text: string): DatedForm | null {
  const m = /^(?:в срок до|не позднее|до|к)\s+(.+)$/.exec(text);
  if (!m) return null;
  const point = parsePoint(m[1]);
  if (!point || (point.form !== "date" && point.form !== "day_month")) return null;
  return { type: "span", form: "до", span: { type: "point", point } };
}

/** A range «A-B» or «с A по B»; B decides the end. */
function parseRange(text: string): RangeSpan | null {
  const fromTo = /^(?:в\s+)?с\s+(.+?)\s+по\s+(.+)$/.exec(text);
  if (fromTo) return rangeOf(fromTo[1], fromTo[2]);
  for (let i = text.indexOf("-"); i > 0; i = text.indexOf("-", i + 1)) {
    const range = rangeOf(text.slice(0, i), text.slice(i + 1));
    if (range) return range;
  }
  return null;
}

function rangeOf(fromText: string, toText: string): RangeSpan | null {
  const to = parsePoint(toText.trim());
  if (!to) return null;
  const from = parsePointAfterV(fromText.trim()) ?? parseBareStart(fromText, to);
  return from ? { type: "range", from, to } : null;
}

function parseRangeOrPoint(text: string): PointSpan | RangeSpan | null {
  const point = parsePointAfterV(text);
  if (point) return { type: "point", point };
  return parseRange(trimPiece(text));
}

/** A list «июнь, декабрь», «июнь и декабрь», «март; июнь»; items may be ranges. */
function parseList(text: string): DatedForm | null {
  const parts = text.split(/\s*[,;]\s*|\s+и\s+/);
  if (parts.length < 2) return null;
  const items: (PointSpan | RangeSpan)[] = [];
  for (const part of parts) {
    const item = parseRangeOrPoint(part);
    if (!item) return null;
    items.push(item);
  }
  return { type: "span", form: "list", span: { type: "list", items } };
}

/** A point, a range or a list (what «в течение» may precede). */
function parseSpan(text: string): DatedForm | null {
  const single = parseRangeOrPoint(text);
  if (single?.type === "point") return { type: "span", form: single.point.form, span: single };
  if (single) return { type: "span", form: "range", span: single };
  return parseList(text);
}

/** Any dated form of Appendix B that is neither annual nor monthly nor continuous. */
export function parseDatedForm(text: string): DatedForm | null {
  const direct = parseYearForm(text) ?? parseUntilEnd(text) ?? parseByDay(text);
  if (direct) return direct;
  const within = /^в течение\s+(.+)$/.exec(text);
  return parseSpan(within ? within[1] : text);
}

/** How the years of a form resolve: `year` for what the text leaves open, `override`
 *  replaces every written year (annual deadlines, Appendix B). */
export interface YearRule {
  year: number;
  override: number | null;
}

function written(year: number | null, rule: YearRule): number | null {
  return year === null ? null : (rule.override ?? year);
}

function pointDue(point: Point, rule: YearRule): string | null {
  return pointEnd(point, written(point.year, rule) ?? rule.year);
}

/** B's year as written, else A's written year (the next one when B comes before A in the
 *  calendar), else the roadmap year; a range that ends before it starts is rejected. */
function rangeDue(range: RangeSpan, rule: YearRule): string | null {
  const fromYear = written(range.from.year, rule);
  const toYear = written(range.to.year, rule);
  if (toYear !== null) {
    const due = pointEnd(range.to, toYear);
    const start = fromYear !== null ? pointEnd(range.from, fromYear) : null;
    return due !== null && start !== null && start > due ? null : due;
  }
  if (fromYear !== null) {
    const start = pointEnd(range.from, fromYear);
    const sameYear = pointEnd(range.to, fromYear);
    if (start === null) return null;
    return sameYear !== null && sameYear >= start ? sameYear : pointEnd(range.to, fromYear + 1);
  }
  return pointEnd(range.to, rule.year);
}

function spanDue(span: PointSpan | RangeSpan, rule: YearRule): string | null {
  return span.type === "point" ? pointDue(span.point, rule) : rangeDue(span, rule);
}

/** The due date of a form, or null when the day it names does not exist that year. */
export function evaluateForm(form: DatedForm, rule: YearRule): string | null {
  switch (form.type) {
    case "year":
      return endOfMonthIso(written(form.year, rule) ?? rule.year, 12);
    case "school_year":
      return `${written(form.endYear, rule) ?? rule.year}-05-31`;
    case "span": {
      const span = form.span;
      if (span.type !== "list") return spanDue(span, rule);
      // Every item must be a real date; the last one is the deadline.
      const dues = span.items.map((item) => spanDue(item, rule));
      return dues.every((d) => d !== null) ? dues[dues.length - 1] : null;
    }
  }
}

/** Years written in the text, in reading order (the first one starts an annual deadline). */
export function writtenYears(form: DatedForm): number[] {
  const ofSpan = (span: PointSpan | RangeSpan): (number | null)[] =>
    span.type === "point" ? [span.point.year] : [span.from.year, span.to.year];
  switch (form.type) {
    case "year":
      return form.written;
    case "school_year":
      return form.endYear === null ? [] : [form.endYear];
    case "span": {
      const span = form.span;
      const years = span.type === "list" ? span.items.flatMap(ofSpan) : ofSpan(span);
      return years.filter((y): y is number => y !== null);
    }
  }
}
