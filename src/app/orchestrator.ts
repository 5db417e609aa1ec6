import type { EngineResult } from "../domain/engine/run";
import type { ResultJson } from "../domain/engine/json";
import { REPORT_SHEETS } from "../domain/i18n/ru";
import { previousLogRows } from "../domain/report/log";
import { SETTINGS_SHEET } from "../domain/settings/read";
import type { WorkbookGateway, WritePlan } from "../workbook/gateway";
import { SheetIndex } from "../workbook/sheet-names";
import { computeInProcess, type Compute } from "./compute";
import { appText } from "./messages";
import { localTimestamp, todayIso } from "./clock";

export type Stage = "reading" | "computing" | "writing" | "done";

export interface Progress {
  stage: Stage;
  /** 0–1 over the whole run. */
  fraction: number;
  label: string;
}

export interface RunOptions {
  /** ISO date; wins over «Настройки». */
  reportDate?: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The clock, injectable for tests. */
  now?: () => Date;
  version?: string;
  /** false: compute only — the result and the JSON, no report sheets, nothing written (the
   *  command line's JSON-only mode; building a country's report sheets would cost gigabytes). */
  write?: boolean;
}

export interface RunOutcome {
  result: EngineResult;
  json: ResultJson;
  /** Report sheets written, in tab order. */
  written: string[];
}

/** A run was refused or stopped; `message` is Russian and meant for the user. */
export class RunError extends Error {
  constructor(
    message: string,
    readonly code: "busy" | "collision" | "cancelled" | "failed",
  ) {
    super(message);
  }
}

const ALL_REPORTS = new Set<string>(Object.values(REPORT_SHEETS));

/**
 * read → compute → write, shared by the task pane, the ribbon and the command line.
 * One run at a time per orchestrator; cancelling before the write stage leaves the
 * workbook untouched.
 */
/** What every run ends with, told to subscribers (the pane learns of ribbon runs this way). */
export type RunEvent = { kind: "done"; outcome: RunOutcome } | { kind: "failed"; error: unknown };

export class Orchestrator {
  private running = false;
  private readonly listeners = new Set<(event: RunEvent) => void>();

  private readonly compute: Compute;

  /** `compute`: where the computation runs (default: in this thread; the pane: a worker). */
  constructor(
    private readonly gateway: WorkbookGateway,
    options: { compute?: Compute } = {},
  ) {
    this.compute = options.compute ?? computeInProcess;
  }

  get busy(): boolean {
    return this.running;
  }

  async calculate(options: RunOptions = {}): Promise<RunOutcome> {
    if (this.running) {
      const refused = new RunError(appText.busy, "busy");
      this.emit({ kind: "failed", error: refused });
      throw refused;
    }
    this.running = true;
    try {
      const outcome = await this.run(options);
      this.emit({ kind: "done", outcome });
      return outcome;
    } catch (error) {
      this.emit({ kind: "failed", error });
      throw error;
    } finally {
      this.running = false;
    }
  }

  /** Calls `listener` after every run, whoever started it; returns the unsubscribe. */
  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private async run(options: RunOptions): Promise<RunOutcome> {
    const now = options.now?.() ?? new Date();
    const report = (stage: Stage, fraction: number) => options.onProgress?.({ stage, fraction, label: appText.stages[stage] });
    const checkCancel = () => {
      if (options.signal?.aborted) throw new RunError(appText.cancelled, "cancelled");
    };
    report("reading", 0);
    const infos = await this.gateway.listSheets();
    const owned = new Set(await this.gateway.readOwnedSheets());
    const names = infos.filter((s) => (!s.hidden && !owned.has(s.name)) || s.name === SETTINGS_SHEET || (s.name === REPORT_SHEETS.log && owned.has(s.name))).map((s) => s.name);
    const sheets = await this.gateway.readSheets(names);
    checkCancel();
    report("computing", 0.4);
    await yieldToUi();
    const previousLog = previousLogRows(sheets.find((s) => s.name === REPORT_SHEETS.log && owned.has(s.name)));
    const existing = new Set(infos.map((s) => s.name));
    const computed = await this.compute(
      {
        sheets: sheets.filter((s) => !owned.has(s.name)),
        ignoreSheets: [...owned],
        reportDate: options.reportDate,
        today: todayIso(now),
        previousLog,
        stamp: { time: localTimestamp(now), version: options.version ?? "dev" },
        settingsSheetExists: existing.has(SETTINGS_SHEET),
        reports: options.write !== false,
      },
      options.signal,
    );
    const { result, reports } = computed;
    checkCancel();
    if (options.write === false) {
      report("done", 1);
      return { result, json: computed.json, written: [] };
    }
    // Excel compares sheet names case-insensitively: a user's «сводка» is in the way of «Сводка».
    const byKey = new SheetIndex(infos);
    const ownedKeys = new SheetIndex([...owned].map((name) => ({ name })));
    const collisions = reports.map((r) => byKey.get(r.name)?.name).filter((n): n is string => n !== undefined && !ownedKeys.has(n));
    if (collisions.length > 0) throw new RunError(appText.collision(collisions), "collision");
    report("writing", 0.7);
    const produced = reports.map((r) => r.name);
    const plan: WritePlan = {
      reports,
      deleteSheets: [...owned].filter((n) => existing.has(n) && ALL_REPORTS.has(n) && !produced.includes(n)),
      ownedSheets: produced,
      highlights: computed.highlights,
      settings: computed.settings,
    };
    await this.gateway.write(plan);
    report("done", 1);
    return { result, json: computed.json, written: produced };
  }

  /** «Снять подсветку»: removes the add-in's highlight rules, nothing else. */
  async removeHighlights(): Promise<void> {
    if (this.running) throw new RunError(appText.busy, "busy");
    await this.gateway.removeHighlights();
  }
}

/** Lets the pane paint the progress before the synchronous computation starts. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
