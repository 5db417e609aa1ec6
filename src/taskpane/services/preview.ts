/**
 * The pane's services in a plain browser (no Excel): the user opens an .xlsx file, the same
 * orchestrator runs on it in memory (ExcelJS), and the result is offered as a download.
 * Nothing leaves the browser.
 */
import { inspectInputTables } from "../../app/inspect";
import { appText } from "../../app/messages";
import { Orchestrator, RunError } from "../../app/orchestrator";
import type { EngineResult } from "../../domain/engine/run";
import type { WorkbookGateway } from "../../workbook/gateway";
import { XlsxGateway } from "../../workbook/xlsx/xlsx-gateway";
import { WorkerConnection, workerCompute, WorkerXlsxGateway, type WorkerLike } from "../worker/clients";
import { strings } from "../strings";
import { schoolRow } from "./locate";
import type { PaneServices } from "./types";

export interface PreviewDeps {
  /** Saves bytes as a file (default: a Blob and an <a download> click). */
  save?: (bytes: Uint8Array, fileName: string) => void;
  version?: string;
  /** Workers for the workbook (ExcelJS) and the computation (src/taskpane/worker/spawn.ts);
   *  without them everything runs in the calling thread (tests). */
  workers?: { xlsx: () => WorkerLike; compute: () => WorkerLike };
}

/** The open workbook: in a worker (the pane) or in this thread (tests). */
type PreviewGateway = WorkbookGateway & { toBuffer(): Promise<Uint8Array> };

export interface PreviewServices extends PaneServices {
  openFile(file: File): Promise<void>;
  download(): Promise<string | void>;
  /** The open file's name, or null. */
  readonly fileName: string | null;
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function createPreviewServices(deps: PreviewDeps = {}): PreviewServices {
  let gateway: PreviewGateway | null = null;
  const xlsxWorker = deps.workers ? new WorkerConnection(deps.workers.xlsx) : null;
  const compute = workerCompute(deps.workers ? new WorkerConnection(deps.workers.compute) : null);
  let orchestrator: Orchestrator | null = null;
  let fileName: string | null = null;
  let last: EngineResult | null = null;
  const save = deps.save ?? saveWithLink;

  const need = () => {
    if (!gateway || !orchestrator) throw new RunError(strings.preview.noFile, "failed");
    return { gateway, orchestrator };
  };

  return {
    mode: "preview",
    get fileName() {
      return fileName;
    },
    async openFile(file) {
      if (orchestrator?.busy) throw new RunError(appText.busy, "busy");
      const bytes = new Uint8Array(await file.arrayBuffer());
      // An .xlsx is a zip: «PK».
      if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(strings.preview.notXlsx(file.name));
      let opened: PreviewGateway;
      try {
        if (xlsxWorker) {
          const inWorker = new WorkerXlsxGateway(xlsxWorker);
          await inWorker.open(bytes);
          opened = inWorker;
        } else opened = await XlsxGateway.fromBuffer(bytes);
      } catch (e) {
        throw new Error(strings.preview.openFailed(file.name, (e as Error).message));
      }
      gateway = opened;
      orchestrator = new Orchestrator(opened, { compute });
      fileName = file.name;
      last = null;
    },
    async calculate(run) {
      const outcome = await need().orchestrator.calculate({ ...run, version: deps.version });
      last = outcome.result;
      return outcome;
    },
    async removeHighlights() {
      await need().orchestrator.removeHighlights();
    },
    async listInputTables() {
      return inspectInputTables(need().gateway);
    },
    async selectSchool(id) {
      const at = schoolRow(last, id);
      return at ? strings.preview.selectSchool(at.sheet, at.row) : strings.errors.schoolNotFound;
    },
    async selectCell(sheet, address) {
      return strings.preview.selectCell(sheet, address);
    },
    async openSettings() {
      return strings.preview.settings;
    },
    async download() {
      const name = strings.preview.resultName(fileName ?? "книга.xlsx");
      save(await need().gateway.toBuffer(), name);
      return strings.preview.downloaded(name);
    },
  };
}

function saveWithLink(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
