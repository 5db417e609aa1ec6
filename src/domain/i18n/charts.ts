/** Russian text of the charts on «Сводка»: titles, axes, legends (all outside the pictures). */
import { countOf, fmt } from "./format";

const schools = (n: number) => countOf(n, "школа", "школы", "школ");

export const chartText = {
  scatterTitle: (t: number) => `Школы по ИНР и ИСН, ${t} год`,
  scatterY: "↑ ИНР — индекс низких результатов (больше — хуже)",
  scatterX: "ИСН — индекс социального неблагополучия (больше — хуже) →",
  legendStatus: (label: string, n: number) => `${label}: ${schools(n)}`,
  lineLowResults: (thr: number) => `Порог ИНР ${fmt(thr, 0)}: выше линии — кандидаты в ШНОР`,
  lineAdverse: (thr: number) => `Порог ИСН ${fmt(thr, 0)}: правее линии — кандидаты в ШНСУ`,
  lineResilient: (thr: number) => `Пунктир — ИНР ${fmt(thr, 0)}: ниже него и правее порога ИСН — зона резильентных школ`,
  quadrants:
    "Квадранты: вверху справа — ШНОР + ШНСУ, вверху слева — ШНОР, внизу справа — ШНСУ, внизу слева — без рисков. " +
    "Цвет точки — статус школы; статусы назначаются и по другим правилам (красные зоны в обоих годах, аккредитация, факторы неблагополучия, ИНР₁ каждого года), " +
    "поэтому точка может лежать вне «своего» квадранта.",
  notShown: (n: number) => `Не показаны (нет ИНР или ИСН): ${schools(n)}; в подписях выше — только показанные школы.`,
  barsTitle: "Статусы школ по годам",
  barsY: "↑ Число школ",
  barsX: "Год: статусы каждого года определены по данным этого и предыдущего года",
  barsOneYear: "Статусы прошлых лет показываются, когда в книге есть данные за три года и более.",
  dataTitle: "Данные диаграмм (на эти ячейки ссылаются диаграммы)",
  barsHeader: "Год",
  scatterHeader: ["ИСН", "ИНР", "Школа (код — наименование)"],
  linesTitle: "Линии порогов (ИСН, ИНР)",
  lineNames: { lowResults: "Порог ИНР", adverse: "Порог ИСН", resilient: "Порог резильентности" },
  groupTitle: (label: string, n: number) => `${label}: ${n}`,
} as const;
