import { sumWorkerBlocks } from '../micro-shard-tree.js';
import type { OrderPolicy } from './order-policy.js';
import { taskFor } from './tasks.js';

/** A barrier per step; worker gradients are summed in the micro-shard tree, so neither thread timing nor the worker count can change the result. */
export const syncPolicy: OrderPolicy = {
  name: 'sync',
  guarantee: 'bit-identical parameters for a fixed seed, whatever the thread timing',
  async run(context) {
    const { store, workers, batches } = context;
    const slots = Array.from({ length: workers.count }, (_, w) => store.gradientSlot(w));
    for (let step = 0; step < batches.steps; step++) {
      const results = await Promise.all(slots.map((_, w) => workers.compute(taskFor(context, step, w))));
      const gradient = sumWorkerBlocks(slots, context.microShards);
      const version = store.write((params) => context.optimizer.apply(params, gradient));
      for (const r of results) context.onUpdate({ step, worker: r.worker, versionRead: r.versionRead, version, staleness: version - 1 - r.versionRead });
      context.onStep(step, results.reduce((s, r) => s + r.lossSum, 0) / batches.batchSize);
    }
  },
};
