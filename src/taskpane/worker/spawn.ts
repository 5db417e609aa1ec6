/**
 * Starting the pane's workers. webpack 5 bundles each worker script from this very pattern,
 * `new Worker(new URL("./x.worker.ts", import.meta.url))`, and serves it from the add-in's own
 * origin (CSP: worker-src 'self'). The project's TypeScript settings (module commonjs, for the
 * command line and Jest) do not allow `import.meta`, so the lines carry a directive; only the
 * task pane's entry imports this file (webpack compiles it as an ES module).
 */
import type { WorkerLike } from "./clients";

export function spawnComputeWorker(): WorkerLike {
  // @ts-expect-error TS1343: import.meta is for webpack here (see above)
  return new Worker(new URL("./compute.worker.ts", import.meta.url), { name: "shnor-compute" });
}

export function spawnXlsxWorker(): WorkerLike {
  // @ts-expect-error TS1343: import.meta is for webpack here (see above)
  return new Worker(new URL("./xlsx.worker.ts", import.meta.url), { name: "shnor-xlsx" });
}

/** Whether this browser can run the workers (else everything runs in the pane's thread). */
export const workersAvailable = (): boolean => typeof Worker !== "undefined";
