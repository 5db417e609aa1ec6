import { parseNumber } from "../parse/number";
import { parseYear } from "../parse/year";
import { parseDateCell } from "../parse/date";
import type { CellValue } from "../sheet/snapshot";
import { cellText, foldText } from "../text/normalize";
import { subjectKey } from "../parse/subject";
import type { ParamDef } from "./definitions";

export type ParamValue = number | string | string[] | number[] | null;

/** The largest number a parameter may have (thresholds, weights, sizes, days). */
export const PARAM_MAX = 1_000_000;

export type ParsedParam = { ok: true; value: ParamValue } | { ok: false; expected: string };

/** Reads one parameter cell; values may use a comma decimal and a trailing «%». */
export function parseParamValue(def: ParamDef, raw: CellValue): ParsedParam {
  const text = cellText(raw);
  if (text === "") return { ok: true, value: null };
  switch (def.type) {
    case "number":
    case "integer": {
      const n = parseNumber(raw);
      const ok = n.kind === "number" && n.value >= 0 && (def.type === "number" || Number.isInteger(n.value));
      if (!ok) return { ok: false, expected: def.type === "integer" ? "целое неотрицательное число" : "неотрицательное число" };
      // A weight of 1e308 would make every sum infinite: no parameter of the methodology is that large.
      return n.value <= PARAM_MAX ? { ok: true, value: n.value } : { ok: false, expected: "число не больше 1 000 000" };
    }
    case "year": {
      const y = parseYear(raw);
      return y ? { ok: true, value: y.year } : { ok: false, expected: "год, например 2026" };
    }
    case "date": {
      const iso = parseDateCell(raw);
      return iso ? { ok: true, value: iso } : { ok: false, expected: "дата ДД.ММ.ГГГГ" };
    }
    case "enum": {
      const v = foldText(text);
      return def.options!.includes(v) ? { ok: true, value: v } : { ok: false, expected: def.options!.join(" или ") };
    }
    case "color": {
      const v = text.startsWith("#") ? text : `#${text}`;
      return /^#[0-9a-f]{6}$/i.test(v) ? { ok: true, value: v.toUpperCase() } : { ok: false, expected: "цвет #RRGGBB" };
    }
    case "list":
      return parseList(def.id, text);
  }
}

function parseList(id: string, text: string): ParsedParam {
  const items = text.split(/[,;\s]+/).filter(Boolean);
  if (id === "vpr_grades") {
    const grades = items.map(Number);
    return grades.length > 0 && grades.every((g) => Number.isInteger(g) && g >= 1 && g <= 11)
      ? { ok: true, value: grades }
      : { ok: false, expected: "номера классов через запятую, например «5, 8»" };
  }
  const subjects = text.split(/[,;]+/).map((s) => s.trim()).filter(Boolean).map((s) => (s === "rus" || s === "math" ? s : subjectKey(s)));
  return subjects.length > 0 && subjects.every((s) => s !== null)
    ? { ok: true, value: subjects as string[] }
    : { ok: false, expected: "предметы через запятую, например «rus, math»" };
}
