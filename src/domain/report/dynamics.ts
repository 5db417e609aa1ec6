import { STATUS_ORDER } from "../classification/types";
import { changeIds, indicatorChanges, type IndicatorChange } from "../dynamics/indicators";
import { changedPosition, MEMBERSHIPS, TRANSITION_KINDS, transitionMatrix, transitions, type ListKey } from "../dynamics/transitions";
import type { SchoolResult } from "../engine/calculate";
import type { EngineResult } from "../engine/run";
import { REPORT_SHEETS, ru, STATUS_LABELS } from "../i18n/ru";
import { subjectShort } from "../parse/subject";
import { NOTE_STYLE, SheetBuilder, SUBTITLE_STYLE, TITLE_STYLE, ZONE_FILLS, type Cell } from "./builder";
import type { ReportSheet } from "./model";
import { printSetup } from "./print";

const text = ru.dynamics;
/** Signed Δ in p.p. with one decimal. */
export const DELTA_FORMAT = "+0.0;-0.0;0.0";
/** Fills of the shown verdicts; «стабильно» stays white. */
export const VERDICT_FILLS: Record<string, string> = { negative: ZONE_FILLS.red, positive: ZONE_FILLS.green, small_sample: "#EDEDED" };
/** Entering a list is the worse news, leaving it the better one. */
const KIND_FILLS: Record<string, string> = { entered: ZONE_FILLS.red, left: ZONE_FILLS.green, stayed: ZONE_FILLS.yellow };
const MATRIX_DIAGONAL = "#F2F2F2";
const LISTS: ListKey[] = ["shnor", "shnsu"];
const NO_DATA = "нет данных";

/**
 * «Динамика» (methodology.md §6, workbook.md §4): transitions t−1 → t of the ШНОР / ШНСУ
 * lists (counts, matrix, lists with names), single-year indicator changes with their
 * verdicts, and the status per year when more than two years have data. Produced only when
 * the workbook has school data of a year before t.
 */
export function buildDynamicsSheet(result: EngineResult): ReportSheet | null {
  const t = result.reportYear;
  if (result.schools.length === 0 || !result.history.years.some((y) => y < t)) return null;
  const ids = changeIds(result.schools);
  const timeline = result.history.timeline;
  const changeWidth = 3 + ids.length + 1;
  const width = Math.max(6, changeWidth, timeline ? timeline.years.length + 3 : 0);
  const sheet = new SheetBuilder(width);
  sheet.banner(text.title(t), TITLE_STYLE);
  sheet.banner(text.note(t), NOTE_STYLE);
  const hasPrevYear = result.history.years.includes(t - 1);
  if (!hasPrevYear) sheet.banner(text.noPrevYear(t), NOTE_STYLE);

  transitionCounts(sheet, result);
  matrix(sheet, result);
  lists(sheet, result);
  indicatorSection(sheet, result, ids);
  if (timeline) historySection(sheet, result);

  const widths = Array.from({ length: width }, (_, i) => (i === 0 ? 16 : i === 1 ? 40 : i === 2 ? 18 : i === changeWidth - 1 ? 70 : 12));
  return sheet.build(REPORT_SHEETS.dynamics, widths, { print: printSetup(result, { landscape: true }) });
}

function section(sheet: SheetBuilder, title: string): void {
  sheet.push([]);
  const row = sheet.push([title]);
  sheet.style({ top: row, left: 0, bottom: row, right: sheet.width - 1 }, SUBTITLE_STYLE);
}

function transitionCounts(sheet: SheetBuilder, result: EngineResult): void {
  const tr = transitions(result.schools);
  section(sheet, text.transitionsTitle(result.reportYear));
  const rows: Cell[][] = TRANSITION_KINDS.map((k) => [text.transitionRows[k], tr.shnor[k].length, tr.shnsu[k].length]);
  rows.push([text.transitionRows.changed, changedPosition(tr.shnor), changedPosition(tr.shnsu)]);
  sheet.table([...text.transitionsHeader], rows);
}

function matrix(sheet: SheetBuilder, result: EngineResult): void {
  const t = result.reportYear;
  const m = transitionMatrix(result.schools);
  section(sheet, text.matrixTitle(t));
  const rows: Cell[][] = MEMBERSHIPS.map((from) => [text.membership[from], ...MEMBERSHIPS.map((to) => m[from][to]), MEMBERSHIPS.reduce((n, to) => n + m[from][to], 0)]);
  rows.push([text.total, ...MEMBERSHIPS.map((to) => MEMBERSHIPS.reduce((n, from) => n + m[from][to], 0)), result.schools.length]);
  const { first, last } = sheet.table([text.matrixCorner(t), ...MEMBERSHIPS.map((k) => text.membership[k]), text.total], rows);
  MEMBERSHIPS.forEach((_, i) => sheet.style({ top: first + i, left: i + 1, bottom: first + i, right: i + 1 }, { fill: MATRIX_DIAGONAL, bold: true }));
  sheet.style({ top: last, left: 0, bottom: last, right: MEMBERSHIPS.length + 1 }, { bold: true });
}

/** Years among t−1, t in which the school has no rows, and «1 год данных». */
function note(s: SchoolResult, result: EngineResult): string {
  const t = result.reportYear;
  const present = result.history.present.get(s.school.id);
  const missing = [t - 1, t].filter((y) => !present?.has(y));
  const parts: string[] = [];
  if (missing.length > 0) parts.push(text.noDataInYears(missing));
  if (s.classification.flags.includes("one_year")) parts.push(text.oneYear);
  return parts.join("; ");
}

function lists(sheet: SheetBuilder, result: EngineResult): void {
  const tr = transitions(result.schools);
  const byId = new Map(result.schools.map((s) => [s.school.id, s]));
  section(sheet, text.listsTitle);
  const rows: Cell[][] = [];
  const kinds: string[] = [];
  for (const list of LISTS) {
    for (const kind of TRANSITION_KINDS) {
      for (const id of tr[list][kind]) {
        const s = byId.get(id)!;
        rows.push([id, s.school.name, text.listNames[list], text.kinds[kind], STATUS_LABELS[s.classification.status], note(s, result)]);
        kinds.push(kind);
      }
    }
  }
  if (rows.length === 0) {
    sheet.push([text.noneInLists]);
    return;
  }
  const { first } = sheet.table(text.listsHeader(result.reportYear), rows);
  sheet.fillRuns(3, first, kinds, KIND_FILLS);
}

function indicatorSection(sheet: SheetBuilder, result: EngineResult, ids: string[]): void {
  const t = result.reportYear;
  const s = result.settings;
  section(sheet, text.changesTitle(t));
  for (const line of text.legend(s.dynamicsThreshold, s.minNStable, s.minNScored)) sheet.banner(line, NOTE_STYLE);
  const perSchool = result.schools.map((r) => ({ r, changes: indicatorChanges(r, s, ids) }));
  if (!perSchool.some((x) => x.changes.some((c) => c.delta !== null))) {
    sheet.push([text.noChangeRows]);
    return;
  }
  const count = (changes: IndicatorChange[], v: string) => changes.filter((c) => c.shown === v).length;
  // Schools that got worse first, then the better ones; the registry order within.
  const order = perSchool
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => count(b.changes, "negative") - count(a.changes, "negative") || count(b.changes, "positive") - count(a.changes, "positive") || a.i - b.i);
  const header = [...text.changesHeader(t), ...ids.map((id) => text.changeColumn(label(id))), text.whatChanged];
  const rows = order.map(({ r, changes }): Cell[] => [
    r.school.id,
    r.school.name,
    STATUS_LABELS[r.classification.status],
    ...changes.map((c) => (c.delta === null ? NO_DATA : c.delta)),
    changes.map(describe).filter(Boolean).join("; "),
  ]);
  const { first, last } = sheet.table(header, rows);
  sheet.format({ top: first, left: 3, bottom: last, right: 2 + ids.length }, DELTA_FORMAT);
  ids.forEach((_, k) =>
    sheet.fillRuns(
      3 + k,
      first,
      order.map((x) => x.changes[k].shown),
      VERDICT_FILLS,
    ),
  );
}

/** «R4 рус. 5» for a combo, the id otherwise. */
function label(id: string): string {
  const m = /^R4\.([a-z_]+?)(\d+)$/.exec(id);
  return m ? text.comboLabel(id, subjectShort(m[1]), m[2]) : id;
}

/** A sentence for each change that is not «стабильно». */
function describe(c: IndicatorChange): string {
  if (c.shown === null || c.shown === "stable" || c.delta === null) return "";
  if (c.shown === "small_sample") return text.smallSampleText(label(c.id), c.nPrev, c.nNow);
  return text.changeText(label(c.id), c.prev!, c.now!, c.delta, text.verdicts[c.shown]);
}

function historySection(sheet: SheetBuilder, result: EngineResult): void {
  const timeline = result.history.timeline!;
  section(sheet, text.historyTitle);
  const rank = (st: string | undefined) => (st === undefined ? STATUS_ORDER.length : STATUS_ORDER.indexOf(st as (typeof STATUS_ORDER)[number]));
  const n = timeline.years.length;
  // Equal histories side by side (latest year first) so the colours form blocks.
  const schools = [...result.schools].sort((a, b) => {
    const x = timeline.bySchool.get(a.school.id)!;
    const y = timeline.bySchool.get(b.school.id)!;
    for (let i = n - 1; i >= 0; i--) {
      const d = rank(x[i]?.status) - rank(y[i]?.status);
      if (d !== 0) return d;
    }
    return 0;
  });
  const rows = schools.map((s): Cell[] => {
    const list = timeline.bySchool.get(s.school.id)!;
    const present = result.history.present.get(s.school.id);
    const missing = timeline.years.filter((y) => !present?.has(y));
    // Without rows of its own in a year and without a status from the year before, the
    // school simply has no data there.
    const cell = (y: (typeof list)[number], i: number) => (!y || (y.status === "insufficient_data" && !present?.has(timeline.years[i])) ? text.noYearData : STATUS_LABELS[y.status]);
    return [s.school.id, s.school.name, ...list.map(cell), missing.join(", ")];
  });
  const { first } = sheet.table(text.historyHeader(timeline.years), rows);
  for (let i = 0; i < n; i++) {
    sheet.fillRuns(
      2 + i,
      first,
      schools.map((s) => timeline.bySchool.get(s.school.id)![i]?.status ?? null),
      result.settings.colors,
    );
  }
}
