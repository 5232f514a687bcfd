import type { OrderPolicy } from './order-policy.js';
import { taskFor } from './tasks.js';

/** Each worker's gradient is applied the moment it arrives, against whatever version that worker read: real thread timing decides the order. */
export const asyncPolicy: OrderPolicy = {
  name: 'async',
  guarantee: 'none: the apply order follows real thread timing, so replicas differ',
  async run(context) {
    const { store, workers, batches } = context;
    const stepLoss = new Float64Array(batches.steps);
    const stepParts = new Uint32Array(batches.steps);
    const workerLoop = async (worker: number) => {
      const slot = store.gradientSlot(worker);
      for (let step = 0; step < batches.steps; step++) {
        const result = await workers.compute(taskFor(context, step, worker));
        const version = store.write((params) => context.optimizer.apply(params, slot));
        context.onUpdate({ step, worker, versionRead: result.versionRead, version, staleness: version - 1 - result.versionRead });
        stepLoss[step] = stepLoss[step]! + result.lossSum;
        if (++stepParts[step]! === workers.count) context.onStep(step, stepLoss[step]! / batches.batchSize);
      }
    };
    await Promise.all(Array.from({ length: workers.count }, (_, w) => workerLoop(w)));
  },
};
