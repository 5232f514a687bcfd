import { describe, expect, it } from 'vitest';
import { orderPolicy, recordedPolicy, type UpdateEvent } from '../src/index.js';
import type { TurnDelay } from './turn-delay.js';
import { initial, pathOf, sgdRange, steps, train, workerGradient } from './training-harness.js';

const workers = 4;
/** Worker w arrives (W − 1 − w)·4 turns late: the reverse of worker order on every step. */
const reversed: TurnDelay = (worker) => (workers - 1 - worker) * 4;

/** SGD whose step gradient is the left-to-right float32 sum of the worker gradients in the order events.jsonl records for it. */
function referenceInRecordedOrder(events: UpdateEvent[]): string {
  const w = new Float32Array(initial);
  const versions: Float32Array[] = [];
  for (let step = 0; step < steps; step++) {
    const order = events.filter((e) => e.step === step).sort((a, b) => a.orderKey - b.orderKey);
    const sum = new Float32Array(w.length);
    for (const e of order) workerGradient(w, step, e.worker, workers).forEach((g, i) => (sum[i] = sum[i]! + g));
    sgdRange(w, sum);
    versions.push(new Float32Array(w));
  }
  return pathOf(versions);
}

describe('sync-arrival order', () => {
  it('is registered with its guarantee', () => {
    expect(orderPolicy('sync-arrival').guarantee).toMatch(/up to float32 rounding/);
  });

  it('sums each step in the arrival order it records, bit for bit, whatever that order was', async () => {
    const run = await train({ order: 'sync-arrival', workers });
    expect(run.version).toBe(steps);
    for (let step = 0; step < steps; step++) {
      const events = run.events.filter((e) => e.step === step);
      expect(events.map((e) => e.orderKey)).toEqual([0, 1, 2, 3]);
      expect(new Set(events.map((e) => e.worker)).size).toBe(workers);
      expect(events.every((e) => e.version === step + 1 && e.staleness === 0)).toBe(true);
    }
    expect(run.path).toBe(referenceInRecordedOrder(run.events));
  });

  it('follows a forced reverse arrival, which rounds differently from sync but stays within float32 noise of it', async () => {
    const run = await train({ order: 'sync-arrival', workers, delay: reversed });
    expect(run.events.slice(0, 4).map((e) => e.worker)).toEqual([3, 2, 1, 0]);
    expect(run.path).toBe(referenceInRecordedOrder(run.events));
    const sync = await train({ order: 'sync', workers, delay: reversed });
    expect(run.path).not.toBe(sync.path);
    run.params.forEach((p, i) => expect(Math.abs(p - sync.params[i]!)).toBeLessThan(1e-5));
  });

  it('is replayed bit for bit from its events, even when the replay arrives in another order', async () => {
    const recorded = await train({ order: 'sync-arrival', workers, delay: reversed });
    const policy = recordedPolicy('sync-arrival', recorded.events, { steps, workers, shards: 1 });
    expect(policy.followsTiming).toBe(false);
    const replayed = await train({ order: policy, workers });
    expect(replayed.path).toBe(recorded.path);
    expect(replayed.events).toEqual(recorded.events);
  });

  it('refuses a log whose step does not reduce every worker exactly once', async () => {
    const recorded = await train({ order: 'sync-arrival', workers });
    const broken = recorded.events.filter((e) => !(e.step === 5 && e.worker === 2));
    expect(() => recordedPolicy('sync-arrival', broken, { steps, workers, shards: 1 })).toThrow(/step 5 is reduced over workers \[.*\]; expected each of the 4 workers once/);
  });
});
