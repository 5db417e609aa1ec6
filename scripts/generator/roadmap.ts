/** A municipal roadmap («дорожная карта») of support for ШНОР/ШНСУ (data.md «Roadmap»). */
import { Rng } from "./random";
import type { RoadmapEvent, School } from "./types";

const SECTIONS: readonly { title: string; events: readonly string[] }[] = [
  {
    title: "Организационно-управленческие мероприятия",
    events: [
      "Формирование перечня ОО с низкими образовательными результатами (ШНОР)",
      "Формирование перечня ОО, функционирующих в неблагоприятных социальных условиях (ШНСУ)",
      "Назначение муниципального координатора проекта по поддержке ШНОР",
      "Закрепление кураторов за ШНОР",
      "Утверждение муниципальной дорожной карты поддержки ШНОР и ШНСУ",
      "Разработка школьных программ перехода в эффективный режим работы",
      "Совещание руководителей ОО по итогам оценочных процедур",
      "Обновление базы данных социального паспорта ОО",
      "Публичный отчёт об эффективности принятых мер",
      "Корректировка муниципальной дорожной карты по итогам мониторинга",
    ],
  },
  {
    title: "Мониторинг, диагностика и анализ",
    events: [
      "Анализ результатов ВПР, ОГЭ, ЕГЭ в разрезе ОО",
      "Мониторинг реализации дорожной карты",
      "Мониторинг посещаемости и неуспеваемости",
      "Проведение региональных диагностических работ (РДР) в 7 классах",
      "Анализ объективности результатов ВПР (сопоставление с отметками по журналу)",
      "Подготовка аналитической справки по итогам мониторинга",
      "Диагностика профессиональных дефицитов педагогов",
      "Мониторинг индекса социального благополучия ОО",
      "Сопоставление результатов ВПР и ОГЭ по ОО с признаками необъективности",
    ],
  },
  {
    title: "Методическое сопровождение",
    events: [
      "Проведение методического совета по итогам ВПР",
      "Семинар для заместителей директоров по работе с неуспевающими обучающимися",
      "Посещение уроков в ШНОР муниципальными методистами",
      "Организация сетевого взаимодействия ШНОР со школами-лидерами",
      "Методические рекомендации по работе с обучающимися «группы риска»",
      "Консультации для учителей по критериям оценивания ВПР",
      "Заседания муниципальных методических объединений учителей русского языка и математики",
      "Выездные методические дни в ШНОР",
    ],
  },
  {
    title: "Работа с педагогическими кадрами",
    events: [
      "Курсы повышения квалификации для учителей русского языка и математики ШНОР",
      "Наставничество для молодых педагогов ШНОР",
      "Стажировки педагогов ШНОР в школах с высокими результатами",
      "Проверка объективности выставления текущих отметок",
      "Обучение экспертов по проверке работ ВПР",
      "Совещание руководителей ОО по объективности оценивания",
    ],
  },
  {
    title: "Работа с обучающимися и родителями",
    events: [
      "Консультации для родителей обучающихся группы риска",
      "Организация летних предметных школ",
      "Индивидуальные образовательные маршруты для обучающихся с трудностями в обучении",
      "Профилактика систематических пропусков занятий без уважительной причины",
      "Родительские собрания по вопросам подготовки к ГИА",
      "Дополнительные занятия по русскому языку и математике для обучающихся 5–8 классов",
    ],
  },
  {
    title: "Социальное партнёрство и межведомственное взаимодействие",
    events: [
      "Совместные рейды с КДН и ЗП по семьям обучающихся, пропускающих занятия",
      "Организация подвоза обучающихся удалённых населённых пунктов",
      "Взаимодействие с центрами «Точка роста» и «IT-куб»",
      "Привлечение социальных педагогов и психологов к работе в ШНСУ",
    ],
  },
];

const RESPONSIBLE = [
  "ИМЦ УО",
  "Отдел образования",
  "Руководители ОО",
  "Управление образования",
  "Муниципальный координатор",
  "МКУ «Информационно-методический центр»",
  "Руководители ММО",
];
const EXPECTED = [
  "Приказ",
  "Аналитическая справка",
  "Протокол совещания",
  "Перечень ОО",
  "Программа",
  "План-график",
  "Методические рекомендации",
  "Снижение доли «2» по ВПР",
  "Повышение доли обучающихся, преодолевших минимальный порог",
];

interface Deadline {
  due: string | Date;
  /** Rough due date to decide whether a fact is likely; null = continuous. */
  approx: Date | null;
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
const endOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0));

/** The deadline phrasings of methodology.md §7, in its order. */
export function section7Deadlines(Y: number): Deadline[] {
  return [
    { due: "Февраль", approx: endOf(Y, 2) },
    { due: "Апрель-декабрь", approx: endOf(Y, 12) },
    { due: "Март - апрель", approx: endOf(Y, 4) },
    { due: "Май – июнь 2022 г.", approx: endOf(2022, 6) },
    { due: "Декабрь 2022 г.", approx: endOf(2022, 12) },
    { due: "до 15.06.2022", approx: d(2022, 6, 15) },
    { due: "20.05.2022", approx: d(2022, 5, 20) },
    { due: "До 31 мая ежегодно", approx: d(Y, 5, 31) },
    { due: "Ежегодно май", approx: d(Y, 5, 31) },
    { due: "Февраль 2022 г. – далее ежегодно", approx: endOf(Y, 2) },
    { due: "ежегодно", approx: d(Y, 12, 31) },
    { due: "Ежемесячно", approx: endOf(Y, 9) },
    { due: "В течение года", approx: d(Y, 12, 31) },
    { due: "В течение учебного года", approx: d(Y, 5, 31) },
    { due: "Постоянно", approx: null },
    { due: "По отдельному плану", approx: null },
    { due: "По графику", approx: null },
    { due: "в соответствии с графиком", approx: null },
    { due: "По мере необходимости", approx: null },
  ];
}

/** Further real-looking forms of Appendix B, dated in the roadmap year. */
function extraDeadlines(Y: number): Deadline[] {
  return [
    { due: `до 15.06.${Y}`, approx: d(Y, 6, 15) },
    { due: `20.05.${Y}`, approx: d(Y, 5, 20) },
    { due: `Май – июнь ${Y} г.`, approx: endOf(Y, 6) },
    { due: `Декабрь ${Y} г.`, approx: endOf(Y, 12) },
    { due: "I квартал", approx: endOf(Y, 3) },
    { due: "до 1 сентября", approx: d(Y, 9, 1) },
    { due: "Сентябрь–май", approx: endOf(Y, 5) },
    { due: `до 25.12.${Y}`, approx: d(Y, 12, 25) },
    { due: "Октябрь – ноябрь", approx: endOf(Y, 11) },
    { due: "Ноябрь", approx: endOf(Y, 11) },
    { due: "до 10 декабря", approx: d(Y, 12, 10) },
    { due: "II полугодие", approx: d(Y, 12, 31) },
    { due: "Март", approx: endOf(Y, 3) },
    { due: "Август", approx: endOf(Y, 8) },
    { due: `в течение ${Y} года`, approx: d(Y, 12, 31) },
    { due: `${Y - 1}-${Y} уч. год`, approx: d(Y, 5, 31) },
    { due: "июнь, декабрь", approx: d(Y, 12, 31) },
    { due: d(Y, 10, 13), approx: d(Y, 10, 13) },
    { due: d(Y, 12, 12), approx: d(Y, 12, 12) },
    { due: d(Y + 1, 2, 20), approx: d(Y + 1, 2, 20) },
    { due: d(Y, 4, 15), approx: d(Y, 4, 15) },
  ];
}

/** Phrasings a parser must report as «срок не распознан» (real roadmaps have them). */
const UNPARSED: Deadline[] = [
  { due: "по итогам четверти", approx: null },
  { due: "в установленные сроки", approx: null },
];

const fmt = (x: Date) =>
  `${String(x.getUTCDate()).padStart(2, "0")}.${String(x.getUTCMonth() + 1).padStart(2, "0")}.${x.getUTCFullYear()}`;
const addDays = (x: Date, k: number) => new Date(x.getTime() + k * 86400000);

export interface RoadmapInput {
  seed: number;
  events: number;
  year: number;
  /** Schools to name in school-specific events (planted ШНОР first). */
  focusSchools: School[];
  /** Schools with signs of non-objectivity (for the objectivity events). */
  objectivitySchools: School[];
}

export function buildRoadmap(input: RoadmapInput): RoadmapEvent[] {
  const { events: count, year: Y } = input;
  if (count <= 0) return [];
  const rng = Rng.derive(input.seed, "roadmap");
  // facts are filled as of this fixed date, so the output never depends on the clock
  const asOf = d(Y, 10, 15);

  // deadlines: every phrasing of §7 once (when there is room), then other forms
  const pool: Deadline[] = [];
  const s7 = section7Deadlines(Y);
  const unparsed = count >= 30 ? UNPARSED : count >= 20 ? UNPARSED.slice(0, 1) : [];
  pool.push(...s7.slice(0, Math.max(0, count - unparsed.length)), ...unparsed);
  const extras = rng.shuffle(extraDeadlines(Y));
  for (let i = 0; pool.length < count; i++) pool.push(i < extras.length ? extras[i] : rng.pick([...s7, ...extraDeadlines(Y)]));
  const deadlines = rng.shuffle(pool);

  const nSections = Math.min(SECTIONS.length, Math.max(3, Math.ceil(count / 8)));
  const perSection = new Array<number>(nSections).fill(Math.floor(count / nSections));
  for (let i = 0; i < count % nSections; i++) perSection[i]++;

  const out: RoadmapEvent[] = [];
  let k = 0;
  const focus = input.focusSchools.slice();
  const objectivity = input.objectivitySchools.slice();
  let continuationDone = false;
  const pastWithoutFact: RoadmapEvent[] = [];
  for (let s = 0; s < nSections; s++) {
    const section = SECTIONS[s];
    const title = `${s + 1}. ${section.title}`;
    const texts = rng.shuffle(section.events);
    for (let e = 0; e < perSection[s]; e++, k++) {
      const deadline = deadlines[k];
      let event = texts[e % texts.length];
      if (e >= texts.length) event += ` (${Math.floor(e / texts.length) + 1}-й этап)`;
      let schoolId: string | null = null;
      let indicator: string | null = null;
      // some events name a school and the indicator they target
      if (focus.length > 0 && rng.chance(0.22)) {
        const school = focus.shift()!;
        schoolId = school.id;
        indicator = rng.pick(["R4", "R3b", "R3a", "R4"]);
        event = rng.pick([
          `Разработка и реализация программы перехода в эффективный режим работы: ${school.name}`,
          `Выездное методическое сопровождение ${school.name}`,
          `Адресная помощь по повышению результатов ВПР: ${school.name}`,
        ]);
      } else if (objectivity.length > 0 && rng.chance(0.12)) {
        const school = objectivity.shift()!;
        schoolId = school.id;
        indicator = "R6";
        event = `Анализ причин расхождения результатов ВПР и отметок по журналу: ${school.name}`;
      } else if (rng.chance(0.3)) {
        indicator = rng.pick(["R4", "R3b", "R3a", "R5", "S4", "R1"]);
      }
      // actual result: likely when the deadline has passed
      let actual: string | null = null;
      let doneDate: Date | null = null;
      const past = deadline.approx !== null && deadline.approx.getTime() <= asOf.getTime();
      const pFact = deadline.approx === null ? 0.45 : past ? 0.75 : 0.12;
      if (rng.chance(pFact)) {
        // a completion date never lies after the as-of date; late completions exist
        if (deadline.approx && rng.chance(0.7)) {
          const due = deadline.approx;
          const candidate = !past ? addDays(asOf, -rng.int(1, 30)) : rng.chance(0.75) ? addDays(due, -rng.int(0, 25)) : addDays(due, rng.int(3, 40));
          doneDate = candidate.getTime() > asOf.getTime() ? addDays(asOf, -rng.int(1, 10)) : candidate;
        }
        const orderDate = doneDate ?? (deadline.approx && past ? addDays(deadline.approx, -rng.int(3, 20)) : d(Y, rng.int(1, 9), rng.int(1, 28)));
        const k = rng.int(2, 6);
        actual = rng.pick([
          "Выполнено",
          `Проведено, протокол № ${rng.int(1, 12)}`,
          `Приказ УО от ${fmt(orderDate)} № ${rng.int(10, 250)}`,
          "Справка размещена на сайте УО",
          "Выполнено частично",
          `Проведено ${k} ${k < 5 ? "семинара" : "семинаров"}, ${rng.int(20, 90)} участников`,
        ]);
      } else if (past && rng.chance(0.25)) {
        actual = rng.pick(["нет", "не выполнено", "—"]);
      }
      const ev: RoadmapEvent = {
        section: title,
        number: `${s + 1}.${e + 1}`,
        event,
        due: deadline.due,
        responsible: rng.pick(RESPONSIBLE),
        expected: rng.pick(EXPECTED),
        actual,
        doneDate,
        schoolId,
        indicator,
      };
      if (!continuationDone && count >= 10 && e === 1) {
        ev.continuation = "(с участием руководителей школьных методических объединений)";
        continuationDone = true;
      }
      out.push(ev);
      if (actual === null && past) pastWithoutFact.push(ev);
    }
  }
  // real roadmaps mark some overdue events explicitly: make sure one is there
  if (count >= 10 && !out.some((e) => e.actual === "нет" || e.actual === "не выполнено" || e.actual === "—") && pastWithoutFact.length > 0)
    pastWithoutFact[0].actual = "не выполнено";
  return out;
}
