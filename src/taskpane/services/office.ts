/**
 * The pane's services inside Excel, built from a workbook gateway and selection functions
 * handed in by the caller (the Office adapter in src/workbook/office); nothing here calls
 * Office.js itself.
 */
import { inspectInputTables } from "../../app/inspect";
import { Orchestrator } from "../../app/orchestrator";
import type { EngineResult } from "../../domain/engine/run";
import { SETTINGS_SHEET } from "../../domain/settings/read";
import type { SelectionGateway, WorkbookGateway } from "../../workbook/gateway";
import { strings } from "../strings";
import { schoolRow } from "./locate";
import type { PaneServices } from "./types";

/** Jumping to a cell or a row in Excel (the Office adapter implements it). */
export type Selection = SelectionGateway;

export interface OfficeServicesOptions {
  gateway: WorkbookGateway;
  selection: Selection;
  /** Shared with the ribbon command (shared runtime), so one run at a time across both. */
  orchestrator?: Orchestrator;
  version?: string;
}

export function createOfficeServices(options: OfficeServicesOptions): PaneServices {
  const { gateway, selection } = options;
  const orchestrator = options.orchestrator ?? new Orchestrator(gateway);
  let last: EngineResult | null = null;
  return {
    mode: "office",
    async calculate(run) {
      const outcome = await orchestrator.calculate({ ...run, version: options.version });
      last = outcome.result;
      return outcome;
    },
    removeHighlights: () => orchestrator.removeHighlights(),
    onRun: (listener) =>
      orchestrator.subscribe((event) => {
        if (event.kind === "done") last = event.outcome.result;
        listener(event.kind === "done" ? { outcome: event.outcome } : { error: event.error });
      }),
    listInputTables: () => inspectInputTables(gateway),
    async selectSchool(id) {
      const at = schoolRow(last, id);
      if (!at) return strings.errors.schoolNotFound;
      await selection.selectRow(at.sheet, at.row);
    },
    async selectCell(sheet, address) {
      await selection.selectCell(sheet, address || "A1");
    },
    async openSettings() {
      const sheets = await gateway.listSheets();
      if (!sheets.some((s) => s.name === SETTINGS_SHEET)) return strings.actions.noSettings;
      await selection.selectCell(SETTINGS_SHEET, "A1");
    },
  };
}
