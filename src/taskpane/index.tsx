/**
 * Entry of taskpane.html. Inside Office (`Office.onReady` gives a host) the pane works on
 * the open workbook through the Office adapter; anywhere else — Office.onReady without a
 * host, or office.js not loaded at all (offline, blocked) — it is the browser preview on
 * an .xlsx file. The page never needs the network beyond office.js itself.
 */
import { createRoot } from "react-dom/client";
import { version } from "../app/version";
import { PaneRoot } from "./components/App/PaneRoot";
import { detectHost } from "./host";
import type { PaneServices } from "./services/types";
import { strings } from "./strings";
import { spawnComputeWorker, spawnXlsxWorker, workersAvailable } from "./worker/spawn";

async function servicesFor(host: string | null): Promise<PaneServices> {
  if (host === "Excel") {
    // Loaded only inside Excel, so the preview never evaluates Excel-specific code.
    const [{ createExcelGateway }, { createOfficeServices }] = await Promise.all([
      import(/* webpackChunkName: "office" */ "../workbook/office"),
      import(/* webpackChunkName: "office" */ "./services/office"),
    ]);
    const { registerCommands } = await import(/* webpackChunkName: "office" */ "../commands/commands");
    const { Orchestrator } = await import(/* webpackChunkName: "office" */ "../app/orchestrator");
    const { WorkerConnection, workerCompute } = await import(/* webpackChunkName: "office" */ "./worker/clients");
    const gateway = createExcelGateway();
    // One orchestrator for the pane and the ribbon (shared runtime): a second «Рассчитать»
    // from either door is refused while a run is going. The computation runs in a worker.
    const orchestrator = new Orchestrator(gateway, { compute: workerCompute(workersAvailable() ? new WorkerConnection(spawnComputeWorker) : null) });
    registerCommands({ calculate: () => orchestrator.calculate({ version }), removeHighlights: () => orchestrator.removeHighlights() });
    return createOfficeServices({ gateway, selection: gateway, orchestrator, version });
  }
  // ExcelJS (≈ 0.85 MB) is loaded only here, never inside Excel.
  const { createPreviewServices } = await import(/* webpackChunkName: "preview" */ "./services/preview");
  // The workbook (ExcelJS) and the computation each in a worker.
  return createPreviewServices({ version, workers: workersAvailable() ? { xlsx: spawnXlsxWorker, compute: spawnComputeWorker } : undefined });
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  container.textContent = strings.loading;
  const host = await detectHost(window);
  const services = await servicesFor(host);
  document.documentElement.dataset.mode = services.mode;
  container.textContent = "";
  createRoot(container).render(<PaneRoot services={services} />);
}

void main();
