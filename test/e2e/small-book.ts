/**
 * A small monitoring workbook for the browser test when assets/demo.xlsx is absent:
 * 12 schools, two years of ВПР/ОГЭ/ЕГЭ results, a social passport, a roadmap, one data
 * problem. Deterministic (no randomness), so the expected counts are stable.
 */
import { Workbook } from "exceljs";

export function buildSmallBook(): Workbook {
  const wb = new Workbook();
  const registry = wb.addWorksheet("Реестр ОО");
  registry.addRow(["Код ОО", "Наименование ОО", "Муниципалитет", "Тип ОО", "Малокомплектная", "Удалённость"]);
  const results = wb.addWorksheet("Результаты");
  results.addRow(["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Кол-во участников", "«2»", "«3»", "«4»", "«5»", "Не преодолели минимальный порог", "Высокобалльники"]);
  const social = wb.addWorksheet("Социальный паспорт");
  social.addRow(["Код ОО", "Год", "Контингент", "На учёте в ОДН/КДН", "Из семей мигрантов", "Не аттестованы", "ЗПР/УО", "Из малоимущих семей", "Из неполных семей", "Оба родителя с высшим образованием"]);

  for (let i = 1; i <= 12; i++) {
    const id = `edu2000${String(i).padStart(2, "0")}`;
    // Schools 1–3 weak results, 4–6 poor social conditions, 7 both, the rest fine.
    const weak = i <= 3 || i === 7;
    const poor = (i >= 4 && i <= 7) || i === 9;
    registry.addRow([id, `МБОУ «Школа № ${i}»`, i % 2 ? "Северный район" : "Южный район", "СОШ", poor ? "да" : "нет", i === 5 ? "да" : "нет"]);
    for (const year of [2025, 2026]) {
      for (const subject of ["Русский язык", "Математика"]) {
        for (const grade of [5, 6, 7, 8]) {
          const n = 24 + i;
          const twos = weak ? Math.round(n * 0.35) : i === 9 ? Math.round(n * 0.02) : Math.round(n * 0.08);
          const fives = weak ? 1 : Math.round(n * 0.2);
          const fours = Math.round(n * 0.3);
          results.addRow([id, year, "ВПР", subject, grade, n, twos, n - twos - fours - fives, fours, fives, "", ""]);
        }
      }
      const oge = 20 + i;
      const ogeTwos = weak ? Math.round(oge * 0.3) : 1;
      for (const subject of ["Русский язык", "Математика"]) results.addRow([id, year, "ОГЭ", subject, 9, oge, ogeTwos, oge - ogeTwos - 6, 4, 2, "", ""]);
      const ege = 10 + i;
      results.addRow([id, year, "ЕГЭ", "Русский язык", 11, ege, "", "", "", "", weak ? 3 : 0, weak ? 0 : 3]);
      results.addRow([id, year, "ЕГЭ", "Математика профильная", 11, ege, "", "", "", "", weak ? 2 : 0, weak ? 0 : 2]);
      const pupils = 300 + 10 * i;
      const share = (p: number) => Math.round(pupils * p);
      social.addRow(poor ? [id, year, pupils, share(0.04), share(0.12), share(0.03), share(0.1), share(0.3), share(0.35), share(0.05)] : [id, year, pupils, 0, share(0.01), 0, share(0.02), share(0.05), share(0.1), share(0.4)]);
    }
  }
  // A data problem: text in a count cell.
  results.getCell("F5").value = "двадцать";

  const roadmap = wb.addWorksheet("Дорожная карта");
  roadmap.addRow(["№ п/п", "Мероприятие", "Срок", "Ответственный", "Отметка о выполнении", "Дата выполнения"]);
  roadmap.addRow(["1", "Курсы повышения квалификации учителей", "до 01.03.2026", "Управление образования", "выполнено", new Date(Date.UTC(2026, 1, 20))]);
  roadmap.addRow(["2", "Посещение уроков методистами", "Ежемесячно", "Методический центр", "", ""]);
  roadmap.addRow(["3", "Анализ результатов ВПР", "до 15.06.2026", "Руководители ОО", "", ""]);
  roadmap.addRow(["4", "Семинар по объективности оценивания", "в установленные сроки", "Методический центр", "", ""]);
  roadmap.addRow(["5", "Отчёт о реализации программы", "декабрь 2026", "Управление образования", "", ""]);
  return wb;
}
