import type { TableKind } from "./table";

/** A field of an input table with its header synonyms, in order of preference (workbook.md §2). */
export interface FieldSpec {
  id: string;
  required?: boolean;
  synonyms: string[];
}

const SCHOOL_ID = ["Код ОО", "ИНН", "Логин ФИС ОКО", "Код"];
const YEAR = ["Год"];

/** Yes/no fields of the registry; the social passport may give them per year. */
export const YES_NO_FIELDS: FieldSpec[] = [
  { id: "accreditation_suspended", synonyms: ["Аккредитация приостановлена"] },
  { id: "remote", synonyms: ["Удалённость", "Транспортная недоступность"] },
  { id: "small_school", synonyms: ["Малокомплектная"] },
  { id: "infrastructure_deficit", synonyms: ["Дефицит инфраструктуры"] },
  { id: "staff_deficit", synonyms: ["Кадровый дефицит"] },
  { id: "depressed_territory", synonyms: ["Депрессивная территория"] },
];

export const TABLE_FIELDS: Record<TableKind, FieldSpec[]> = {
  registry: [
    { id: "school_id", required: true, synonyms: SCHOOL_ID },
    { id: "name", required: true, synonyms: ["Наименование ОО", "Название ОО", "ОО", "Школа"] },
    { id: "municipality", synonyms: ["Муниципалитет", "МО", "Район"] },
    { id: "type", synonyms: ["Тип ОО", "Вид ОО"] },
    { id: "locality", synonyms: ["Городская/сельская", "Местность"] },
    ...YES_NO_FIELDS,
  ],
  results: [
    { id: "school_id", required: true, synonyms: SCHOOL_ID },
    { id: "year", required: true, synonyms: YEAR },
    { id: "procedure", required: true, synonyms: ["Процедура"] },
    { id: "subject", required: true, synonyms: ["Предмет"] },
    { id: "grade", synonyms: ["Класс"] },
    { id: "participants", required: true, synonyms: ["Кол-во участников", "Участники", "Писали"] },
    { id: "mark2", synonyms: ["«2»", "Отметка «2»"] },
    { id: "mark3", synonyms: ["«3»", "Отметка «3»"] },
    { id: "mark4", synonyms: ["«4»", "Отметка «4»"] },
    { id: "mark5", synonyms: ["«5»", "Отметка «5»"] },
    { id: "below_min", synonyms: ["Не преодолели минимальный порог"] },
    { id: "high_81_100", synonyms: ["Высокобалльники", "81–100 баллов"] },
    { id: "lowered", synonyms: ["Понизили"] },
    { id: "confirmed", synonyms: ["Подтвердили"] },
    { id: "raised", synonyms: ["Повысили"] },
    { id: "mean_score", synonyms: ["Средний балл"] },
  ],
  social: [
    { id: "school_id", required: true, synonyms: SCHOOL_ID },
    { id: "year", required: true, synonyms: YEAR },
    { id: "month", synonyms: ["Месяц"] },
    { id: "pupils_total", required: true, synonyms: ["Контингент", "Численность обучающихся", "Всего обучающихся"] },
    { id: "n_odn_kdn", synonyms: ["На учёте в ОДН/КДН", "Состоят на учёте ОДН/КДН", "ОДН/КДН"] },
    { id: "n_low_russian", synonyms: ["Из семей мигрантов", "Слабо владеют русским языком", "Дети мигрантов"] },
    { id: "n_not_attested", synonyms: ["Не аттестованы", "Неаттестованные"] },
    { id: "n_absent_unexcused", synonyms: ["Систематически пропускают", "Пропуски без уважительной причины"] },
    { id: "n_zpr_uo", synonyms: ["ЗПР/УО", "С ЗПР и УО"] },
    { id: "n_ovz", synonyms: ["С ОВЗ", "Обучающиеся с ОВЗ"] },
    { id: "n_low_income", synonyms: ["Из малоимущих семей", "Малоимущие"] },
    { id: "n_single_parent", synonyms: ["Из неполных семей", "Неполные семьи"] },
    { id: "n_parents_higher_ed", synonyms: ["Оба родителя с высшим образованием"] },
    ...YES_NO_FIELDS,
  ],
  scores: [
    { id: "school_id", required: true, synonyms: SCHOOL_ID },
    { id: "year", required: true, synonyms: YEAR },
    { id: "subject", required: true, synonyms: ["Предмет"] },
    { id: "grade", required: true, synonyms: ["Класс"] },
    { id: "score", required: true, synonyms: ["Первичный балл", "Балл"] },
    { id: "count", required: true, synonyms: ["Количество", "Число участников"] },
    { id: "boundary_3", synonyms: ["Граница «3»", "Минимальный балл «3»"] },
    { id: "boundary_4", synonyms: ["Граница «4»", "Минимальный балл «4»"] },
    { id: "boundary_5", synonyms: ["Граница «5»", "Минимальный балл «5»"] },
  ],
  roadmap: [
    { id: "event", required: true, synonyms: ["Мероприятие", "Наименование мероприятия", "Содержание деятельности", "Мероприятия"] },
    { id: "due", required: true, synonyms: ["Срок", "Срок исполнения", "Сроки исполнения", "Сроки реализации", "Срок выполнения", "Сроки проведения", "Сроки"] },
    { id: "section", synonyms: ["Раздел", "Направление", "Подпрограмма"] },
    { id: "number", synonyms: ["№", "№ п/п"] },
    { id: "responsible", synonyms: ["Ответственный", "Ответственные", "Ответственный исполнитель", "Ответственные исполнители", "Исполнитель", "Исполнители"] },
    { id: "expected", synonyms: ["Ожидаемый результат", "Результат"] },
    { id: "actual", synonyms: ["Фактический результат", "Отметка о выполнении"] },
    { id: "done_date", synonyms: ["Дата выполнения"] },
    { id: "school_id", synonyms: ["Школа"] },
    { id: "indicator", synonyms: ["Показатель"] },
  ],
};

/** When a header satisfies several kinds, the first in this list wins (workbook.md §1). */
export const KIND_PREFERENCE: TableKind[] = ["scores", "results", "social", "roadmap", "registry"];

/** Field ids of all kinds, for the «Сопоставление» table. */
export function allFieldIds(): Set<string> {
  return new Set(Object.values(TABLE_FIELDS).flatMap((fields) => fields.map((f) => f.id)));
}
