import { sumWorkerBlocks } from '../micro-shard-tree.js';
import { liveReads, type OrderPolicy } from './order-policy.js';
import { barrierSteps } from './barrier.js';

/** A barrier per step; worker gradients are summed in the micro-shard tree, so neither thread timing nor the worker count can change the result. */
export const syncPolicy: OrderPolicy = {
  name: 'sync',
  guarantee: 'bit-identical parameters for a fixed seed, whatever the thread timing, the worker count or the number of server shards',
  followsTiming: false,
  ...liveReads,
  run: (context) =>
    barrierSteps(context, (slots, _arrival, _step, add) => ({
      gradient: sumWorkerBlocks(slots, context.microShards, add),
      order: slots.map((_, w) => w),
    })),
};
