/**
 * A computation's answer in parts (the result, the JSON, the highlights and settings, one
 * part per report sheet) and back: the pane's thread then reads it in several short tasks
 * instead of one long one (a region's answer is ≈ 11 MB of objects).
 */
import { computeSync, type ComputeRequest, type ComputeResponse } from "../../app/compute";
import { Parts } from "./protocol";

export function computeParts(request: ComputeRequest): Parts {
  const { result, json, highlights, settings, reports } = computeSync(request);
  return new Parts([result, json, { highlights, settings }, ...reports]);
}

export function fromParts(parts: unknown[]): ComputeResponse {
  const [result, json, rest, ...reports] = parts as [ComputeResponse["result"], ComputeResponse["json"], Pick<ComputeResponse, "highlights" | "settings">, ...ComputeResponse["reports"]];
  return { result, json, highlights: rest.highlights, settings: rest.settings, reports };
}
