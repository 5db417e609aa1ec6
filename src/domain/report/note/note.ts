/**
 * «Справка»: a draft analytic note built from the run (workbook.md §4), along the
 * management cycle Rosobrnadzor checks (methodology.md, background): indicators and sources →
 * monitoring results → analysis → targeted recommendations → measures → effectiveness →
 * decisions. Every number in it is one of the report sheets' or the JSON's numbers.
 *
 * The text is editable: one paragraph per row in a wide merged block, wrapped, with row
 * heights for print; headings bold; small tables in the block's columns.
 */
import { thresholds } from "../../classification/classify";
import { STATUS_ORDER } from "../../classification/types";
import type { SchoolResult } from "../../engine/calculate";
import type { EngineResult } from "../../engine/run";
import { indicatorChanges } from "../../dynamics/indicators";
import { changedPosition, transitions } from "../../dynamics/transitions";
import { R_INDEX_IDS, S_IDS } from "../../indicators/catalog";
import { noteText, schoolsWithNames } from "../../i18n/note";
import { REPORT_SHEETS, STATUS_LABELS, tableName } from "../../i18n/ru";
import { VERDICT_LABELS } from "../../roadmap/messages";
import type { RoadmapEvent } from "../../roadmap/types";
import { NOTE_STYLE, SheetBuilder, type Cell } from "../builder";
import { settingsFingerprint } from "../fingerprint";
import type { CellStyle, ReportSheet } from "../model";
import { printSetup } from "../print";
import { adverseTriggers, byMunicipality, isLowResults, lowResultsTriggers, onAdverseList, redIndicators, riskTriggers, signsInYear, statusCounts } from "./analysis";
import { recommendationGroups } from "./recommend";

export type NoteBlock =
  | { kind: "title" | "subtitle" | "heading" | "lead" | "paragraph" | "item" | "remark"; text: string }
  | { kind: "table"; header: string[]; rows: Cell[][] };

/** Events listed one by one before «и ещё N». */
const EVENTS_LIMIT = 15;

const nameOf = (s: SchoolResult) => s.school.name;
const namesOf = (list: readonly SchoolResult[]) => list.map(nameOf);

/** The note as a list of blocks (paragraphs, list items, tables), in reading order. */
export function composeNote(result: EngineResult): NoteBlock[] {
  const t = result.reportYear;
  const out: NoteBlock[] = [];
  const p = (text: string) => out.push({ kind: "paragraph", text });
  const item = (text: string) => out.push({ kind: "item", text });
  const heading = (text: string) => out.push({ kind: "heading", text });
  /** A bold line that opens a group of items. */
  const lead = (text: string) => out.push({ kind: "lead", text });
  const schools = result.schools;
  const settings = result.settings;
  const thr = thresholds(settings);

  out.push({ kind: "title", text: noteText.title(t) });
  out.push({ kind: "subtitle", text: noteText.draft(settings.reportDate) });

  // 1. Indicators and sources
  heading(noteText.h1);
  p(noteText.indicators);
  p(noteText.thresholds({ lowResults: thr.lowResults, adverse: thr.adverseContext, factors: settings.adverseContextMinFactors, resilient: thr.resilient, risk: thr.risk }));
  p(noteText.sourcesIntro);
  const kinds = [...new Set(result.tables.map((x) => x.kind))];
  for (const kind of kinds) {
    const tables = result.tables.filter((x) => x.kind === kind);
    item(noteText.source(tableName(kind), tables.map((x) => x.sheet), tables.reduce((n, x) => n + x.rows, 0)));
  }
  if (result.history.years.length > 0) p(noteText.years(result.history.years, t));
  const empty = R_INDEX_IDS.filter((id) => schools.every((s) => s.indicators[id]?.value === null || s.indicators[id] === undefined));
  p(empty.length > 0 ? noteText.noDataIndicators(empty) : noteText.allIndicators);
  p(noteText.settings(settings.scoringMode, settings.comparisonGroup, settingsFingerprint(settings)));
  p(noteText.problems(result.problems.length));

  // 2. Monitoring results
  heading(noteText.h2);
  p(noteText.total(schools.length));
  p(noteText.statusesIntro);
  const counts = statusCounts(schools);
  for (const st of STATUS_ORDER) item(noteText.status(STATUS_LABELS[st], counts[st]));
  const lowResults = schools.filter(isLowResults);
  const adverse = schools.filter(onAdverseList);
  const resilient = schools.filter((s) => s.classification.status === "resilient");
  const risk = schools.filter((s) => s.classification.flags.includes("risk_zone"));
  p(noteText.lists(lowResults.length, adverse.length, resilient.length, risk.length));
  const munis = byMunicipality(schools);
  if (munis.length > 1) {
    p(noteText.municipalitiesIntro);
    const label = (name: string) => (name === "" ? noteText.noMunicipality : name);
    out.push({ kind: "table", header: [...noteText.municipalityHeader], rows: munis.map((m) => [label(m.name), m.schools, m.lowResults, m.adverse, m.resilient, m.riskZone]) });
    const shares = munis.map((m) => ({ name: label(m.name), n: m.lowResults, of: m.schools, share: (100 * m.lowResults) / m.schools }));
    const sorted = [...shares].sort((a, b) => b.share - a.share);
    const [high, low] = [sorted[0], sorted[sorted.length - 1]];
    p(Math.abs(high.share - low.share) < 1e-9 ? noteText.municipalitySame(high.share) : noteText.municipalityShare(high, low));
  }

  // 3. Analysis
  heading(noteText.h3);
  if (lowResults.length === 0) p(noteText.noLowResults);
  else {
    lead(noteText.lowResultsIntro(lowResults.length));
    const triggers = lowResults.map((s) => ({ s, x: lowResultsTriggers(s, settings) }));
    const texts = { ...noteText.triggers, index: noteText.triggers.index(thr.lowResults) };
    for (const key of ["index", "accreditation", "r3aBoth", "r3bBoth", "r4Both"] as const) {
      const list = triggers.filter((x) => x.x[key]).map((x) => x.s);
      if (list.length > 0) item(noteText.trigger(texts[key], namesOf(list)));
    }
    const basic = lowResults.filter((s) => s.classification.flags.includes("basic_failing"));
    const moderate = lowResults.filter((s) => s.classification.flags.includes("moderate_failing"));
    p(noteText.failingTypes(t, namesOf(basic), namesOf(moderate)));
    const red = redIndicators(lowResults, R_INDEX_IDS).slice(0, 5);
    if (red.length > 0) p(noteText.redAmong(noteText.groupLowResults, red.map((x) => ({ id: x.id, n: x.schools.length }))));
  }
  const stable = schools.filter((s) => s.classification.flags.includes("stable_low"));
  if (stable.length > 0) p(noteText.stableLow(t, thr.lowResults, namesOf(stable)));

  const adverseAll = schools.filter((s) => s.classification.adverseContext);
  if (adverseAll.length === 0) p(noteText.noAdverse);
  else {
    lead(noteText.adverseIntro(adverseAll.length));
    const triggers = adverseAll.map((s) => ({ s, x: adverseTriggers(s, settings) }));
    const byIndex = triggers.filter((x) => x.x.index).map((x) => x.s);
    const byFactors = triggers.filter((x) => x.x.factors).map((x) => x.s);
    if (byIndex.length > 0) item(noteText.trigger(noteText.adverseIndex(thr.adverseContext), namesOf(byIndex)));
    if (byFactors.length > 0) item(noteText.trigger(noteText.adverseFactors(settings.adverseContextMinFactors), namesOf(byFactors)));
    const red = redIndicators(adverseAll, S_IDS).slice(0, 5);
    if (red.length > 0) p(noteText.redAmong(noteText.groupAdverse, red.map((x) => ({ id: x.id, n: x.schools.length }))));
  }
  if (resilient.length > 0) p(noteText.resilient(namesOf(resilient), thr.resilient));

  if (risk.length > 0) {
    lead(noteText.riskIntro(risk.length));
    const triggers = risk.map((s) => ({ s, x: riskTriggers(s, settings) }));
    const texts = { band: noteText.risk.band(thr.risk, thr.lowResults), redInYear: noteText.risk.redInYear(t), negativeDynamics: noteText.risk.negativeDynamics, wasLowResults: noteText.risk.wasLowResults(t) };
    for (const key of ["band", "redInYear", "negativeDynamics", "wasLowResults"] as const) {
      const list = triggers.filter((x) => x.x[key]).map((x) => x.s);
      if (list.length > 0) item(noteText.trigger(texts[key], namesOf(list)));
    }
  }

  const withSigns = schools.filter((s) => s.classification.flags.includes("objectivity_signs"));
  if (withSigns.length === 0) p(noteText.noObjectivity(t));
  else {
    p(noteText.objectivity(t, namesOf(withSigns)));
    const check = schools.filter((s) => s.classification.flags.includes("needs_objectivity_check"));
    if (check.length > 0) p(noteText.objectivityShnor(namesOf(check)));
  }
  const signs = signsInYear(schools, t);
  if (signs.length > 0) p(noteText.signsByKind(t, signs.map((x) => ({ sign: x.sign, n: x.schools.length }))));

  // 4. Recommendations
  heading(noteText.h4);
  const groups = recommendationGroups(schools);
  if (groups.length === 0) p(noteText.noRecommendations);
  else {
    out.push({ kind: "remark", text: noteText.recommendationsNote });
    for (const g of groups) {
      lead(noteText.group(g.title, namesOf(g.schools)));
      for (const text of g.items) item(text);
    }
  }

  // 5. Measures
  heading(noteText.h5);
  measures(result, p, item);

  // 6. Effectiveness
  heading(noteText.h6);
  effectiveness(result, p, item);

  // 7. Decisions
  heading(noteText.h7);
  out.push({ kind: "remark", text: noteText.decisions });
  return endLists(out);
}

/** The last item of a list ends with a full stop, the others with a semicolon. */
function endLists(blocks: NoteBlock[]): NoteBlock[] {
  return blocks.map((b, i) => {
    const next = blocks[i + 1];
    if (b.kind !== "item" || next?.kind === "item" || !b.text.endsWith(";")) return b;
    return { ...b, text: `${b.text.slice(0, -1)}.` };
  });
}

function measures(result: EngineResult, p: (text: string) => void, item: (text: string) => void): void {
  const events = result.roadmap;
  const ex = result.execution;
  if (!ex || events.length === 0) {
    p(noteText.noRoadmap);
    return;
  }
  const o = ex.overall;
  p(o.due_so_far === 0 ? noteText.nothingDue(events.length) : noteText.execution(events.length, o.due_so_far, o.done, o.on_time, o.share));
  const overdue = events.filter((e) => e.status === "overdue");
  if (overdue.length === 0) p(noteText.noOverdue);
  else {
    p(noteText.overdueIntro(overdue.length));
    for (const e of overdue.slice(0, EVENTS_LIMIT)) item(noteText.overdue(e.event, e.due, e.daysOverdue, e.responsible));
    if (overdue.length > EVENTS_LIMIT) item(noteText.moreEvents(overdue.length - EVENTS_LIMIT));
  }
  const responsible = Object.entries(ex.by_responsible).filter(([, f]) => f.due_so_far > 0);
  if (responsible.length > 0) {
    p(noteText.byResponsibleIntro);
    for (const [who, f] of responsible) item(noteText.byResponsible(who === "" ? noteText.noResponsible : who, f.on_time, f.due_so_far, f.share));
  }
  const soon = events.filter((e) => e.status === "due_soon").length;
  if (soon > 0) p(noteText.dueSoon(soon, result.settings.dueSoonDays));
  const unparsed = events.filter((e) => e.status === "unparsed").length;
  if (unparsed > 0) p(noteText.unparsed(unparsed));
}

function effectiveness(result: EngineResult, p: (text: string) => void, item: (text: string) => void): void {
  const t = result.reportYear;
  const schools = result.schools;
  const names = new Map(schools.map((s) => [s.school.id, s.school.name]));
  const byId = (ids: string[]) => ids.map((id) => names.get(id) ?? id);
  const tr = transitions(schools);
  p(noteText.transitionsIntro(t));
  for (const key of ["shnor", "shnsu"] as const) item(noteText.transition(noteText.listNames[key], byId(tr[key].entered), byId(tr[key].left), tr[key].stayed.length));
  p(noteText.changedPosition(changedPosition(tr.shnor), changedPosition(tr.shnsu)));

  const timeline = result.history.timeline;
  if (timeline) {
    p(noteText.historyIntro);
    for (const key of ["shnor", "shnsu"] as const) {
      const items = timeline.years.map((year, i) => ({ year, n: [...timeline.bySchool.values()].filter((list) => list[i]?.[key]).length }));
      item(noteText.history(noteText.historyNames[key], items));
    }
  }

  const lines: string[] = [];
  for (const id of ["R4", "R3b", "R3a", "R5"]) {
    const changes = schools.map((s) => ({ s, c: indicatorChanges(s, result.settings, [id])[0] })).filter((x) => x.c.shown !== null && x.c.shown !== "small_sample");
    if (changes.length === 0) continue;
    const pick = (v: string) => changes.filter((x) => x.c.shown === v).map((x) => x.s.school.name);
    lines.push(noteText.dynamics(id, pick("positive"), pick("negative"), pick("stable").length));
  }
  if (lines.length === 0) p(noteText.noDynamics(t));
  else {
    p(noteText.dynamicsIntro(t));
    lines.forEach(item);
  }

  const linked = result.roadmap.filter((e) => e.effect !== null);
  if (linked.length === 0) {
    p(noteText.noLinked);
    return;
  }
  const verdictOf = (e: RoadmapEvent) => (e.effect?.delta === null ? null : e.effect?.verdict ?? null);
  const n = (v: string | null) => linked.filter((e) => verdictOf(e) === v).length;
  p(noteText.linkedIntro(linked.length, n("positive"), n("negative"), n("stable"), n(null)));
  for (const e of linked.slice(0, EVENTS_LIMIT)) {
    const x = e.effect!;
    const scope = x.scope === "all" ? noteText.scopeAll : names.get(e.schoolId ?? "") ?? e.schoolId ?? "";
    const change =
      x.delta !== null && x.valueT1 !== null && x.valueT !== null ? noteText.change(x.valueT1, x.valueT, x.delta, x.verdict ? VERDICT_LABELS[x.verdict] : null) : noteText.notAssessed(x.note);
    item(noteText.linked(e.event, x.indicator, scope, change));
  }
  if (linked.length > EVENTS_LIMIT) item(noteText.moreLinked(linked.length - EVENTS_LIMIT));
}

/** Columns of «Справка»: the paragraphs span all of them; tables use them one by one. */
export const NOTE_WIDTHS = [32, 10, 15, 15, 15, 13];
const W = NOTE_WIDTHS.length;

const STYLES: Record<"title" | "subtitle" | "heading" | "lead" | "paragraph" | "item" | "remark", CellStyle> = {
  title: { bold: true, fontSize: 14, wrap: true, vertical: "top" },
  subtitle: { ...NOTE_STYLE, wrap: true, vertical: "top" },
  heading: { bold: true, fontSize: 12, wrap: true, vertical: "top" },
  lead: { bold: true, wrap: true, vertical: "top" },
  paragraph: { wrap: true, vertical: "top" },
  item: { wrap: true, vertical: "top" },
  remark: { italic: true, wrap: true, vertical: "top" },
};

/** «Справка» as a report sheet (portrait A4, fit to width, footer with date and settings). */
export function buildNoteSheet(result: EngineResult): ReportSheet {
  const sheet = new SheetBuilder(W);
  for (const block of composeNote(result)) {
    if (block.kind === "table") {
      sheet.table(block.header, block.rows);
      continue;
    }
    if (block.kind === "heading") sheet.push([]);
    const text = block.kind === "item" ? `— ${block.text}` : block.text;
    const row = sheet.push([text]);
    const whole = { top: row, left: 0, bottom: row, right: W - 1 };
    sheet.merges.push(whole);
    sheet.style(whole, STYLES[block.kind]);
  }
  return sheet.build(REPORT_SHEETS.note, NOTE_WIDTHS, { print: printSetup(result, { landscape: false }) });
}

/** The school names of a list, as the note writes them (for tests). */
export const listText = (list: readonly SchoolResult[]) => schoolsWithNames(namesOf(list));
