/** A scripted PaneServices for component tests: records calls, lets a test drive a run. */
import type { InputInspection } from "../../app/inspect";
import { RunError, type Progress } from "../../app/orchestrator";
import { appText } from "../../app/messages";
import type { PaneJson, PaneOutcome } from "../model";
import type { PaneRunOptions, PaneServices } from "../services/types";

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const INSPECTION: InputInspection = {
  tables: [
    { kind: "registry", sheet: "Реестр ОО", headerRow: 1, rows: 30 },
    { kind: "results", sheet: "Результаты", headerRow: 2, rows: 1611 },
    { kind: "roadmap", sheet: "Дорожная карта", headerRow: 1, rows: 24 },
  ],
  missing: ["social", "scores"],
  notRecognized: [{ sheet: "Лист5", cell: "", message: "похоже на таблицу «Социальный паспорт» (заголовок в строке 1), но нет обязательных столбцов: «Контингент»; лист не использован" }],
  hasSettings: false,
};

const school = (id: string, name: string, status: string, inr: number | null, isn: number | null, flags: string[], reasons: string[], shnor = false) => ({
  school_id: id,
  name,
  municipality: "Демо-район",
  status,
  flags,
  reasons,
  inr,
  isn,
  extra: { shnor_t: shnor },
});

export const JSON_RESULT: PaneJson = {
  report_year: 2026,
  report_date: "2026-11-24",
  schools: [
    school("edu001", "МКОУ «Дубровская СОШ»", "shnor_shnsu", 92.857, 57.14, ["stable_low", "basic_failing"], ["ИНР 92,9 ≥ 50", "ИСН 57,1 ≥ 50"], true),
    school("edu002", "МБОУ «Никольская СОШ»", "shnor", 61.5, 10, ["moderate_failing"], ["ИНР 61,5 ≥ 50"], true),
    school("edu003", "МБОУ «Берёзовская СОШ»", "resilient", 5, 66.25, [], ["ИНР₁(2026) 5,0 ≤ 25 и ИНР₁(2025) 7,5 ≤ 25, признаков необъективности нет"]),
    school("edu004", "МБОУ «Лесная СОШ»", "risk_zone", 42.25, 20, ["risk_zone"], ["ИНР 42,3 в полосе зоны риска 35–50"]),
    school("edu005", "МБОУ «Озёрная СОШ»", "no_risk", 0, 0, [], []),
    school("edu006", "МБОУ «Сосновская СОШ»", "insufficient_data", null, null, ["one_year"], ["недостаточно данных для ИНР"]),
  ],
  roadmap: [{ status: "overdue" }, { status: "done_on_time" }, { status: "overdue" }],
  problems: [
    { sheet: "Результаты", cell: "F17", message: "«12,5%» в столбце «Кол-во участников» — ожидалось целое неотрицательное число; строка пропущена" },
    { sheet: "Дорожная карта", cell: "D9", message: "«в установленные сроки» — срок не распознан" },
  ],
  status_counts: { shnor_shnsu: 1, shnor: 1, resilient: 1, risk_zone: 1, no_risk: 1, insufficient_data: 1 },
  tables: [
    { kind: "registry", sheet: "Реестр ОО", header_row: 1, rows: 6 },
    { kind: "results", sheet: "Результаты", header_row: 2, rows: 96 },
    { kind: "roadmap", sheet: "Дорожная карта", header_row: 1, rows: 3 },
  ],
};

export const OUTCOME: PaneOutcome = { json: JSON_RESULT, written: ["Сводка", "Индикаторы", "Кандидаты", "Журнал"] };

export type Call = [string, ...unknown[]];

/** Every method resolves at once unless the test replaces it; calls are recorded. */
export class FakeServices implements PaneServices {
  readonly calls: Call[] = [];
  lastRun: PaneRunOptions | null = null;
  /** Replace to script a run; default resolves with OUTCOME. */
  run: (options: PaneRunOptions) => Promise<PaneOutcome> = async () => OUTCOME;
  inspection: InputInspection = INSPECTION;
  notices: { selectSchool?: string; selectCell?: string; openSettings?: string } = {};
  removeHighlightsError: unknown = null;
  /** Preview only: set by a test to offer the file methods. */
  openFile?: (file: File) => Promise<void>;
  download?: () => Promise<string | void>;

  /** Listeners the pane registered for runs started elsewhere (the ribbon). */
  readonly runListeners = new Set<(event: { outcome?: PaneOutcome; error?: unknown }) => void>();

  constructor(readonly mode: "office" | "preview" = "office") {}

  onRun(listener: (event: { outcome?: PaneOutcome; error?: unknown }) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  /** A run started from the ribbon ends. */
  ribbonRun(event: { outcome?: PaneOutcome; error?: unknown }): void {
    for (const listener of this.runListeners) listener(event);
  }

  calculate(options: PaneRunOptions): Promise<PaneOutcome> {
    this.calls.push(["calculate"]);
    this.lastRun = options;
    return this.run(options);
  }

  async removeHighlights(): Promise<void> {
    this.calls.push(["removeHighlights"]);
    if (this.removeHighlightsError) throw this.removeHighlightsError;
  }

  async listInputTables(): Promise<InputInspection> {
    this.calls.push(["listInputTables"]);
    return this.inspection;
  }

  async selectSchool(id: string): Promise<string | void> {
    this.calls.push(["selectSchool", id]);
    return this.notices.selectSchool;
  }

  async selectCell(sheet: string, address: string): Promise<string | void> {
    this.calls.push(["selectCell", sheet, address]);
    return this.notices.selectCell;
  }

  async openSettings(): Promise<string | void> {
    this.calls.push(["openSettings"]);
    return this.notices.openSettings;
  }

  named(name: string): Call[] {
    return this.calls.filter((c) => c[0] === name);
  }
}

/** A run that reports progress when told to and ends when the test says so (or on abort). */
export function scriptedRun(services: FakeServices) {
  const end = deferred<PaneOutcome>();
  let options: PaneRunOptions | null = null;
  services.run = (o) => {
    options = o;
    o.signal?.addEventListener("abort", () => end.reject(new RunError(appText.cancelled, "cancelled")));
    return end.promise;
  };
  return {
    progress: (p: Progress) => options?.onProgress?.(p),
    finish: (o: PaneOutcome = OUTCOME) => end.resolve(o),
    fail: (e: unknown) => end.reject(e),
  };
}
