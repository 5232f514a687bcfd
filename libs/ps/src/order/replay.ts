import type { SeedStream } from '@churnlab/random';
import type { OrderPolicy } from './order-policy.js';
import { executePlan, type ReplayPlan } from './replay-plan.js';

/** Stream lane of the staleness draws, apart from lanes 0..S−1 that hold the shards' apply orders. */
const STALENESS_LANE = 0x8000_0000;

/**
 * Asynchronous SGD drawn from the order seed. Round s holds the W gradients of step s; server shard k applies them
 * in its own seeded permutation. Worker w's gradient reads the version t ∈ 0..W−1 updates before the first moment any
 * shard needs it, with t drawn per (step, worker): the staleness of the shard applying it first.
 */
export function replayPlan(stream: SeedStream, steps: number, workers: number, shards: number): ReplayPlan {
  const plan: ReplayPlan = { gradients: [], applyOrder: Array.from({ length: shards }, () => []) };
  for (let step = 0; step < steps; step++) {
    const round = step * workers;
    const positions = Array.from({ length: workers }, () => Number.POSITIVE_INFINITY);
    plan.applyOrder.forEach((order, shard) => {
      stream.permutation(workers, step, shard).forEach((worker, i) => {
        order.push(round + worker);
        positions[worker] = Math.min(positions[worker]!, round + i);
      });
    });
    for (let worker = 0; worker < workers; worker++) {
      const staleness = stream.intBelow(workers, step, STALENESS_LANE + worker, 0);
      plan.gradients.push({ step, worker, readVersion: Math.max(0, positions[worker]! - staleness) });
    }
  }
  return plan;
}

/** Asynchronous SGD simulated from the order seed: the same seed replays bit for bit, thread timing plays no part. */
export const replayPolicy: OrderPolicy = {
  name: 'replay',
  guarantee: 'bit-identical for the same seed; another order seed gives another asynchronous run, per server shard',
  followsTiming: false,
  // A round's gradients may still wait for their last shard while the next round's are computed: two rounds in flight.
  gradientSlots: (workers) => 2 * workers,
  historyDepth: (workers) => workers,
  run(context) {
    const workers = context.workers.count;
    const plan = replayPlan(context.orderStream, context.batches.steps, workers, context.shards.count);
    // Round s fills versions sW+1 … (s+1)W in every shard, so tick sW is a step boundary with nothing half-applied.
    return executePlan(context, plan, { startTick: (context.startStep ?? 0) * workers, checkpointStep: (tick) => (tick % workers === 0 ? tick / workers : undefined) });
  },
};
