/** Russian strings of the command line. */
export const cliText = {
  description: "Монитор ШНОР: расчёт индикаторов ШНОР/ШНСУ и дорожной карты по книге Excel",
  calcDescription: "рассчитать книгу: отчётные листы, подсветка, JSON",
  unhighlightDescription: "снять подсветку надстройки с листов книги",
  bookArg: "книга мониторинга .xlsx",
  outputOption: "куда записать книгу с результатами (по умолчанию <книга>.shnor.xlsx рядом с исходной)",
  jsonOption: "записать результат в JSON (UTF-8)",
  reportDateOption: "дата отчёта (по умолчанию — из «Настроек» или сегодня)",
  inPlaceOption: "записать результат в исходную книгу",
  saved: (path: string) => `Книга с результатами: ${path}`,
  jsonSaved: (path: string) => `Результат в JSON: ${path}`,
  badDate: (value: string) => `Дата отчёта «${value}» — ожидался формат ГГГГ-ММ-ДД`,
  nothingRecognised: "Ни одна таблица не распознана — рассчитывать нечего. Проверьте заголовки столбцов (см. README, раздел «Какие таблицы читаются»).",
  failed: "Ошибка",
};
