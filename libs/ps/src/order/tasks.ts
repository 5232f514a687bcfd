import { setTimeout as sleep } from 'node:timers/promises';
import { splitMicroShards } from '../batch-plan.js';
import { workerMicroShardRange } from '../micro-shard-tree.js';
import type { GradientResult, GradientTask } from '../gradient-workers.js';
import type { TrainingContext } from '../training-context.js';

/** Worker `worker`'s task for step `step`: its contiguous range of the step's micro-shards. */
export function taskFor(context: TrainingContext, step: number, worker: number): GradientTask {
  const rows = context.batches.rowsForStep(step);
  const shards = splitMicroShards(rows, context.microShards);
  const [lo, hi] = workerMicroShardRange(context.microShards, context.workers.count, worker);
  // Copies, not views: a view would take the whole epoch's row order along when the task is cloned to a thread.
  return { step, worker, microShards: shards.slice(lo, hi).map((shard) => shard.slice()), firstMicroShard: lo, scale: 1 / rows.length };
}

/** Computes worker `worker`'s gradient of step `step` and resolves once the server receives it, after any injected delay. */
export async function deliver(context: TrainingContext, step: number, worker: number): Promise<GradientResult> {
  const result = await context.workers.compute(taskFor(context, step, worker));
  const ms = context.delayMs?.(step, worker) ?? 0;
  if (ms > 0) await sleep(ms);
  return result;
}
