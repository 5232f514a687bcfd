import { describe, expect, it } from 'vitest';
import { orderPolicy, orderPolicyNames } from '../src/index.js';
import type { TurnDelay } from './turn-delay.js';
import { microShard, shardGradient, shardsGradient } from './least-squares-workers.js';
import { batches, batchSize, hex, initial, learningRate, problem, referenceSgd, steps, train } from './training-harness.js';

describe('order policy registry', () => {
  it('offers sync and async', () => {
    expect(orderPolicyNames).toEqual(expect.arrayContaining(['sync', 'async']));
    expect(orderPolicy('sync').name).toBe('sync');
    expect(orderPolicy('async').name).toBe('async');
  });

  it('says which policies let real thread timing decide the updates: sync-arrival, async and ssp:K, not sync or replay', () => {
    const timed = Object.fromEntries(['sync', 'sync-arrival', 'async', 'ssp:0', 'ssp:3', 'replay'].map((name) => [name, orderPolicy(name).followsTiming]));
    expect(timed).toEqual({ sync: false, 'sync-arrival': true, async: true, 'ssp:0': true, 'ssp:3': true, replay: false });
  });

  it.each(['nope', 'constructor', 'SYNC'])('orderPolicy("%s") throws a RangeError naming it and the allowed policies', (name) => {
    expect(() => orderPolicy(name)).toThrow(RangeError);
    expect(() => orderPolicy(name)).toThrow(`order: "${name}" is unknown; expected one of ${orderPolicyNames.join(', ')}`);
    expect(() => orderPolicy(name)).toThrow(/expected one of .*\bsync\b.*\basync\b/);
  });
});

describe('sync order', () => {
  it.each([1, 2, 4, 8])('on %i workers makes one version per step, with staleness 0 for every one of workers×steps events', async (w) => {
    const run = await train({ order: 'sync', workers: w });
    expect(run.version).toBe(steps);
    expect(run.events).toEqual(
      Array.from({ length: steps }, (_, step) =>
        Array.from({ length: w }, (_, worker) => ({ step, worker, versionRead: step, version: step + 1, staleness: 0, orderKey: worker })),
      ).flat(),
    );
  });

  it('gives each worker its aligned block of the step micro-shards and scale 1/B', async () => {
    const run = await train({ order: 'sync', workers: 4 });
    const step3 = batches.rowsForStep(3);
    const task = run.workers.tasks.find((t) => t.step === 3 && t.worker === 2)!;
    expect(task.scale).toBe(1 / batchSize);
    // Worker 2 of 4 computes micro-shards 4 and 5 of 8: rows [⌊4·24/8⌋, ⌊6·24/8⌋) = [12, 18) of the batch.
    expect(task.microShards.map((s) => Array.from(s))).toEqual([Array.from(step3.subarray(12, 15)), Array.from(step3.subarray(15, 18))]);
    expect(run.workers.tasks).toHaveLength(4 * steps);
  });

  it('equals the single-process float32 reference (treeSum over 8 micro-shards) bit for bit', async () => {
    const reference = referenceSgd('tree');
    const run = await train({ order: 'sync', workers: 1 });
    expect(run.path).toBe(reference.path);
    expect(hex(run.params)).toBe(hex(reference.params));
  });

  it('uses data whose float32 sum depends on the order, so the bit-for-bit checks can fail', () => {
    expect(referenceSgd('left-to-right').path).not.toBe(referenceSgd('tree').path);
  });

  it('gives bit-identical parameters on 1, 2, 4 and 8 workers, whatever order the workers finish in', async () => {
    const want = referenceSgd('tree').path;
    for (const w of [1, 2, 4, 8]) {
      // Later workers finish first on even steps, earlier workers on odd steps.
      const reversed: TurnDelay = (worker, step) => (step % 2 === 0 ? w - 1 - worker : worker);
      expect((await train({ order: 'sync', workers: w })).path, `${w} workers`).toBe(want);
      expect((await train({ order: 'sync', workers: w, delay: reversed })).path, `${w} workers, reversed`).toBe(want);
    }
  });

  it('gives bit-identical parameters on 1, 2, 4 and 8 workers with adam as well', async () => {
    const runs = await Promise.all([1, 2, 4, 8].map((w) => train({ order: 'sync', workers: w, optimizer: { name: 'adam', learningRate: 0.01 } })));
    expect(new Set(runs.map((r) => r.path)).size).toBe(1);
    expect(runs[0]!.path).not.toBe((await train({ order: 'sync', workers: 1 })).path);
  });

  // Worker counts that do not divide the micro-shards, and micro-shard counts that are not powers of two.
  it.each([
    [3, 8],
    [3, 6],
  ])('gives the same bits on %i workers as on 1 worker, with %i micro-shards', async (w, m) => {
    const one = await train({ order: 'sync', workers: 1, microShards: m });
    const many = await train({ order: 'sync', workers: w, microShards: m });
    expect(many.path).toBe(one.path);
  });

  it('calls onStep once per step, in order, with the mean loss at the parameters of that step', async () => {
    const { losses } = referenceSgd('tree');
    const run = await train({ order: 'sync', workers: 4 });
    expect(run.stepLosses.map(([step]) => step)).toEqual(Array.from({ length: steps }, (_, s) => s));
    run.stepLosses.forEach(([step, loss]) => expect(loss, `step ${step}`).toBeCloseTo(losses[step]!, 12));
    // Training really moves downhill: the loss over all rows falls.
    const allRows = Uint32Array.from({ length: problem.rows }, (_, r) => r);
    const loss = (w: Float32Array) => shardGradient(problem, w, allRows, 1, new Float32Array(w.length));
    expect(loss(run.params)).toBeLessThan(0.9 * loss(initial));
  });
});

describe('async order', () => {
  const workers = 3;
  // Worker 1 waits 50 more turns over its first step and 5 over each later one; workers 0 and 2 only yield a turn.
  const slowWorker1: TurnDelay = (worker, step) => (worker === 1 ? (step === 0 ? 50 : 5) : 0);

  it('applies every (step, worker) exactly once, as versions 1..N in event order, with staleness = version − 1 − versionRead', async () => {
    const run = await train({ order: 'async', workers, delay: slowWorker1 });
    expect(run.events).toHaveLength(workers * steps);
    expect(run.version).toBe(workers * steps);
    expect(run.events.map((e) => e.version)).toEqual(Array.from({ length: workers * steps }, (_, i) => i + 1));
    expect(new Set(run.events.map((e) => `${e.step}/${e.worker}`)).size).toBe(workers * steps);
    for (const e of run.events) {
      expect(e.staleness).toBe(e.version - 1 - e.versionRead);
      expect(e.staleness).toBeGreaterThanOrEqual(0);
    }
    for (let w = 0; w < workers; w++) {
      expect(run.events.filter((e) => e.worker === w).map((e) => e.step)).toEqual(Array.from({ length: steps }, (_, s) => s));
    }
  });

  it('lets the fast workers run ahead of a slow worker 1, whose updates are then stale', async () => {
    const run = await train({ order: 'async', workers, delay: slowWorker1 });
    const first1 = run.events.find((e) => e.worker === 1)!;
    expect(first1.versionRead).toBe(0);
    expect(first1.staleness).toBeGreaterThan(0);
    expect(run.events.filter((e) => e.staleness > 0).length).toBeGreaterThan(0);
    expect(run.events[0]!.worker).not.toBe(1);
  });

  it('applies each worker gradient of its own micro-shards at the version it read (replayed bit for bit)', async () => {
    const run = await train({ order: 'async', workers, delay: slowWorker1 });
    const w = new Float32Array(initial);
    const stepLoss = new Float64Array(steps);
    for (const e of run.events) {
      const rows = batches.rowsForStep(e.step);
      // Workers of 3 compute the micro-shard subtrees [0, 2), [2, 4) and [4, 8).
      const [lo, hi] = ([[0, 2], [2, 4], [4, 8]] as const)[e.worker]!;
      const shards = Array.from({ length: 8 }, (_, j) => microShard(rows, 8, j)).slice(lo, hi);
      const { gradient, lossSum } = shardsGradient(problem, run.snapshots.get(e.versionRead)!, shards, 1 / rows.length);
      stepLoss[e.step] = stepLoss[e.step]! + lossSum;
      for (let i = 0; i < w.length; i++) w[i] = w[i]! - learningRate * gradient[i]!;
      expect(hex(run.snapshots.get(e.version)!), `version ${e.version}`).toBe(hex(w));
    }
    expect(hex(run.params)).toBe(hex(w));
    expect(run.stepLosses.map(([step]) => step)).toEqual(Array.from({ length: steps }, (_, s) => s));
    run.stepLosses.forEach(([step, loss]) => expect(loss, `step ${step}`).toBeCloseTo(stepLoss[step]! / batchSize, 12));
  });

  it('on one worker is plain sequential SGD: bit-identical to sync and to the reference', async () => {
    const run = await train({ order: 'async', workers: 1 });
    expect(run.path).toBe(referenceSgd('tree').path);
    expect(run.events.every((e) => e.staleness === 0)).toBe(true);
  });
});
