/**
 * Russian text of «Справка» — the draft analytic note (workbook.md §4) — and of the print
 * footer. Sentences are built with the numbers in Russian grammar: «1 школа», «2 школы»,
 * «5 школ»; «из 21 школы»; dates «22 ноября 2026 г.»; lists «А, Б и В». Wording speaks of
 * candidates and signs, never of verdicts.
 */
import { countOf, fmt, ofCount, pct, plural, ruDate, ruDateLong, ruList, ruListLimited } from "./format";
import { INDICATOR_NAMES } from "./ru";

/** School names listed in a sentence before «и ещё N школ». */
export const NAMES_LIMIT = 30;

export const schoolsCount = (n: number) => countOf(n, "школа", "школы", "школ");
export const eventsCount = (n: number) => countOf(n, "мероприятие", "мероприятия", "мероприятий");
const ofSchools = (n: number) => ofCount(n, "школы", "школ");
const ofEvents = (n: number) => ofCount(n, "мероприятия", "мероприятий");
const days = (n: number) => countOf(n, "день", "дня", "дней");
const cases = (n: number) => `${n} ${plural(n, "случае", "случаях", "случаях")}`;
const q = (s: string) => `«${s}»`;

/** «А, Б и В» — or «А, Б … и ещё 12 школ» past NAMES_LIMIT. */
export const names = (list: readonly string[]) => ruListLimited(list, NAMES_LIMIT, ["школа", "школы", "школ"]);
/** «5 школ: А, Б и В»; «0 школ» without a colon. */
export const schoolsWithNames = (list: readonly string[]) => (list.length === 0 ? schoolsCount(0) : `${schoolsCount(list.length)}: ${names(list)}`);

/** Names of the signs of non-objectivity (methodology.md §4). */
export const SIGN_NAMES: Record<string, string> = {
  O1: "завышение текущих отметок",
  O2: "возможное завышение результатов ВПР",
  O3: "пики на границах отметок",
  O4: "аномально высокие результаты",
  O5: "несоответствие результатов когорты",
  O6: "не подтверждается ОГЭ",
};

const SCORING_MODES: Record<string, string> = { absolute: "по зонам показателей (абсолютный)", relative: "по рангу в группе сравнения (относительный)" };
const GROUPS: Record<string, string> = { municipality: "муниципалитет", workbook: "все школы книги" };

export const noteText = {
  title: (t: number) =>
    `Аналитическая справка по итогам мониторинга школ с низкими образовательными результатами (ШНОР) и школ, функционирующих в неблагоприятных социальных условиях (ШНСУ), за ${t} год`,
  draft: (date: string) =>
    `Черновик на ${ruDateLong(date)} (дата отчёта), составлен автоматически по данным книги; проверьте и дополните текст перед использованием. ` +
    "Списки — кандидаты для анализа, а не официальный перечень; признаки необъективности — повод для анализа, а не вывод.",

  // 1. Indicators and sources
  h1: "1. Показатели и источники данных",
  indicators:
    "Использованы показатели методики мониторинга. Блок R — низкие результаты обучения: доли высокобалльников ЕГЭ, не преодолевших минимальный порог ЕГЭ, «2» на ОГЭ, «2» по ВПР, " +
    "неудовлетворительных результатов РДР, расхождение ВПР с отметками по журналу, сведения о приостановлении аккредитации; по ним рассчитан индекс низких результатов (ИНР, 0–100, больше — хуже). " +
    "Блок S — социальный контекст: доли обучающихся на учёте, из семей мигрантов, неаттестованных, систематически пропускающих занятия, с ЗПР/УО и другие, удалённость, малокомплектность, дефициты; " +
    "по ним рассчитан индекс социального неблагополучия (ИСН, 0–100). Отдельно выявляются признаки необъективности результатов O1–O6.",
  thresholds: (t: { lowResults: number; adverse: number; factors: number; resilient: number; risk: number }) =>
    `Пороги: кандидат в ШНОР — ИНР не ниже ${fmt(t.lowResults, 0)} либо дополнительные правила (аккредитация приостановлена; красная зона R3a, R3b или «2» по ВПР не менее чем в двух комбинациях в каждом из двух лет); ` +
    `кандидат в ШНСУ — ИСН не ниже ${fmt(t.adverse, 0)} или не менее ${fmt(t.factors, 0)} факторов неблагополучия в красной зоне; ` +
    `резильентная школа — кандидат в ШНСУ с ИНР₁ не выше ${fmt(t.resilient, 0)} в каждом из двух лет и без признаков необъективности; ` +
    `зона риска — ИНР от ${fmt(t.risk, 0)} до ${fmt(t.lowResults, 0)}, красная зона в отчётном году, отрицательная динамика или статус кандидата в ШНОР в прошлом году.`,
  sourcesIntro: "Источники данных (таблицы книги, найденные по заголовкам столбцов):",
  source: (kind: string, sheets: string[], rows: number) =>
    `${q(kind)} — ${sheets.length > 1 ? "листы" : "лист"} ${ruList(sheets.map(q))}, ${countOf(rows, "строка", "строки", "строк")} данных;`,
  years: (years: number[], t: number) =>
    `Годы с данными: ${ruList(years.map(String))}. Отчётный год — ${t}; двухлетние показатели рассчитаны по данным ${t - 1} и ${t} годов.`,
  noDataIndicators: (ids: string[]) =>
    `Показатели без данных ни по одной школе (в индексах не учитываются): ${ruList(ids.map((id) => `${id} ${q(INDICATOR_NAMES[id] ?? id)}`))}.`,
  allIndicators: "Данные есть по всем показателям блока R.",
  settings: (mode: string, group: string, fingerprint: string) =>
    `Режим баллов — ${SCORING_MODES[mode] ?? mode}; группа сравнения — ${GROUPS[group] ?? group}; отпечаток настроек — ${fingerprint} (лист «Журнал»).`,
  problems: (n: number) => (n === 0 ? "Проблем в данных не найдено." : `Проблем в данных: ${n} (перечень с адресами ячеек — на листе «Сводка»).`),

  // 2. Monitoring results
  h2: "2. Результаты мониторинга",
  total: (n: number) => `Рассмотрены данные ${ofSchools(n)} (все школы — на листе «Индикаторы»).`,
  statusesIntro: "Распределение школ по статусам:",
  status: (label: string, n: number) => `статус ${q(label)} — ${schoolsCount(n)};`,
  lists: (lowResults: number, adverse: number, resilient: number, risk: number) =>
    `Перечень кандидатов в ШНОР: ${schoolsCount(lowResults)} (статусы «ШНОР + ШНСУ» и «Кандидат в ШНОР»); перечень кандидатов в ШНСУ: ${schoolsCount(adverse)} (статусы «ШНОР + ШНСУ» и «Кандидат в ШНСУ»); ` +
    `резильентные школы (неблагоприятные условия, устойчиво хорошие результаты): ${schoolsCount(resilient)}; флаг «зона риска» (группа профилактики учебной неуспешности): ${schoolsCount(risk)}. ` +
    "Списки с основаниями — на листе «Кандидаты», точки школ на диаграмме ИНР × ИСН — на листе «Сводка».",
  municipalitiesIntro: "Сравнение муниципалитетов:",
  municipalityHeader: ["Муниципалитет", "Школ", "Кандидаты в ШНОР", "Кандидаты в ШНСУ", "Резильентные", "Зона риска"],
  noMunicipality: "(не указан)",
  municipalityShare: (highest: { name: string; n: number; of: number; share: number }, lowest: { name: string; n: number; of: number; share: number }) =>
    `Наибольшая доля кандидатов в ШНОР — ${highest.name}: ${highest.n} из ${ofSchools(highest.of)} (${pct(highest.share)}); наименьшая — ${lowest.name}: ${lowest.n} из ${ofSchools(lowest.of)} (${pct(lowest.share)}).`,
  municipalitySame: (share: number) => `Доля кандидатов в ШНОР во всех муниципалитетах одинакова: ${pct(share)}.`,

  // 3. Analysis
  h3: "3. Анализ причин",
  lowResultsIntro: (n: number) => `Кандидаты в ШНОР (${n}): основания включения в перечень (у школы их может быть несколько):`,
  noLowResults: "Кандидатов в ШНОР нет.",
  triggers: {
    index: (thr: number) => `ИНР не ниже ${fmt(thr, 0)}`,
    accreditation: "аккредитация приостановлена",
    r3aBoth: "доля не преодолевших минимальный порог ЕГЭ (R3a) в красной зоне в обоих годах",
    r3bBoth: "доля «2» на ОГЭ (R3b) в красной зоне в обоих годах",
    r4Both: "«2» по ВПР в красной зоне не менее чем в двух комбинациях «предмет × класс» в обоих годах",
  },
  trigger: (text: string, schools: string[]) => `${text} — ${schoolsWithNames(schools)};`,
  failingTypes: (t: number, basic: string[], moderate: string[]) =>
    `По типу неуспешности: базово неуспевающие (в ${t} году красная зона R3a или R3b либо «2» по ВПР в красной зоне в трёх-четырёх комбинациях) — ${schoolsWithNames(basic)}; ` +
    `умеренно неуспевающие — ${schoolsWithNames(moderate)}.`,
  stableLow: (t: number, thr: number, list: string[]) => `Устойчиво низкие результаты (ИНР₁ не ниже ${fmt(thr, 0)} и в ${t - 1}, и в ${t} году) — ${schoolsWithNames(list)}.`,
  redAmong: (group: string, items: { id: string; n: number }[]) =>
    `Чаще всего в красной зоне у ${group}: ${items.map((x) => `${x.id} ${q(INDICATOR_NAMES[x.id] ?? x.id)} — ${schoolsCount(x.n)}`).join("; ")}.`,
  groupLowResults: "кандидатов в ШНОР",
  groupAdverse: "кандидатов в ШНСУ",
  adverseIntro: (n: number) => `Кандидаты в ШНСУ, включая резильентные (${n}): основания включения:`,
  noAdverse: "Кандидатов в ШНСУ нет.",
  adverseIndex: (thr: number) => `ИСН не ниже ${fmt(thr, 0)}`,
  adverseFactors: (min: number) => `не менее ${fmt(min, 0)} факторов неблагополучия в красной зоне`,
  resilient: (list: string[], thr: number) =>
    `Резильентные школы — ${schoolsWithNames(list)}: условия неблагоприятные, но ИНР₁ не выше ${fmt(thr, 0)} в каждом из двух лет и признаков необъективности нет; их опыт полезен школам со схожими условиями.`,
  riskIntro: (n: number) => `Зона риска (${schoolsCount(n)}): основания (у школы их может быть несколько):`,
  risk: {
    band: (low: number, high: number) => `ИНР от ${fmt(low, 0)} до ${fmt(high, 0)}`,
    redInYear: (t: number) => `красная зона R3a, R3b или «2» по ВПР хотя бы в одной комбинации в ${t} году`,
    negativeDynamics: "отрицательная динамика доли «2» по ВПР (R4) или на ОГЭ (R3b)",
    wasLowResults: (t: number) => `кандидат в ШНОР в ${t - 1} году`,
  },
  objectivity: (t: number, list: string[]) =>
    `Признаки необъективности результатов (не менее двух разных признаков в ${t} году или один и тот же признак в ${t - 1} и ${t} годах) — ${schoolsWithNames(list)}. Это повод для анализа, а не вывод.`,
  objectivityShnor: (list: string[]) => `Из них кандидаты в ШНОР, у которых требуется проверка объективности до решений о мерах, — ${schoolsWithNames(list)}.`,
  noObjectivity: (t: number) => `Признаков необъективности результатов (по правилу методики) в ${t} году не выявлено.`,
  signsByKind: (t: number, items: { sign: string; n: number }[]) =>
    `Отдельные признаки в ${t} году (число школ): ${items.map((x) => `${x.sign} ${q(SIGN_NAMES[x.sign] ?? x.sign)} — ${x.n}`).join("; ")}. Подробно — на листе «Объективность».`,

  // 4. Recommendations
  h4: "4. Адресные рекомендации",
  recommendationsNote: "Рекомендации подобраны по правилам из библиотеки типовых формулировок по статусу, типу неуспешности, факторам и типу школы; уточните их с учётом знания о каждой школе.",
  group: (title: string, schools: string[]) => `${title}: ${names(schools)}.`,
  factorTitle: (id: string) => `Школам в неблагоприятных условиях с красной зоной ${id} ${q(INDICATOR_NAMES[id] ?? id)}`,
  noRecommendations: "Школ, которым нужны адресные меры, по данным расчёта нет.",

  // 5. Measures (roadmap)
  h5: "5. Меры: исполнение дорожной карты",
  noRoadmap: "Дорожная карта в книге не найдена: раздел заполните вручную или добавьте лист с мероприятиями и сроками.",
  execution: (total: number, due: number, done: number, onTime: number, share: number | null) =>
    `В дорожной карте — ${eventsCount(total)}. Срок наступил у ${ofEvents(due)}; из них выполнено ${done}, в том числе в срок — ${onTime}` +
    (share === null ? "." : ` (${pct(share)} от наступивших сроков).`),
  nothingDue: (total: number) => `В дорожной карте — ${eventsCount(total)}; срок ни одного из них ещё не наступил.`,
  overdueIntro: (n: number) => `Просрочено ${eventsCount(n)}:`,
  noOverdue: "Просроченных мероприятий нет.",
  overdue: (event: string, due: string | null, daysOverdue: number | null, responsible: string | null) =>
    `${q(event)} — срок ${due === null ? "не указан" : ruDate(due)}` +
    (daysOverdue === null ? "" : `, просрочка ${days(daysOverdue)}`) +
    (responsible ? `; ответственный: ${responsible}` : "") +
    ";",
  moreEvents: (n: number) => `и ещё ${eventsCount(n)} (все — на листе «Исполнение ДК»).`,
  byResponsibleIntro: "Исполнение в срок по ответственным (выполнено в срок из мероприятий, срок которых наступил):",
  byResponsible: (who: string, onTime: number, due: number, share: number | null) => `${who} — ${onTime} из ${ofEvents(due)}${share === null ? "" : ` (${pct(share)})`};`,
  noResponsible: "(не указан)",
  dueSoon: (n: number, days: number) => `Срок подходит (в ближайшие ${days} дн.) у ${ofEvents(n)}.`,
  unparsed: (n: number) => `Срок не распознан у ${ofEvents(n)} — уточните формулировки сроков в дорожной карте.`,

  // 6. Effectiveness
  h6: "6. Анализ эффективности мер",
  transitionsIntro: (t: number) => `Изменение перечней по сравнению с ${t - 1} годом (перечни ${t - 1} года определены по тем же правилам):`,
  transition: (list: string, entered: string[], left: string[], stayed: number) =>
    `${list}: вошли — ${schoolsWithNames(entered)}; вышли — ${schoolsWithNames(left)}; остались — ${schoolsCount(stayed)};`,
  listNames: { shnor: "перечень кандидатов в ШНОР", shnsu: "перечень кандидатов в ШНСУ (включая резильентные)" } as Record<string, string>,
  changedPosition: (shnor: number, shnsu: number) =>
    `Изменили позицию в перечнях (вошли или вышли): ШНОР — ${schoolsCount(shnor)}, ШНСУ — ${schoolsCount(shnsu)} (лист «Динамика»).`,
  historyIntro: "Число школ в перечнях по годам (статус каждого года — по данным этого и предыдущего года; диаграмма — на листе «Сводка»):",
  history: (list: string, items: { year: number; n: number }[]) => `${list}: ${items.map((x) => `${x.year} — ${x.n}`).join(", ")};`,
  historyNames: { shnor: "кандидаты в ШНОР", shnsu: "кандидаты в ШНСУ (включая резильентные)" } as Record<string, string>,
  dynamicsIntro: (t: number) => `Изменение показателей ${t - 1} → ${t} по данным каждого года (изменение на 10 п.п. и более — динамика; при малой выборке вывод не делается):`,
  dynamics: (id: string, positive: string[], negative: string[], stable: number) =>
    `${id} ${q(INDICATOR_NAMES[id] ?? id)}: положительная динамика — у ${ofSchools(positive.length)}${positive.length > 0 ? ` (${names(positive)})` : ""}; ` +
    `отрицательная — у ${ofSchools(negative.length)}${negative.length > 0 ? ` (${names(negative)})` : ""}; стабильно — у ${ofSchools(stable)};`,
  noDynamics: (t: number) => `Изменение показателей не вычислено: нет данных за ${t - 1} год или выборки малы.`,
  linkedIntro: (n: number, positive: number, negative: number, stable: number, unknown: number) =>
    `Мероприятий дорожной карты, связанных с показателем, — ${n}. Показатель улучшился (положительная динамика) — в ${cases(positive)}, ухудшился — в ${cases(negative)}, ` +
    `стабилен — в ${cases(stable)}, изменение не оценено — в ${cases(unknown)}. Совпадение по времени не доказывает влияния мероприятия — это повод для анализа.`,
  noLinked: "Мероприятий дорожной карты со ссылкой на показатель (столбец «Показатель») нет: чтобы оценивать эффективность мер, укажите у мероприятий показатель (например, R4) и школу.",
  linked: (event: string, indicator: string, scope: string, change: string) => `${q(event)} (${indicator}, ${scope}): ${change};`,
  scopeAll: "по всем школам",
  change: (prev: number, now: number, delta: number, verdict: string | null) =>
    `${pct(prev)} → ${pct(now)} (${delta > 0 ? "+" : ""}${fmt(delta)} п.п.)${verdict ? ` — ${verdict}` : ""}`,
  notAssessed: (why: string | null) => `изменение не оценено${why ? ` (${why})` : ""}`,
  moreLinked: (n: number) => `и ещё ${eventsCount(n)} (все — на листе «Исполнение ДК»).`,

  // 7. Decisions
  h7: "7. Управленческие решения",
  decisions:
    "Заполняется специалистом: решения по итогам анализа (о включении школ в муниципальный перечень, об адресной поддержке, о корректировке дорожной карты), ответственные и сроки.",

  /** Print footer of the report sheets: `{page}`/`{pages}` are filled in by the host. */
  footer: (reportDate: string, fingerprint: string) => `Монитор ШНОР · дата отчёта ${ruDate(reportDate)} · настройки ${fingerprint} · стр. {page} из {pages}`,
} as const;
