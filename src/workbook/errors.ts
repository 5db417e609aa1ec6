import { SERVICE_SHEET } from "./service-state";

/**
 * The one error both adapters throw for what they refuse or fail on, with a Russian
 * message the task pane and the command line show as it is.
 */
export type GatewayErrorKind =
  /** A report name is taken by a user's sheet, or a delete would hit a user's sheet. */
  | "unowned-sheet"
  /** A sheet (or the workbook structure) to be changed is protected. */
  | "protected"
  /** The write plan is malformed (a programming error upstream). */
  | "invalid-plan"
  /** A sheet asked for does not exist. */
  | "not-found"
  /** Excel refused or failed a request. */
  | "excel";

export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    /** Excel's error code when the error came from Excel ("AccessDenied", …). */
    readonly code?: string,
    /** The sheet concerned, when known. */
    readonly sheet?: string,
    /** The original error, for logs. */
    readonly original?: unknown,
  ) {
    super(message);
    this.name = kind === "unowned-sheet" ? "UnownedSheetError" : "GatewayError";
  }
}

/** Messages of the checks both adapters make before changing anything. */
export const gatewayMessages = {
  unownedSheet: (sheet: string) =>
    `Лист «${sheet}» создан не надстройкой: он не будет перезаписан. Переименуйте его и запустите расчёт снова.`,
  sheetNotFound: (sheet: string) => `Лист «${sheet}» не найден: возможно, его переименовали или удалили. Повторите расчёт.`,
  invalidPlan: (detail: string) => `Внутренняя ошибка надстройки: ${detail}. Книга не изменена.`,
  serviceSheetName: () => `Имя «${SERVICE_SHEET}» занято служебным листом надстройки.`,
};

export function unownedSheetError(sheet: string): GatewayError {
  return new GatewayError("unowned-sheet", gatewayMessages.unownedSheet(sheet), undefined, sheet);
}

export function sheetNotFoundError(sheet: string, code?: string, original?: unknown): GatewayError {
  return new GatewayError("not-found", gatewayMessages.sheetNotFound(sheet), code, sheet, original);
}
