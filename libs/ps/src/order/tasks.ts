import { splitMicroShards } from '../batch-plan.js';
import { workerMicroShardRange } from '../micro-shard-tree.js';
import type { GradientTask } from '../gradient-workers.js';
import type { TrainingContext } from '../training-context.js';

/** Worker `worker`'s task for step `step`: its contiguous range of the step's micro-shards. */
export function taskFor(context: TrainingContext, step: number, worker: number): GradientTask {
  const rows = context.batches.rowsForStep(step);
  const shards = splitMicroShards(rows, context.microShards);
  const [lo, hi] = workerMicroShardRange(context.microShards, context.workers.count, worker);
  return { step, worker, microShards: shards.slice(lo, hi), scale: 1 / rows.length };
}
