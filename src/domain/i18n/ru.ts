/**
 * Every Russian string the user sees, in one module (brief: «Russian user-visible strings
 * kept in one module»). Functions build sentences with numbers in Russian format.
 */
import type { TableKind } from "../recognition/table";
import { subjectShort } from "../parse/subject";
import { clip, fmt, pct, plural } from "./format";

type Where = { year: number; subject: string; grade: number };
const where = (w: Where) => `(${subjectShort(w.subject)} ${w.grade} кл. ${w.year})`;

const TABLE_NAMES: Record<TableKind, string> = {
  registry: "Реестр ОО",
  results: "Результаты",
  social: "Социальный паспорт",
  scores: "Баллы ВПР",
  roadmap: "Дорожная карта",
};

/** Field ids → the column names people know (the first synonym). */
const FIELD_NAMES: Record<string, string> = {
  school_id: "Код ОО",
  name: "Наименование ОО",
  municipality: "Муниципалитет",
  type: "Тип ОО",
  locality: "Городская/сельская",
  accreditation_suspended: "Аккредитация приостановлена",
  remote: "Удалённость",
  small_school: "Малокомплектная",
  infrastructure_deficit: "Дефицит инфраструктуры",
  staff_deficit: "Кадровый дефицит",
  depressed_territory: "Депрессивная территория",
  year: "Год",
  procedure: "Процедура",
  subject: "Предмет",
  grade: "Класс",
  participants: "Кол-во участников",
  mark2: "«2»",
  mark3: "«3»",
  mark4: "«4»",
  mark5: "«5»",
  below_min: "Не преодолели минимальный порог",
  high_81_100: "Высокобалльники",
  lowered: "Понизили",
  confirmed: "Подтвердили",
  raised: "Повысили",
  mean_score: "Средний балл",
  month: "Месяц",
  pupils_total: "Контингент",
  n_odn_kdn: "На учёте в ОДН/КДН",
  n_low_russian: "Из семей мигрантов",
  n_not_attested: "Не аттестованы",
  n_absent_unexcused: "Систематически пропускают",
  n_zpr_uo: "ЗПР/УО",
  n_ovz: "С ОВЗ",
  n_low_income: "Из малоимущих семей",
  n_single_parent: "Из неполных семей",
  n_parents_higher_ed: "Оба родителя с высшим образованием",
  score: "Первичный балл",
  count: "Количество",
  boundary_3: "Граница «3»",
  boundary_4: "Граница «4»",
  boundary_5: "Граница «5»",
  event: "Мероприятие",
  due: "Срок",
  section: "Раздел",
  number: "№ п/п",
  responsible: "Ответственный",
  expected: "Ожидаемый результат",
  actual: "Фактический результат",
  done_date: "Дата выполнения",
  indicator: "Показатель",
};

export function tableName(kind: TableKind): string {
  return TABLE_NAMES[kind];
}

export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

/** «text»; a name already in guillemets («2») is not wrapped twice; a very long cell is cut. */
const q = (raw: string) => {
  const text = clip(raw);
  return /^«[^«»]*»$/.test(text) ? text : `«${text}»`;
};

/** Report sheets the add-in owns (workbook.md §4). */
export const REPORT_SHEETS = {
  summary: "Сводка",
  indicators: "Индикаторы",
  candidates: "Кандидаты",
  dynamics: "Динамика",
  objectivity: "Объективность",
  roadmap: "Исполнение ДК",
  note: "Справка",
  log: "Журнал",
} as const;

export const STATUS_LABELS: Record<string, string> = {
  shnor_shnsu: "ШНОР + ШНСУ",
  shnor: "Кандидат в ШНОР",
  resilient: "Резильентная",
  shnsu: "Кандидат в ШНСУ",
  risk_zone: "Зона риска",
  no_risk: "Без рисков",
  insufficient_data: "Недостаточно данных",
};

export const FLAG_LABELS: Record<string, string> = {
  risk_zone: "зона риска",
  stable_low: "устойчиво низкие результаты",
  basic_failing: "базово неуспевающая",
  moderate_failing: "умеренно неуспевающая",
  objectivity_signs: "признаки необъективности",
  needs_objectivity_check: "требуется проверка объективности",
  small_sample: "малая выборка",
  one_year: "1 год данных",
  accreditation_suspended: "аккредитация приостановлена",
};

/** Names of the indicators in reports (methodology.md §2, §3). */
export const INDICATOR_NAMES: Record<string, string> = {
  R1: "Доля высокобалльников ЕГЭ (81–100), русский язык",
  R2: "Доля высокобалльников ЕГЭ (81–100), профильная математика",
  R3a: "Доля не преодолевших минимальный порог ЕГЭ",
  R3b: "Доля «2» на ОГЭ (русский язык и математика)",
  R4: "Доля «2» по ВПР",
  R5: "Доля неудовлетворительных результатов РДР",
  R6: "Расхождение ВПР с отметками по журналу",
  R6a: "ВПР: понизили отметку",
  R6b: "ВПР: повысили отметку",
  R7: "Приостановление/лишение аккредитации",
  S1: "Доля обучающихся на учёте в ОДН/КДН",
  S2: "Доля из семей мигрантов / слабо владеющих русским языком",
  S3: "Доля неаттестованных по итогам периода",
  S4: "Доля систематически пропускающих без уважительной причины",
  S5: "Доля обучающихся с ЗПР / УО",
  S6: "Удалённость, транспортная недоступность",
  S7: "Малокомплектная школа",
  S8: "Дефицит инфраструктуры",
  S9: "Неукомплектованность педагогами",
  S10: "Доля из малоимущих семей",
  S11: "Доля из неполных семей",
  S12: "Доля, где оба родителя с высшим образованием",
  S13: "Доля обучающихся с ОВЗ",
  S14: "Территория с признаками депрессивности",
};

export const ru = {
  recognition: {
    duplicateColumn: (header: string, field: string) =>
      `столбец ${q(header)} тоже подходит к полю ${q(fieldName(field))}; использован другой столбец, этот не учитывается`,
    notRecognized: (kind: TableKind, row: number, closest: { field: string; header: string | null }[]) =>
      `похоже на таблицу ${q(tableName(kind))} (заголовок в строке ${row + 1}), но нет обязательных столбцов: ` +
      closest.map((c) => (c.header ? `${q(fieldName(c.field))} (ближайший заголовок: ${q(c.header)})` : q(fieldName(c.field)))).join(", ") +
      `; лист не использован`,
  },
  values: {
    /** «12,5%» в столбце «Кол-во участников» — ожидалось целое число; строка пропущена */
    expectedInteger: (raw: string, field: string, action: string) => `${q(raw)} в столбце ${q(fieldName(field))} — ожидалось целое неотрицательное число; ${action}`,
    expectedNumber: (raw: string, field: string, action: string) => `${q(raw)} в столбце ${q(fieldName(field))} — ожидалось число; ${action}`,
    excelError: (raw: string, field: string, action: string) => `ошибка Excel ${q(raw)} в столбце ${q(fieldName(field))}; ${action}`,
    percentNotAllowed: (raw: string, field: string, action: string) =>
      `${q(raw)} в столбце ${q(fieldName(field))} — проценты допускаются, только если в заголовке столбца есть «%»; ${action}`,
    expectedYesNo: (raw: string, field: string) => `${q(raw)} в столбце ${q(fieldName(field))} — ожидалось «да» или «нет»; принято «нет данных»`,
    expectedYear: (raw: string) => `${q(raw)} в столбце «Год» — ожидался год (2026, «2025/26»); строка пропущена`,
    expectedMonth: (raw: string) => `${q(raw)} в столбце «Месяц» — ожидался месяц (1–12 или название); строка пропущена`,
    missingSchoolId: () => `пустой код ОО; строка пропущена`,
    markAboveParticipants: (field: string, value: number, participants: number) =>
      `${fieldName(field)} = ${fmt(value, 0)} больше числа участников ${fmt(value === participants ? participants : participants, 0)}; значение не учтено (нет данных)`,
    marksSumMismatch: (sum: number, participants: number) => `сумма отметок «2»–«5» = ${fmt(sum, 0)} не равна числу участников ${fmt(participants, 0)}; данные использованы как есть`,
    unknownProcedure: (raw: string) => `процедура ${q(raw)} не известна (ожидалось ВПР, ОГЭ, ЕГЭ, РДР); строка пропущена`,
    gveSkipped: () => `ГВЭ не входит в показатели методики; строка пропущена`,
    egeMathWithoutLevel: (raw: string) => `ЕГЭ: предмет ${q(raw)} без уровня — укажите «Математика профильная» или «Математика базовая»; строка пропущена`,
    missingSubject: () => `пустой предмет; строка пропущена`,
    expectedGrade: (raw: string) => `${q(raw)} в столбце «Класс» — ожидался номер класса; строка пропущена`,
    noGrade: () => `не указан класс; строка пропущена`,
    zeroPupils: () => `контингент 0 или не указан — доли по этой строке не вычисляются (нет данных)`,
  },
  rows: {
    skipped: "строка пропущена",
    noData: "значение не учтено (нет данных)",
    defaultUsed: "использовано значение по умолчанию",
  },
  registry: {
    duplicateCode: (code: string, rows: number[]) => `${tableName("registry")}: код ${clip(code)} встречается дважды (строки ${rows.join(" и ")}); использована первая строка`,
    unknownSchool: (code: string, sheet: string) => `код ОО ${clip(code)} есть на листе ${q(sheet)}, но его нет в реестре; школа добавлена в расчёт`,
  },
  merge: {
    summed: (count: number) => `строки с одинаковыми ключом (школа × год × процедура × предмет × класс) сложены: ${count}`,
    partialSum: (field: string) => `при сложении строк с одинаковым ключом в столбце ${q(fieldName(field))} есть пустые значения — сумма неизвестна (нет данных)`,
    percentConverted: (sheet: string, group: string) => `${q(sheet)}: столбцы ${group} заданы в процентах и пересчитаны в количество участников`,
  },
  reasons: {
    inrAbove: (v: number, thr: number) => `ИНР ${fmt(v)} ≥ ${fmt(thr, 0)}`,
    isnAbove: (v: number, thr: number) => `ИСН ${fmt(v)} ≥ ${fmt(thr, 0)}`,
    accreditation: () => "Аккредитация приостановлена",
    redBothYears: (id: string, now: number, prev: number) => `${id} в красной зоне в обоих годах (${pct(now)} и ${pct(prev)})`,
    combosBothYears: (now: number, prev: number) => `R4: «2» по ВПР в красной зоне в ${now} и ${prev} комбинациях (≥ 2 в обоих годах)`,
    factors: (ids: string[], min: number) => `факторов неблагополучия ${ids.length} ≥ ${min} (${ids.join(", ")})`,
    resilient: (year: number, now: number, prev: number, thr: number) =>
      `ИНР₁(${year}) ${fmt(now)} ≤ ${fmt(thr, 0)} и ИНР₁(${year - 1}) ${fmt(prev)} ≤ ${fmt(thr, 0)}, признаков необъективности нет`,
    riskBand: (v: number, low: number, high: number) => `ИНР ${fmt(v)} в полосе зоны риска ${fmt(low, 0)}–${fmt(high, 0)}`,
    redInYear: (id: string, v: number, year: number) => `${id} в красной зоне в ${year}: ${pct(v)}`,
    combosRedInYear: (ids: string[], year: number) => `R4: «2» по ВПР в красной зоне в ${year} (${ids.map((id) => id.slice(3)).join(", ")})`,
    negativeDynamics: (id: string, delta: number, thr: number) => `отрицательная динамика ${id}: доля «2» выросла на ${fmt(delta)} п.п. (≥ ${fmt(thr, 0)} п.п.)`,
    wasLowResults: (year: number) => `кандидат в ШНОР в ${year}`,
    noCoverage: (covered: number, needed: number) => `недостаточно данных для ИНР (покрытие весов ${fmt(covered)} из ${fmt(needed)})`,
    stableLow: (year: number, now: number, prev: number, thr: number) => `Устойчиво низкие результаты: ИНР₁(${year}) ${fmt(now)} и ИНР₁(${year - 1}) ${fmt(prev)} ≥ ${fmt(thr, 0)}`,
    basicFailing: (parts: string[]) => `Базово неуспевающая: ${parts.join("; ")}`,
    moderateFailing: () => "Умеренно неуспевающая: нет красной зоны R3a, R3b и не более 2 комбинаций R4 в красной зоне",
    combosRedCount: (n: number, year: number) => `R4 в красной зоне в ${n} комбинациях в ${year}`,
    redShort: (id: string, year: number) => `${id} в красной зоне в ${year}`,
    /** «2026: O1, O4; 2025: O1» — the sign ids behind «has signs». */
    signsFound: (year: number, now: string[], prev: string[]) => `${year}: ${now.join(", ")}` + (prev.length > 0 ? `; ${year - 1}: ${prev.join(", ")}` : ""),
    objectivitySigns: (found: string) => `Признаки необъективности (${found}) — требуется анализ`,
    needsObjectivityCheck: (found: string) => `Признаки необъективности (${found}) — требуется проверка объективности`,
    smallSample: (items: { id: string; n: number }[]) => `Малая выборка: ${items.map((i) => `${i.id} n=${i.n}`).join(", ")}`,
    oneYear: (items: { id: string; year: number }[]) => `1 год данных: ${items.map((i) => `${i.id} (${i.year})`).join(", ")}`,
    redIndicator: (id: string, v: number, n: number) => `${id} ${pct(v)} — красная зона (n=${n})`,
    signsList: (year: number, ids: string[]) => `признаки необъективности в ${year}: ${ids.join(", ")}`,
  },
  signs: {
    o1: (v: number, min: number, w: Where) => `O1 понизили ${pct(v)} ≥ ${fmt(min, 0)} % ${where(w)}`,
    o2: (v: number, min: number, q: number, med: number, w: Where) => `O2 повысили ${pct(v)} ≥ ${fmt(min, 0)} %, качество ${pct(q)} выше медианы ${fmt(med)} ${where(w)}`,
    o3: (b: number, count: number, avg: number, w: Where) => `O3 пик на границе отметки: балл ${b} — ${count} чел. при среднем ${fmt(avg)} ${where(w)}`,
    o4: (q: number, m: number, k: number, sd: number, w: Where) => `O4 качество ${pct(q)} ≥ среднее ${fmt(m)} + ${fmt(k, 0)}·СКО ${fmt(sd)} ${where(w)}`,
    o5: (before: number, after: number, r: Where, s: { o5GapMin: number }) =>
      `O5 качество ${r.grade - 1} кл. в ${r.year - 1} ${pct(before)} − ${r.grade} кл. в ${r.year} ${pct(after)} ≥ ${fmt(s.o5GapMin, 0)} п.п. (${subjectShort(r.subject)})`,
    o6: (q: number, q3: number, share: number, q3o: number, w: Where) =>
      `O6 качество ВПР ${pct(q)} ≥ Q3 ${fmt(q3)}, но доля «2» на ОГЭ ${pct(share)} ≥ Q3 ${fmt(q3o)} ${where(w)}`,
  },
  settings: {
    invalidValue: (id: string, raw: string, expected: string) => `параметр ${id}: ${q(raw)} — ожидалось ${expected}; использовано значение по умолчанию`,
    unknownParameter: (id: string) => `параметр ${q(id)} не известен; строка не учитывается`,
    unknownField: (field: string) => `поле ${q(field)} в «Сопоставлении» не известно; строка не учитывается`,
    duplicateParameter: (id: string, rows: number[]) => `параметр ${id} указан повторно (строки ${rows.join(" и ")}); использована первая строка`,
    noParamsTable: () =>
      `таблица параметров не найдена (нужен заголовок «Параметр | Значение») — параметры с листа не прочитаны; использованы значения по умолчанию, таблица параметров будет дописана на лист`,
  },
  problems: {
    /** The cap of problems per sheet (problems.ts): the rest is one line at the first left-out cell. */
    more: (count: number, shown: number) =>
      `и ещё ${count} ${plural(count, "проблема", "проблемы", "проблем")} на этом листе, начиная с этой ячейки, не показаны (показаны первые ${shown}); исправьте показанные и рассчитайте снова`,
  },
  /** «Динамика»: transitions t−1 → t, indicator changes, statuses per year. */
  dynamics: {
    title: (t: number) => `Динамика ${t - 1} → ${t}: переходы в перечнях ШНОР и ШНСУ, изменение показателей`,
    note: (t: number) =>
      `Перечни ${t - 1} года определены по данным ${t - 1} и ${t - 2} годов по тем же правилам и настройкам, что и перечни ${t} года. Это кандидаты для анализа, а не официальный перечень.`,
    noPrevYear: (t: number) =>
      `За ${t - 1} год в книге нет данных: перечни ${t - 1} года определены по более ранним данным (правило «1 год данных»), изменения показателей не вычисляются.`,
    transitionsTitle: (t: number) => `Переходы ${t - 1} → ${t}`,
    transitionsHeader: ["Переход", "ШНОР", "ШНСУ"],
    transitionRows: { entered: "Вошли в перечень", left: "Вышли из перечня", stayed: "Остались в перечне", changed: "Изменили позицию (вошли + вышли)" },
    matrixTitle: (t: number) => `Матрица переходов: строки — ${t - 1} год, столбцы — ${t} год (число школ)`,
    matrixCorner: (t: number) => `${t - 1} ↓ / ${t} →`,
    membership: { both: "ШНОР + ШНСУ", shnor: "Только ШНОР", shnsu: "Только ШНСУ", none: "Вне перечней" } as Record<string, string>,
    total: "Всего",
    listsTitle: "Кто вошёл в перечни, вышел из них и остался",
    listsHeader: (t: number) => ["Код ОО", "Наименование ОО", "Перечень", "Переход", `Статус ${t}`, "Примечание"],
    listNames: { shnor: "ШНОР", shnsu: "ШНСУ" } as Record<string, string>,
    kinds: { entered: "вошла", left: "вышла", stayed: "осталась" } as Record<string, string>,
    noneInLists: "Ни в одном из двух лет нет школ в перечнях ШНОР и ШНСУ.",
    noDataInYears: (years: number[]) => `нет данных за ${years.join(", ")} ${years.length > 1 ? "годы" : "год"}`,
    oneYear: "1 год данных",
    changesTitle: (t: number) => `Изменение показателей ${t - 1} → ${t} (по данным каждого года отдельно), Δ в п.п.`,
    legend: (threshold: number, minStable: number, minScored: number) => [
      `Δ — доля «2» (не преодолевших порог) в отчётном году минус доля в предыдущем, по данным каждого года отдельно.`,
      `Красный — рост на ${fmt(threshold, 0)} п.п. и более (отрицательная динамика), зелёный — снижение на ${fmt(threshold, 0)} п.п. и более (положительная), без цвета — стабильно.`,
      `Серый — малая выборка: в одном из лет меньше ${fmt(minStable, 0)} участников, вывод о динамике не делается (в правило зоны риска изменение входит по методике).`,
      `«нет данных» — показатель не вычислен в одном из лет (нет строк или меньше ${fmt(minScored, 0)} участников).`,
    ],
    changesHeader: (t: number) => ["Код ОО", "Наименование ОО", `Статус ${t}`],
    changeColumn: (label: string) => `${label}, Δ`,
    whatChanged: "Что изменилось",
    comboLabel: (id: string, subject: string, grade: string) => (id.startsWith("R4.") ? `R4 ${subject} ${grade}` : id),
    changeText: (id: string, prev: number, now: number, delta: number, verdict: string) => `${id}: ${pct(prev)} → ${pct(now)} (${delta > 0 ? "+" : ""}${fmt(delta)} п.п.) — ${verdict}`,
    smallSampleText: (id: string, nPrev: number, nNow: number) => `${id}: малая выборка (участников ${nPrev} и ${nNow})`,
    noChangeRows: "Изменение показателей не вычислено ни для одной школы: нужны данные обоих лет.",
    verdicts: { negative: "отрицательная динамика", positive: "положительная динамика", stable: "стабильно", small_sample: "малая выборка" } as Record<string, string>,
    historyTitle: "Статусы по годам (каждый год определён по данным этого и предыдущего года)",
    historyHeader: (years: number[]) => ["Код ОО", "Наименование ОО", ...years.map(String), "Нет данных за годы"],
    noYearData: "нет данных",
  },
  /** «Что изменилось» since the previous run: «Сводка» and the command line. */
  changes: {
    title: (time: string | null) => `Что изменилось с прошлого расчёта${time === null ? "" : ` (${time})`}`,
    firstRun: "Это первый расчёт в книге — сравнивать пока не с чем. Изменения появятся после следующего расчёта.",
    none: "Изменений нет.",
    counts: (statuses: number, added: number, removed: number, indices: number, overdue: number) =>
      `статусов изменилось: ${statuses}; флагов добавлено: ${added}, снято: ${removed}; индексов изменилось: ${indices}; впервые просрочено мероприятий: ${overdue}`,
    schoolsHeader: ["Наименование ОО", "Код ОО", "Что изменилось"],
    overdueTitle: "Впервые просрочены мероприятия дорожной карты",
    overdueHeader: ["Лист", "Строка", "Мероприятие"],
    status: (from: string | null, to: string | null) =>
      from === null ? `новая в данных: ${STATUS_LABELS[to!] ?? to}` : to === null ? `нет в данных этого расчёта (было: ${STATUS_LABELS[from] ?? from})` : `статус: ${STATUS_LABELS[from] ?? from} → ${STATUS_LABELS[to] ?? to}`,
    flagAdded: (flag: string) => `+ ${FLAG_LABELS[flag] ?? flag}`,
    flagRemoved: (flag: string) => `− ${FLAG_LABELS[flag] ?? flag}`,
    index: (index: "inr" | "isn", from: number | null, to: number | null) =>
      `${index === "inr" ? "ИНР" : "ИСН"} ${from === null ? "нет данных" : fmt(from)} → ${to === null ? "нет данных" : fmt(to)}`,
    cliFirstRun: "Что изменилось: предыдущих расчётов в книге нет.",
    cliNone: (time: string) => `Что изменилось с прошлого расчёта (${time}): изменений нет`,
    cliTitle: (time: string) => `Что изменилось с прошлого расчёта (${time}):`,
    cliOverdue: (sheet: string, row: number, event: string) => `впервые просрочено: ${sheet}, строка ${row} — ${event}`,
    cliMore: (n: number) => `… и ещё ${n} (подробно — на листе «Сводка»)`,
  },
} as const;
