/** The .xlsx adapter (browser-safe part). File access for Node is in ./file. */
export { XlsxGateway } from "./xlsx-gateway";
export { GatewayError, type GatewayErrorKind } from "../errors";
export { SERVICE_SHEET, encodeServiceState, decodeServiceState } from "../service-state";
export type { ServiceState, HighlightRecord } from "../service-state";
export { dateToSerial, toCellValue } from "./read-sheet";
