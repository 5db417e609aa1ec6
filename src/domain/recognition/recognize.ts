import type { Problem } from "../problems";
import { cellAddress } from "../sheet/address";
import { rowsWithMergesFilled } from "../sheet/merged";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";
import { editDistance } from "../text/distance";
import { cellText, isBlank, normalizeHeader } from "../text/normalize";
import { ru } from "../i18n/ru";
import { KIND_PREFERENCE, TABLE_FIELDS } from "./fields";
import { anyMatch, assignFields, buildDictionary, columnTexts, matchColumns, type ColumnTexts, type Dictionary, type ExtraSynonyms, type HeaderColumn } from "./header";
import { SheetBlock, type RecognizedTable, type TableKind } from "./table";

/** The header row is looked for in the first 20 rows (workbook.md §1). */
const HEADER_SEARCH_ROWS = 20;
/** A sheet with at least this many recognised fields but missing a required one is reported. */
const REPORT_NEAR_MISS_FIELDS = 2;

interface Candidate {
  kind: TableKind;
  row: number;
  columns: HeaderColumn[];
  assigned: Record<string, number>;
  ignored: HeaderColumn[];
  missing: string[];
}

export interface SheetRecognition {
  table: RecognizedTable | null;
  problems: Problem[];
}

export function recognizeSheet(sheet: SheetSnapshot, extra: ExtraSynonyms): SheetRecognition {
  const rows = rowsWithMergesFilled(sheet);
  // the first rows' texts normalised once, not once per table kind, and a row matching
  // nothing of a kind skipped without columns made (recognising a region, A/B medians of 80:
  // 2.9 → 2.2 ms; headerColumns and assignFields allocated 3.9 MB in 4 runs, now 1.9)
  const texts = rows.slice(0, HEADER_SEARCH_ROWS).map((_, r) => columnTexts(rows, r));
  const candidates = KIND_PREFERENCE.map((kind) => bestHeader(texts, kind, buildDictionary(kind, extra)));
  const complete = candidates.find((c) => c && c.missing.length === 0);
  if (!complete) return { table: null, problems: nearMiss(sheet.name, candidates) };
  const problems = complete.ignored.map((column) => ({
    sheet: sheet.name,
    cell: cellAddress(complete.row, column.col),
    message: ru.recognition.duplicateColumn(column.text, column.match!.field),
  }));
  return { table: extractTable(sheet, rows, complete), problems };
}

function bestHeader(texts: ColumnTexts[][], kind: TableKind, dict: Dictionary): Candidate | null {
  let best: Candidate | null = null;
  for (let r = 0; r < texts.length; r++) {
    if (!anyMatch(texts[r], dict)) continue;
    const columns = matchColumns(texts[r], dict);
    const { columns: assigned, ignored } = assignFields(columns);
    const count = Object.keys(assigned).length;
    if (count === 0 || (best && Object.keys(best.assigned).length >= count)) continue;
    const missing = TABLE_FIELDS[kind].filter((f) => f.required && !(f.id in assigned)).map((f) => f.id);
    best = { kind, row: r, columns, assigned, ignored, missing };
  }
  return best;
}

function nearMiss(sheet: string, candidates: (Candidate | null)[]): Problem[] {
  const near = candidates
    .filter((c): c is Candidate => c !== null && Object.keys(c.assigned).length >= REPORT_NEAR_MISS_FIELDS)
    .sort((a, b) => Object.keys(b.assigned).length - Object.keys(a.assigned).length)[0];
  if (!near) return [];
  const closest = near.missing.map((field) => ({ field, header: closestHeader(field, near) }));
  // The cell is the header row's first column: a click in the pane goes to the header.
  const firstCol = near.columns.reduce((m, c) => Math.min(m, c.col), Number.MAX_SAFE_INTEGER);
  return [{ sheet, cell: cellAddress(near.row, firstCol), message: ru.recognition.notRecognized(near.kind, near.row, closest) }];
}

/** The unmatched header text nearest to any synonym of the field, to help the user rename it. */
function closestHeader(field: string, candidate: Candidate): string | null {
  const spec = TABLE_FIELDS[candidate.kind].find((f) => f.id === field)!;
  const targets = spec.synonyms.map(normalizeHeader);
  let best: { text: string; distance: number } | null = null;
  for (const column of candidate.columns) {
    if (column.match) continue;
    const norm = normalizeHeader(column.text);
    const distance = Math.min(...targets.map((t) => editDistance(norm, t) / Math.max(t.length, 1)));
    if (!best || distance < best.distance) best = { text: column.text, distance };
  }
  return best && best.distance <= 0.6 ? best.text : null;
}

const TOTAL_ROW = /^(итого|всего)($|[^\p{L}])/iu;

/** Data rows: after the header, blank rows before the first data row skipped, up to the
 *  first fully blank row or an «Итого»/«Всего» row (which is not data). */
function extractTable(sheet: SheetSnapshot, rows: CellValue[][], header: Candidate): RecognizedTable {
  let first = header.row + 1;
  while (first < rows.length && isBlankRow(rows[first])) first++;
  const percentColumns = new Set(header.columns.filter((c) => c.match && c.percent && header.assigned[c.match.field] === c.col).map((c) => c.match!.field));
  return new SheetBlock(header.kind, sheet.name, header.row, header.assigned, percentColumns, sheet.merges, rows, first, dataEnd(rows, first));
}

/** The row after the last data row: the first fully blank row or «Итого»/«Всего» row from `first`. */
function dataEnd(rows: CellValue[][], first: number): number {
  // A run of rows with the same first filled cell (a school's rows) is tested for «Итого»
  // once, in the same scan that finds blank rows (recognising a region: 6.5 → 5.1 ms, A/B
  // medians).
  let notTotal: CellValue | undefined;
  let r = first;
  for (; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const filled = cells.find(isFilled);
    if (filled === undefined) break; // a fully blank row
    if (filled !== notTotal) {
      if (isTotalText(filled)) break;
      notTotal = filled;
    }
  }
  return r;
}

function isBlankRow(cells: CellValue[] | undefined): boolean {
  return !cells || cells.every(isBlank);
}

const isFilled = (cell: CellValue) => !isBlank(cell);

/** Whether a row whose first filled cell is `first` is an «Итого»/«Всего» row. */
function isTotalText(first: CellValue): boolean {
  return typeof first === "string" && TOTAL_ROW.test(cellText(first));
}
