/**
 * Words of Russian deadlines, as regular-expression sources over normalised text
 * (lower-case, ё → е). Each alternative set lists the grammatical cases deadlines use:
 * nominative «май», genitive «до конца мая», prepositional «в мае».
 */

/** Month stems and their endings; index + 1 is the month number. */
const MONTH_FORMS: readonly string[] = [
  "январ(?:ь|я|е)",
  "феврал(?:ь|я|е)",
  "март(?:а|е)?",
  "апрел(?:ь|я|е)",
  "ма(?:й|я|е)",
  "июн(?:ь|я|е)",
  "июл(?:ь|я|е)",
  "август(?:а|е)?",
  "сентябр(?:ь|я|е)",
  "октябр(?:ь|я|е)",
  "ноябр(?:ь|я|е)",
  "декабр(?:ь|я|е)",
];

const MONTH_EXACT = MONTH_FORMS.map((form) => new RegExp(`^${form}$`));

/** Any month word (for building larger patterns). */
export const MONTH = `(?:${MONTH_FORMS.join("|")})`;

/** Month word → 1–12, or null. */
export function monthNumber(word: string): number | null {
  const index = MONTH_EXACT.findIndex((re) => re.test(word));
  return index < 0 ? null : index + 1;
}

/**
 * A written year with an optional unit: «2026», «2026 г.», «2026г», «2026 года», «2026 гг.».
 * The year itself is capture group 1 of whatever includes this source.
 */
export const YEAR = String.raw`(\d{4})(?:\s*(?:годах|годов|годы|года|году|год|гг|г)\.?)?`;

/** Roman (lower-case after normalisation) or arabic number of a quarter or half-year, with
 *  an optional ordinal ending «2-й», «1-е», «3-го». */
export const ORDINAL_NUMBER = String.raw`(iv|iii|ii|i|\d)(?:\s*-?\s*(?:ый|ий|ой|й|ое|ее|е|ого|его|го|ом|ем|м))?`;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** «ii» or «2» → 2. */
export function ordinalValue(token: string): number {
  return ROMAN[token] ?? Number(token);
}

/** Ordinal words for quarters («первый квартал», «в третьем квартале»). */
const QUARTER_WORDS: readonly string[] = [
  "перв(?:ый|ого|ом|ому)",
  "втор(?:ой|ого|ом|ому)",
  "трет(?:ий|ьего|ьем|ьему)",
  "четверт(?:ый|ого|ом|ому)",
];
/** Ordinal words for half-years («первое полугодие», «до конца второго полугодия»). */
const HALF_WORDS: readonly string[] = ["перв(?:ое|ого|ом|ому)", "втор(?:ое|ого|ом|ому)"];

export const QUARTER_WORD = `(${QUARTER_WORDS.join("|")})`;
export const HALF_WORD = `(${HALF_WORDS.join("|")})`;

function wordValue(words: readonly string[], word: string): number | null {
  const index = words.findIndex((w) => new RegExp(`^${w}$`).test(word));
  return index < 0 ? null : index + 1;
}

export function quarterWordValue(word: string): number | null {
  return wordValue(QUARTER_WORDS, word);
}

export function halfWordValue(word: string): number | null {
  return wordValue(HALF_WORDS, word);
}

/** «кв.», «квартал», «квартала», «квартале». */
export const QUARTER_UNIT = String.raw`(?:кв\.?|квартал(?:а|е|у|ом)?)`;
/** «полугодие», «полугодия», «полугодии». */
export const HALF_UNIT = String.raw`(?:полугоди(?:е|я|и|ю|ем))`;

/** The continuous phrases of Appendix B, normalised: no due date at all. */
export const CONTINUOUS_PHRASES: ReadonlySet<string> = new Set([
  "постоянно",
  "по отдельному плану",
  "по графику",
  "в соответствии с графиком",
  "по мере необходимости",
]);
