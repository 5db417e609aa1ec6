/**
 * «Справка» on the demo workbook: the sections of the management cycle, and every number in
 * the text traced back to the JSON result or to another report sheet.
 */
import { demoRun, sheetOf, type DemoRun } from "../../../../test/support/demo-run";
import { smallBook } from "../../../../test/support/memory-gateway";
import { STATUS_ORDER } from "../../classification/types";
import { fmt } from "../../i18n/format";
import { STATUS_LABELS } from "../../i18n/ru";
import { run, sheet } from "../../testing/workbook-builder";
import { adverseTriggers, lowResultsTriggers, riskTriggers } from "./analysis";
import { buildNoteSheet, composeNote, type NoteBlock } from "./note";

const texts = (blocks: NoteBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [] : [b.text]));

/** The blocks of one numbered section (from its heading to the next heading). */
function section(blocks: NoteBlock[], n: number): NoteBlock[] {
  const start = blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith(`${n}. `));
  if (start < 0) throw new Error(`no section ${n}`);
  const end = blocks.findIndex((b, i) => i > start && b.kind === "heading");
  return blocks.slice(start + 1, end < 0 ? blocks.length : end);
}

function match(lines: string[], re: RegExp): RegExpExecArray {
  for (const line of lines) {
    const m = re.exec(line);
    if (m) return m;
  }
  throw new Error(`no line matches ${re}`);
}

describe("«Справка» on the demo workbook", () => {
  let demo: DemoRun;
  let blocks: NoteBlock[];
  let all: string[];

  beforeAll(async () => {
    demo = await demoRun();
    blocks = composeNote(demo.result);
    all = texts(blocks);
  });

  it("follows the management cycle: indicators → results → analysis → recommendations → measures → effectiveness → decisions", () => {
    const headings = blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      "1. Показатели и источники данных",
      "2. Результаты мониторинга",
      "3. Анализ причин",
      "4. Адресные рекомендации",
      "5. Меры: исполнение дорожной карты",
      "6. Анализ эффективности мер",
      "7. Управленческие решения",
    ]);
    expect(all[0]).toContain("за 2026 год");
    expect(all[1]).toContain("Черновик на 22 ноября 2026 г.");
  });

  it("names the tables used, their sheets and rows, the years and the settings", () => {
    const lines = texts(section(blocks, 1));
    for (const t of demo.json.tables) expect(lines.some((l) => l.includes(`лист «${t.sheet}»`) && l.includes(`${t.rows} строк`))).toBe(true);
    expect(lines).toContain("Годы с данными: 2024, 2025 и 2026. Отчётный год — 2026; двухлетние показатели рассчитаны по данным 2025 и 2026 годов.");
    expect(lines.some((l) => l.startsWith("Пороги: кандидат в ШНОР — ИНР не ниже 50"))).toBe(true);
    expect(match(lines, /^Проблем в данных: (\d+)/)[1]).toBe(String(demo.json.problems.length));
  });

  it("states the status counts of the JSON result (status_counts), the total and the list sizes of «Кандидаты»", () => {
    const lines = texts(section(blocks, 2));
    expect(match(lines, /^Рассмотрены данные (\d+) школ/)[1]).toBe(String(demo.json.schools.length));
    const parsed = new Map<string, number>();
    for (const line of lines) {
      const m = /^статус «(.+)» — (\d+) школ/.exec(line);
      if (m) parsed.set(m[1], Number(m[2]));
    }
    expect(parsed.size).toBe(STATUS_ORDER.length);
    for (const st of STATUS_ORDER) expect(parsed.get(STATUS_LABELS[st])).toBe(demo.json.status_counts[st] ?? 0);

    // «Кандидаты» titles end with the list size: «Кандидаты в ШНОР (…): 7».
    const candidates = sheetOf(demo.reports, "Кандидаты").values.map((r) => String(r[0] ?? ""));
    const listSize = (prefix: string) => Number(/: (\d+)$/.exec(candidates.find((t) => t.startsWith(prefix))!)![1]);
    const lists = match(lines, /^Перечень кандидатов в ШНОР: (\d+) школ.*перечень кандидатов в ШНСУ: (\d+) школ.*резильентные школы .*: (\d+) школ.*флаг «зона риска» .*: (\d+) школ/);
    expect(Number(lists[1])).toBe(listSize("Кандидаты в ШНОР"));
    expect(Number(lists[2])).toBe(listSize("Кандидаты в ШНСУ"));
    expect(Number(lists[3])).toBe(listSize("Резильентные школы"));
    expect(Number(lists[4])).toBe(listSize("Зона риска"));
  });

  it("compares the municipalities in a table whose columns add up to the totals", () => {
    const table = section(blocks, 2).find((b) => b.kind === "table") as Extract<NoteBlock, { kind: "table" }>;
    expect(table.rows).toHaveLength(2);
    const sum = (col: number) => table.rows.reduce((n, r) => n + (r[col] as number), 0);
    expect(sum(1)).toBe(demo.json.schools.length);
    expect(sum(2)).toBe((demo.json.status_counts.shnor ?? 0) + (demo.json.status_counts.shnor_shnsu ?? 0));
    expect(sum(3)).toBe((demo.json.status_counts.shnsu ?? 0) + (demo.json.status_counts.shnor_shnsu ?? 0));
    expect(sum(4)).toBe(demo.json.status_counts.resilient ?? 0);
    for (const row of table.rows) {
      const schools = demo.json.schools.filter((s) => s.municipality === row[0]);
      expect(row[1]).toBe(schools.length);
      expect(row[5]).toBe(schools.filter((s) => s.flags.includes("risk_zone")).length);
    }
    const share = match(texts(section(blocks, 2)), /^Наибольшая доля кандидатов в ШНОР — (.+?): (\d+) из (\d+) школ/);
    const top = table.rows.find((r) => r[0] === share[1])!;
    expect([Number(share[2]), Number(share[3])]).toEqual([top[2], top[1]]);
  });

  it("groups the reasons as the classification does: each rule's schools, failing types, signs", () => {
    const settings = demo.result.settings;
    for (const s of demo.result.schools) {
      const c = s.classification;
      expect(Object.values(lowResultsTriggers(s, settings)).some(Boolean)).toBe(c.lowResults);
      expect(Object.values(adverseTriggers(s, settings)).some(Boolean)).toBe(c.adverseContext);
      if (!c.lowResults) expect(Object.values(riskTriggers(s, settings)).some(Boolean)).toBe(c.flags.includes("risk_zone"));
    }
    const lines = texts(section(blocks, 3));
    const shnor = demo.json.schools.filter((s) => s.status === "shnor" || s.status === "shnor_shnsu");
    const triggerLines = lines.filter((l) => /^(ИНР не ниже|аккредитация|доля не преодолевших|доля «2» на ОГЭ|«2» по ВПР в красной зоне не менее)/.test(l));
    for (const s of shnor) expect(triggerLines.some((l) => l.includes(s.name))).toBe(true);
    const byIndex = match(lines, /^ИНР не ниже 50 — (\d+) школ/);
    expect(Number(byIndex[1])).toBe(shnor.filter((s) => s.inr !== null && s.inr >= 50).length);
    const types = match(lines, /^По типу неуспешности: .* — (\d+) школ.*умеренно неуспевающие — (\d+) школ/);
    expect(Number(types[1])).toBe(demo.json.schools.filter((s) => s.flags.includes("basic_failing")).length);
    expect(Number(types[2])).toBe(demo.json.schools.filter((s) => s.flags.includes("moderate_failing")).length);
    const signs = match(lines, /^Признаки необъективности результатов .* — (\d+) школ/);
    expect(Number(signs[1])).toBe(demo.json.schools.filter((s) => s.flags.includes("objectivity_signs")).length);
  });

  it("speaks of candidates and signs, never of verdicts", () => {
    for (const line of all) {
      // «необъективность» only as «признаки необъективности»
      for (const m of line.matchAll(/необъективн\S*/g)) expect(line.slice(Math.max(0, m.index! - 12), m.index)).toMatch(/признак\S* $/i);
      expect(line).not.toMatch(/официальн(ый|ого) перечень ШНОР|является ШНОР|признана ШНОР/);
    }
    expect(all.join(" ")).toContain("признаки необъективности — повод для анализа, а не вывод");
  });

  it("names the schools in the targeted recommendations by status, factor and school type", () => {
    const part = section(blocks, 4);
    const heads = part.filter((b) => b.kind === "lead").map((b) => (b as { text: string }).text);
    for (const s of demo.json.schools.filter((x) => x.status === "shnor" || x.status === "shnor_shnsu")) {
      expect(heads.some((l) => l.startsWith("Кандидатам в ШНОР") && l.includes(s.name))).toBe(true);
    }
    for (const s of demo.json.schools.filter((x) => x.status === "resilient")) expect(heads.some((l) => l.startsWith("Резильентным школам") && l.includes(s.name))).toBe(true);
    expect(heads.some((l) => l.startsWith("Школам в неблагоприятных условиях с красной зоной S"))).toBe(true);
    expect(heads.some((l) => l.startsWith("Малокомплектным школам") || l.startsWith("Сельским школам"))).toBe(true);
    // every group is followed by its measures
    part.forEach((b, i) => {
      if (b.kind === "lead") expect(part[i + 1]?.kind).toBe("item");
    });
  });

  it("reports the roadmap execution of the JSON result: overall figures, overdue events, by responsible", () => {
    const lines = texts(section(blocks, 5));
    const o = demo.json.execution!.overall;
    const m = match(lines, /^В дорожной карте — (\d+) мероприят\S+\. Срок наступил у (\d+) мероприят\S+; из них выполнено (\d+), в том числе в срок — (\d+) \((\S+) %/);
    expect(m.slice(1, 5).map(Number)).toEqual([demo.json.roadmap.length, o.due_so_far, o.done, o.on_time]);
    expect(m[5]).toBe(fmt(o.share!));
    const overdue = demo.json.roadmap.filter((e) => e.status === "overdue");
    expect(Number(match(lines, /^Просрочено (\d+) мероприят/)[1])).toBe(overdue.length);
    for (const e of overdue) expect(lines.some((l) => l.includes(`«${e.event}»`) && l.includes(`просрочка ${e.days_overdue} д`))).toBe(true);
    for (const [who, f] of Object.entries(demo.json.execution!.by_responsible).filter(([, f]) => f.due_so_far > 0)) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${who.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} — ${f.on_time} из ${f.due_so_far} мероприят`)));
    }
  });

  it("measures the effectiveness: transitions, statuses by year, indicator changes, events linked to indicators", () => {
    const lines = texts(section(blocks, 6));
    const tr = demo.json.transitions;
    const shnor = match(lines, /^перечень кандидатов в ШНОР: вошли — (\d+) школ.*; вышли — (\d+) школ.*; остались — (\d+) школ/);
    expect(shnor.slice(1, 4).map(Number)).toEqual([tr.shnor.entered.length, tr.shnor.left.length, tr.shnor.stayed.length]);
    const shnsu = match(lines, /^перечень кандидатов в ШНСУ \(включая резильентные\): вошли — (\d+) школ.*; вышли — (\d+) школ.*; остались — (\d+) школ/);
    expect(shnsu.slice(1, 4).map(Number)).toEqual([tr.shnsu.entered.length, tr.shnsu.left.length, tr.shnsu.stayed.length]);

    const history = demo.json.status_history!;
    const count = (i: number, statuses: string[]) => Object.values(history.schools).filter((list) => statuses.includes(list[i] ?? "")).length;
    const years = match(lines, /^кандидаты в ШНОР: (.+)\.?;?$/)[1];
    expect(years.replace(/[.;]$/, "")).toBe(history.years.map((y, i) => `${y} — ${count(i, ["shnor", "shnor_shnsu"])}`).join(", "));

    const shown = demo.json.schools.map((s) => s.extra.dynamics_shown.R4);
    const r4 = match(lines, /^R4 «Доля «2» по ВПР»: положительная динамика — у (\d+) школ.*отрицательная — у (\d+) школ.*стабильно — у (\d+) школ/);
    expect(r4.slice(1, 4).map(Number)).toEqual(["positive", "negative", "stable"].map((v) => shown.filter((x) => x === v).length));

    const linked = demo.result.roadmap.filter((e) => e.effect !== null);
    const m = match(lines, /^Мероприятий дорожной карты, связанных с показателем, — (\d+)\. Показатель улучшился .* — в (\d+) случа\S+, ухудшился — в (\d+) случа\S+, стабилен — в (\d+) случа\S+, изменение не оценено — в (\d+) случа/);
    const verdict = (v: string | null) => linked.filter((e) => (e.effect!.delta === null ? null : e.effect!.verdict) === v).length;
    expect(m.slice(1, 6).map(Number)).toEqual([linked.length, verdict("positive"), verdict("negative"), verdict("stable"), verdict(null)]);
  });

  it("ends every list with a full stop and the note with the decisions to fill in", () => {
    blocks.forEach((b, i) => {
      if (b.kind !== "item") return;
      const last = blocks[i + 1]?.kind !== "item";
      expect(b.text.endsWith(last ? "." : ";")).toBe(true);
    });
    expect(blocks[blocks.length - 1]).toMatchObject({ kind: "remark" });
  });

  it("is an editable sheet: a paragraph per row merged over the block, wrapped, bold headings, row heights, A4 portrait with the footer", () => {
    const note = sheetOf(demo.reports, "Справка");
    const width = note.columnWidths.length;
    expect(note.columnWidths.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(95);
    const merged = new Set((note.merges ?? []).filter((m) => m.left === 0 && m.right === width - 1 && m.top === m.bottom).map((m) => m.top));
    const textRows = note.values.map((r, i) => ({ r, i })).filter(({ r }) => typeof r[0] === "string" && r.slice(1).every((c) => c === null));
    for (const { i } of textRows) expect(merged.has(i)).toBe(true);
    const heading = note.values.findIndex((r) => r[0] === "3. Анализ причин");
    expect(note.styles.some((s) => s.range.top <= heading && s.range.bottom >= heading && s.style.bold)).toBe(true);
    expect(note.styles.filter((s) => merged.has(s.range.top)).every((s) => s.style.wrap)).toBe(true);
    const heights = new Map((note.rowHeights ?? []).map((h) => [h.row, h.points]));
    const longest = textRows.reduce((a, b) => (String(b.r[0]).length > String(a.r[0]).length ? b : a));
    expect(heights.get(longest.i)).toBeGreaterThanOrEqual(60);
    expect(note.print).toMatchObject({ landscape: false });
    expect(note.print?.footer).toMatch(/^Монитор ШНОР · дата отчёта 22\.11\.2026 · настройки [0-9a-f]{8} · стр\. \{page\} из \{pages\}$/);
  });

  it("is the same for the same input", () => {
    expect(buildNoteSheet(demo.result)).toEqual(buildNoteSheet(demo.result));
  });
});

describe("«Справка» on a small workbook", () => {
  const book = smallBook();
  const result = run(Object.entries(book).map(([name, values]) => sheet(name, values)));
  const blocks = composeNote(result);
  const all = texts(blocks);

  it("keeps all seven sections and says what is missing", () => {
    expect(blocks.filter((b) => b.kind === "heading")).toHaveLength(7);
    expect(all).toContain("Дорожная карта в книге не найдена: раздел заполните вручную или добавьте лист с мероприятиями и сроками.");
    expect(blocks.some((b) => b.kind === "table")).toBe(false); // one municipality: no comparison
    expect(all.some((l) => l.startsWith("Число школ в перечнях по годам"))).toBe(false); // two years: no timeline
    expect(all).toContain("Мероприятий дорожной карты со ссылкой на показатель (столбец «Показатель») нет: чтобы оценивать эффективность мер, укажите у мероприятий показатель (например, R4) и школу.");
  });

  it("counts one school in the singular", () => {
    const shnor = result.schools.filter((s) => s.classification.lowResults);
    expect(shnor).toHaveLength(1);
    expect(all).toContainEqual(expect.stringMatching(/^Перечень кандидатов в ШНОР: 1 школа \(/));
    expect(all).toContain("Рассмотрены данные 6 школ (все школы — на листе «Индикаторы»).");
  });
});
