/** The .xlsx adapter (browser-safe part). File access for Node is in ./file. */
export { XlsxGateway } from "./xlsx-gateway";
export { UnownedSheetError, InvalidPlanError } from "./plan-check";
export { SERVICE_SHEET, encodeServiceState, decodeServiceState } from "./service-sheet";
export type { ServiceState, HighlightRecord } from "./service-sheet";
export { dateToSerial, toCellValue } from "./read-sheet";
