import { OfficeGateway } from "./office-gateway";
import { excelRun, officeIsSetSupported, type OfficeGatewayOptions } from "./run";

export { OfficeGateway } from "./office-gateway";
export type { SelectionGateway } from "../gateway";
export { GatewayError, type GatewayErrorKind } from "../errors";
export { EXCEL_ERROR_MESSAGES, toGatewayError } from "./messages";
export type { OfficeGatewayOptions, RunFn, RunOptions, IsSetSupported } from "./run";
export { SERVICE_SHEET } from "../service-state";
export { charsToPoints } from "./report-ops";

/** The gateway inside Excel: `Excel.run` and `Office.context.requirements.isSetSupported`. */
export function createExcelGateway(options: Partial<OfficeGatewayOptions> = {}): OfficeGateway {
  return new OfficeGateway({ run: excelRun(), isSetSupported: officeIsSetSupported(), ...options });
}
