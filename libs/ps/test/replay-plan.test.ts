import { seedStream } from '@churnlab/random';
import { describe, expect, it } from 'vitest';
import { checkPlan, defaultOptimizerConfig, orderPolicy, planHistoryDepth, replayPlan, ServerShards, SharedParameters, type ReplayPlan } from '../src/index.js';
import { cyclicBatches } from './least-squares-workers.js';
import { initial, pathOf, problem, sgdRange, steps, train, workerGradient } from './training-harness.js';

const stream = seedStream(7, 'order');

/** Each version made by running `plan` by hand: shard k applies its gradient to its range, computed at the version it reads. */
function referencePlan(plan: ReplayPlan, workers: number, ranges: Array<[number, number]>): string {
  const versions = [new Float32Array(initial)];
  for (let tick = 0; tick < plan.gradients.length; tick++) {
    const p = new Float32Array(versions[tick]!);
    ranges.forEach(([lo, hi], k) => {
      const { step, worker, readVersion } = plan.gradients[(plan.applyOrder[k] ?? plan.applyOrder[0]!)[tick]!]!;
      sgdRange(p, workerGradient(versions[readVersion]!, step, worker, workers), lo, hi);
    });
    versions.push(p);
  }
  return pathOf(versions.slice(1));
}

describe('replayPlan', () => {
  const workers = 4;
  const plan = replayPlan(stream, 30, workers, 3);

  it('applies, in every shard, round s as a permutation of the W gradients of step s', () => {
    expect(plan.gradients).toHaveLength(120);
    for (const order of plan.applyOrder) {
      for (let s = 0; s < 30; s++) {
        const round = order.slice(s * workers, (s + 1) * workers).map((g) => plan.gradients[g]!);
        expect(round.every((g) => g.step === s)).toBe(true);
        expect(new Set(round.map((g) => g.worker)).size).toBe(workers);
      }
    }
  });

  it('draws a different order per shard, and a staleness of 0..W−1 at the first shard to apply each gradient', () => {
    const differing = plan.gradients.filter((_, tick) => new Set(plan.applyOrder.map((o) => o[tick])).size > 1);
    expect(differing.length).toBeGreaterThan(30);
    const first = plan.gradients.map((_, g) => Math.min(...plan.applyOrder.map((o) => o.indexOf(g))));
    const staleness = plan.gradients.map((g, i) => first[i]! - g.readVersion);
    expect(Math.min(...staleness)).toBe(0);
    expect(Math.max(...staleness)).toBe(workers - 1);
    expect(new Set(staleness).size).toBe(workers);
  });

  it('is a pure function of the stream: the same seed gives the same plan, another seed another one', () => {
    expect(replayPlan(seedStream(7, 'order'), 30, workers, 3)).toEqual(plan);
    expect(replayPlan(seedStream(8, 'order'), 30, workers, 3)).not.toEqual(plan);
    expect(replayPlan(seedStream(7, 'order', 1), 30, workers, 3)).not.toEqual(plan);
  });

  it('needs a history as deep as the largest staleness at first apply, plus the live version', () => {
    expect(planHistoryDepth(plan)).toBe(workers);
    const hand: ReplayPlan = {
      gradients: [
        { step: 0, worker: 0, readVersion: 0 },
        { step: 0, worker: 1, readVersion: 0 },
        { step: 1, worker: 0, readVersion: 1 },
      ],
      applyOrder: [[0, 1, 2]],
    };
    expect(planHistoryDepth(hand)).toBe(2);
  });
});

describe('checkPlan', () => {
  const gradients = [
    { step: 0, worker: 0, readVersion: 0 },
    { step: 0, worker: 1, readVersion: 1 },
  ];

  it('accepts a plan every shard applies fully, one order shared by any number of shards', () => {
    expect(() => checkPlan({ gradients, applyOrder: [[0, 1]] }, 3)).not.toThrow();
    expect(() => checkPlan({ gradients, applyOrder: [[0, 1], [0, 1]] }, 2)).not.toThrow();
  });

  it.each<[string, ReplayPlan, number, RegExp]>([
    ['a shard count that matches neither 1 nor the run', { gradients, applyOrder: [[0, 1], [0, 1]] }, 3, /orders 2 server shards; this run has 3/],
    ['a gradient applied twice', { gradients, applyOrder: [[0, 0]] }, 1, /shard 0 .* exactly once/],
    ['a gradient left out', { gradients, applyOrder: [[1]] }, 1, /shard 0 .* exactly once/],
    ['a read of a version made after the gradient is needed', { gradients, applyOrder: [[1, 0]] }, 1, /step 0, worker 1: reads version 1 but is first applied at version 1/],
  ])('refuses %s', (_, plan, shards, message) => {
    expect(() => checkPlan(plan, shards)).toThrow(message);
  });
});

describe('replay order on real workers', () => {
  it.each([1, 2, 3])('with %i server shard(s) makes exactly the versions of the plan run by hand', async (shards) => {
    const workers = 4;
    const run = await train({ order: 'replay', workers, psShards: shards, orderSeed: 3 });
    const ranges: Record<number, Array<[number, number]>> = { 1: [[0, 5]], 2: [[0, 2], [2, 5]], 3: [[0, 1], [1, 3], [3, 5]] };
    expect(run.path).toBe(referencePlan(replayPlan(seedStream(3, 'order'), steps, workers, shards), workers, ranges[shards]!));
  });

  it('logs one event per version with one shard, and one per shard where shards apply different gradients', async () => {
    const one = await train({ order: 'replay', workers: 4, orderSeed: 3 });
    expect(one.events).toHaveLength(4 * steps);
    expect(one.events.every((e, i) => e.shard === undefined && e.version === i + 1 && e.orderKey === i)).toBe(true);
    const two = await train({ order: 'replay', workers: 4, psShards: 2, orderSeed: 3 });
    expect(two.events.some((e) => e.shard === 1)).toBe(true);
    for (let v = 1; v <= 4 * steps; v++) {
      const at = two.events.filter((e) => e.version === v);
      expect(at.length === 1 ? at[0]!.shard : at.map((e) => e.shard)).toEqual(at.length === 1 ? undefined : [0, 1]);
    }
  });

  it('repeats bit for bit with the same seed and differs with another, whatever the worker timing', async () => {
    const slow = (worker: number, step: number) => ((worker + step) % 3) * 2;
    const first = await train({ order: 'replay', workers: 3, psShards: 2, orderSeed: 5 });
    const again = await train({ order: 'replay', workers: 3, psShards: 2, orderSeed: 5, delay: slow });
    const other = await train({ order: 'replay', workers: 3, psShards: 2, orderSeed: 6 });
    expect(again.path).toBe(first.path);
    expect(again.events).toEqual(first.events);
    expect(other.path).not.toBe(first.path);
  });
});

describe('replay order when a gradient launched ahead fails', () => {
  it('fails the run with that error, which never escapes as an unhandled rejection', async () => {
    // A seed whose first round applies worker 0 first while worker 1 reads version 0 too: worker 1's gradient is launched
    // ahead, with worker 0's, and fails while the loop still awaits worker 0.
    const ahead = (s: number) => {
      const plan = replayPlan(seedStream(s, 'order'), 1, 2, 1);
      return plan.applyOrder[0]![0] === 0 && plan.gradients[1]!.readVersion === 0;
    };
    const seed = Array.from({ length: 50 }, (_, s) => s).find(ahead)!;
    expect(seed).toBeDefined();
    const store = SharedParameters.create(initial, 4, 2);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const run = orderPolicy('replay').run({
        store,
        shards: new ServerShards(defaultOptimizerConfig, initial.length),
        workers: {
          count: 2,
          compute: async (task) => {
            if (task.worker === 1) throw new Error('worker 1 failed');
            await new Promise((resolve) => setTimeout(resolve, 30));
            return { step: task.step, worker: task.worker, versionRead: task.readVersion ?? 0, lossSum: 0, rows: 1 };
          },
        },
        batches: cyclicBatches(problem.rows, 8, 3),
        microShards: 2,
        orderStream: seedStream(seed, 'order'),
        onUpdate: () => undefined,
        onStep: () => undefined,
      });
      await expect(run).rejects.toThrow('worker 1 failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
