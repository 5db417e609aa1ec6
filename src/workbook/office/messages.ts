import { GatewayError } from "../errors";

/**
 * Russian messages for what only the Office adapter can fail on: Excel's own error codes
 * (OfficeExtension.Error.code, Excel.ErrorCodes) and protection, checked before any
 * change. The checks both adapters share are in ../plan-check.ts and ../errors.ts. The
 * task pane shows `message` as it is.
 */

/** Excel's error codes (Excel.ErrorCodes and OfficeExtension) → what to tell the user. */
export const EXCEL_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidArgument:
    "Excel отклонил запрос: неверный аргумент (например, имя листа или адрес диапазона). Сообщите разработчикам, приложив книгу без личных данных.",
  InvalidReference: "Excel не нашёл диапазон, на который ссылается запрос: возможно, лист изменился во время расчёта. Повторите расчёт.",
  ItemNotFound: "Лист или диапазон не найден: возможно, лист переименовали или удалили во время расчёта. Повторите расчёт.",
  ItemAlreadyExists: "Лист с таким именем уже существует. Переименуйте его и повторите расчёт.",
  AccessDenied:
    "Excel запретил изменение: лист или книга защищены, книга открыта только для чтения или её редактирует другой пользователь. Снимите защиту (Рецензирование → Снять защиту) и повторите.",
  RequestPayloadSizeLimitExceeded:
    "Слишком большой объём данных для одного обращения к Excel (больше 5 МБ), и уменьшение порции не помогло. Сократите число строк на листах или разбейте книгу.",
  ResponsePayloadSizeLimitExceeded:
    "Excel вернул слишком большой объём данных за одно обращение (больше 5 МБ), и уменьшение порции не помогло. Сократите число строк на листах или разбейте книгу.",
  RangeExceedsLimit: "Диапазон слишком велик для одного обращения к Excel (больше 5 млн ячеек).",
  OperationCellsExceedLimit: "Операция затрагивает слишком много ячеек для Excel.",
  GeneralException: "Внутренняя ошибка Excel. Сохраните книгу, перезапустите Excel и повторите расчёт.",
  InsertDeleteConflict:
    "Вставка или удаление конфликтует с таблицей, сводной таблицей или объединёнными ячейками на листе. Проверьте листы отчёта.",
  MergedRangeConflict: "Объединённые ячейки мешают записи на лист. Снимите объединение и повторите расчёт.",
  Conflict: "Книгу одновременно изменил другой пользователь или другая надстройка. Повторите расчёт.",
  InvalidOperation: "Excel не может выполнить операцию в текущем состоянии книги.",
  InvalidOperationInCellEditMode: "Excel находится в режиме редактирования ячейки. Завершите ввод (Enter или Esc) и повторите.",
  InvalidSelection: "Не удаётся выделить ячейку: лист скрыт или выделение недоступно.",
  UnsupportedOperation: "Эта операция не поддерживается вашей версией Excel.",
  UnsupportedSheet: "Лист этого типа (например, лист диаграммы или макросов) не поддерживается.",
  ApiNotFound: "Ваша версия Excel не поддерживает нужную функцию. Обновите Microsoft 365 или используйте Excel 2021/2024.",
  NotImplemented: "Ваша версия Excel не поддерживает нужную функцию. Обновите Microsoft 365 или используйте Excel 2021/2024.",
  UndoNotSupported: "Excel не может объединить изменения в одно действие отмены.",
  RequestAborted: "Запрос к Excel прерван (книга закрыта или перезагружена). Повторите расчёт.",
  InactiveWorkbook: "Книга неактивна: переключитесь на окно книги и повторите.",
  FilteredRangeConflict: "Фильтр на листе мешает записи. Снимите фильтр и повторите.",
  PivotTableRangeConflict: "Сводная таблица мешает записи на лист. Проверьте листы отчёта.",
  FormulaLengthExceedsLimit: "Формула условного форматирования слишком длинная для Excel.",
  NonBlankCellOffSheet: "Запись выходит за границы листа Excel.",
};

export const UNKNOWN_ERROR_MESSAGE = "Ошибка Excel. Сохраните книгу и повторите расчёт; если ошибка повторится, сообщите разработчикам.";

export const messages = {
  protectedSheet: (sheet: string) =>
    `Лист «${sheet}» защищён. Снимите защиту (Рецензирование → Снять защиту листа) и запустите расчёт снова. Книга не изменена.`,
  protectedWorkbook: () =>
    "Структура книги защищена: надстройка не может добавить или удалить листы отчёта. Снимите защиту книги (Рецензирование → Защитить книгу) и запустите расчёт снова. Книга не изменена.",
};

export function protectedSheetError(sheet: string): GatewayError {
  return new GatewayError("protected", messages.protectedSheet(sheet), "AccessDenied", sheet);
}

/** The code of an OfficeExtension.Error-like value, or "" when there is none. */
export function errorCode(e: unknown): string {
  if (e && typeof e === "object" && "code" in e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "";
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && "message" in e) return String((e as { message?: unknown }).message);
  return String(e);
}

/**
 * Payload-type failures that a smaller chunk may avoid: the two 5 MB codes, the cell-count
 * limits, and the generic error some hosts give for an oversized request (its message
 * mentions the payload or the size limit).
 */
export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  if (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit" ||
    code === "OperationCellsExceedLimit"
  ) {
    return true;
  }
  if (code === "GeneralException" || code === "") {
    return /payload|size limit|too large|exceed/i.test(errorText(e));
  }
  return false;
}

/** Any failure → a GatewayError with a Russian message (GatewayErrors pass through). */
export function toGatewayError(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  const code = errorCode(e);
  const known = code ? EXCEL_ERROR_MESSAGES[code] : undefined;
  return new GatewayError("excel", known ?? UNKNOWN_ERROR_MESSAGE, code || undefined, undefined, e);
}
