/**
 * The compute worker (Excel and the browser preview): the engine, the report sheets and the
 * JSON of a run, off the pane's thread. No Office.js and no ExcelJS here.
 */
import type { ComputeRequest } from "../../app/compute";
import { computeParts } from "./compute-parts";
import { serve, type Port } from "./protocol";

serve(self as unknown as Port, {
  compute: (request: ComputeRequest) => computeParts(request),
});
