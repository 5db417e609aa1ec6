import { isPayloadError } from "./messages";
import type { Limits } from "./run";

/**
 * One queued write: values, number formats or a style for a block. Writes are idempotent
 * (the same data to the same cells), so a batch rejected for its size can be sent again
 * in smaller pieces.
 */
export interface WriteOp {
  /** Estimated request bytes. */
  bytes: number;
  /** Cells touched by a 2-D array (0 for scalar format calls). */
  cells: number;
  apply(ctx: Excel.RequestContext): void;
  /** Two halves of this op (by rows), or null when it cannot be split. */
  split?(): WriteOp[] | null;
}

/**
 * The items at the front of `queue` that go into one sync, removed from it: in order,
 * while their bytes fit `budget` and their cells fit `maxCells` — at least one, so an
 * item too large on its own is still sent (and split if the host refuses it).
 */
export function takeBatch<T>(queue: T[], budget: number, maxCells: number, size: (item: T) => { bytes: number; cells: number }): T[] {
  const batch: T[] = [];
  let bytes = 0;
  let cells = 0;
  while (queue.length > 0) {
    const next = size(queue[0]);
    if (batch.length > 0 && (bytes + next.bytes > budget || cells + next.cells > maxCells)) break;
    batch.push(queue.shift()!);
    bytes += next.bytes;
    cells += next.cells;
  }
  return batch;
}

export interface BatchStats {
  syncs: number;
}

/**
 * Sends the ops in as few syncs as the payload budget allows: each sync takes ops in
 * order while their estimated bytes fit `maxPayloadBytes` and their cells fit
 * `maxCellsPerSync` (at least one op per sync); an op estimated above the budget is split
 * by rows first. On a payload error the budget is halved and
 * the batch retried; a single op that still fails is split by rows; an op that cannot be
 * split is rethrown. `beforeSync` runs before every sync (suspend calculation and screen
 * updating); `prelude` queues work that must ride with the first successful sync (loads).
 */
export async function runBatches(
  ctx: Excel.RequestContext,
  ops: WriteOp[],
  limits: Limits,
  hooks: { beforeSync?: () => void; prelude?: () => void } = {},
): Promise<BatchStats> {
  let budget = limits.maxPayloadBytes;
  let queue = ops.slice();
  let preludePending = hooks.prelude !== undefined;
  const stats: BatchStats = { syncs: 0 };

  while (queue.length > 0 || preludePending) {
    // A block larger than the budget on its own (long texts in a chunk of cells) is split
    // before it is sent, so Excel is never asked to take more than the budget.
    while (queue.length > 0 && queue[0].bytes > budget) {
      const parts = queue[0].split?.() ?? null;
      if (!parts || parts.length < 2) break;
      queue.splice(0, 1, ...parts);
    }
    const batch = takeBatch(queue, budget, limits.maxCellsPerSync, (op) => op);
    hooks.beforeSync?.();
    if (preludePending) hooks.prelude!();
    for (const op of batch) op.apply(ctx);
    try {
      stats.syncs++;
      await ctx.sync();
      preludePending = false;
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length > 1) {
        budget = Math.max(1, Math.floor(budget / 2));
        queue = batch.concat(queue);
        continue;
      }
      const parts = batch[0]?.split?.() ?? null;
      if (!parts || parts.length < 2) throw e;
      budget = Math.max(1, Math.floor(budget / 2));
      queue = parts.concat(queue);
    }
  }
  return stats;
}
