import { describe, expect, it } from 'vitest';
import { planFromEvents, recordedPolicy, type UpdateEvent } from '../src/index.js';
import type { TurnDelay } from './turn-delay.js';
import { steps, train } from './training-harness.js';

const workers = 3;
const slowWorker1: TurnDelay = (worker, step) => (worker === 1 ? (step === 0 ? 20 : 3) : 0);
/** Another timing altogether, so a replay cannot pass by repeating the recorded timing. */
const slowWorker0: TurnDelay = (worker) => (worker === 0 ? 4 : 0);
const shape = { steps, workers, shards: 1 };

describe('replaying a recorded run', () => {
  it.each(['async', 'ssp:1'])('re-applies a %s run bit for bit under different thread timing', async (order) => {
    const recorded = await train({ order, workers, delay: slowWorker1 });
    expect(recorded.events.some((e) => e.staleness > 0)).toBe(true);
    const policy = recordedPolicy(order, recorded.events, shape);
    expect(policy.followsTiming).toBe(false);
    const replayed = await train({ order: policy, workers, delay: slowWorker0 });
    expect(replayed.path).toBe(recorded.path);
    expect(replayed.events).toEqual(recorded.events);
    // The same order under other timing really is another run.
    expect((await train({ order, workers, delay: slowWorker0 })).path).not.toBe(recorded.path);
  });

  it('re-applies a sharded replay run, each shard in its own recorded order', async () => {
    const recorded = await train({ order: 'replay', workers, psShards: 2, orderSeed: 9 });
    const policy = recordedPolicy('replay', recorded.events, { ...shape, shards: 2 });
    const replayed = await train({ order: policy, workers, psShards: 2, orderSeed: 1 });
    expect(replayed.path).toBe(recorded.path);
  });

  it('re-applies a sync run as sync', async () => {
    const recorded = await train({ order: 'sync', workers });
    const policy = recordedPolicy('sync', recorded.events, shape);
    expect(policy.name).toBe('replay-from:sync');
    expect(policy.followsTiming).toBe(false);
    expect((await train({ order: policy, workers, delay: slowWorker0 })).path).toBe(recorded.path);
  });
});

describe('planFromEvents and recordedPolicy refuse logs that cannot be replayed', () => {
  const event = (step: number, worker: number, versionRead: number, version: number, shard?: number): UpdateEvent => ({
    step,
    worker,
    versionRead,
    version,
    staleness: version - 1 - versionRead,
    orderKey: version - 1,
    ...(shard === undefined ? {} : { shard }),
  });

  it('names the line of a version that skips one', () => {
    expect(() => planFromEvents([event(0, 0, 0, 1), event(0, 1, 0, 3)])).toThrow('line 2: version 3 does not follow version 1 of shard 0');
    expect(() => planFromEvents([event(0, 0, 0, 1, 1), event(0, 1, 0, 2, 0)])).toThrow('line 2: version 2 does not follow version 0 of shard 0');
  });

  it('names the line where a gradient reads a second version', () => {
    const events = [event(0, 0, 0, 1, 0), event(0, 1, 0, 1, 1), event(0, 1, 0, 2, 0), event(0, 0, 1, 2, 1)];
    expect(() => planFromEvents(events)).toThrow('line 4: step 0, worker 0 read version 1 here but 0 on an earlier line; a gradient reads one version');
  });

  it('puts an event without a shard into every shard order, and one with a shard into that shard order', () => {
    const plan = planFromEvents([event(0, 0, 0, 1), event(0, 1, 0, 2, 0), event(1, 0, 1, 2, 1), event(0, 1, 0, 3, 1), event(1, 0, 1, 3, 0)]);
    expect(plan.applyOrder).toEqual([
      [0, 1, 2],
      [0, 2, 1],
    ]);
    expect(plan.gradients).toEqual([
      { step: 0, worker: 0, readVersion: 0 },
      { step: 0, worker: 1, readVersion: 0 },
      { step: 1, worker: 0, readVersion: 1 },
    ]);
  });

  it('refuses a log that does not cover the run it is replayed in', () => {
    const events = [event(0, 0, 0, 1), event(0, 1, 0, 2)];
    expect(() => recordedPolicy('async', events, { steps: 1, workers: 3, shards: 1 })).toThrow('the log applies 2 gradients; the recorded config has 1 steps × 3 workers = 3');
  });

  it('names a gradient of a worker or step the run does not have, even when the count fits', () => {
    const events = [event(0, 0, 0, 1), event(0, 7, 0, 2)];
    expect(() => recordedPolicy('async', events, { steps: 1, workers: 2, shards: 1 })).toThrow('the log applies a gradient of step 0, worker 7; the recorded config has steps 0 to 0 and workers 0 to 1');
  });

  it('refuses a log in which a gradient reads a version made after it was applied', () => {
    const events = [event(0, 0, 1, 1), event(0, 1, 0, 2)];
    expect(() => recordedPolicy('async', events, { steps: 1, workers: 2, shards: 1 })).toThrow(/step 0, worker 0: reads version 1 but is first applied at version 1/);
  });
});
