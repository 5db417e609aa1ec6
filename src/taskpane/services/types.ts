import type { InputInspection } from "../../app/inspect";
import type { Progress } from "../../app/orchestrator";
import type { PaneOutcome } from "../model";

export type { InputInspection, Progress, PaneOutcome };

export interface PaneRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** ISO date; wins over «Настройки». */
  reportDate?: string;
}

/**
 * Everything the pane can ask of the outside world. Components get it by props/context and
 * never touch Office.js: ./office.ts builds it over a workbook gateway inside Excel,
 * ./preview.ts over an .xlsx file in the browser, and tests pass a fake.
 *
 * Errors are thrown as `RunError` (from the orchestrator) or as an Error with a Russian
 * message. Selection methods may resolve with a Russian notice to show (e.g. in the
 * preview, where there is no Excel selection), or with nothing.
 */
export interface PaneServices {
  readonly mode: "office" | "preview";
  calculate(options: PaneRunOptions): Promise<PaneOutcome>;
  removeHighlights(): Promise<void>;
  listInputTables(): Promise<InputInspection>;
  selectSchool(id: string): Promise<string | void>;
  selectCell(sheet: string, address: string): Promise<string | void>;
  openSettings(): Promise<string | void>;
  /** Calls `listener` after every run, including runs started from the ribbon; returns the
   *  unsubscribe. */
  onRun?(listener: (event: { outcome?: PaneOutcome; error?: unknown }) => void): () => void;
  /** Preview only: loads a workbook from a file the user picked. */
  openFile?(file: File): Promise<void>;
  /** Preview only: saves the workbook with its report sheets as a download. */
  download?(): Promise<string | void>;
}
