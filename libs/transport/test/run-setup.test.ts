import { afterAll, describe, expect, it } from 'vitest';
import { initialParameters, parameterLayout, type ModelSpec } from '@churnlab/model';
import { SharedParameters, type GradientResult, type GradientTask } from '@churnlab/ps';
import type { RunSetup } from '@churnlab/worker';
import { ThreadPool, ThreadWorkers } from '../src/index.js';
import { train } from './fixture.js';

const model: ModelSpec = { inputs: train.width, hidden: [8], outputs: 1, activation: 'relu', layerNorm: false };
const task: GradientTask = { step: 0, worker: 0, microShards: [Uint32Array.from({ length: 8 }, (_, i) => i)], firstMicroShard: 0, scale: 1 / 8 };

/** A run's setup that counts how often it is cloned (a structured clone reads each of its properties once). */
function countedSetup(runId: string): { setup: RunSetup; clones: () => number } {
  const store = SharedParameters.create(initialParameters(parameterLayout(model), 7), 1);
  let reads = 0;
  const precision = { name: 'float32' as const, seed: 1, replica: 0 };
  const setup = { runId, model, store: store.handle, train } as Omit<RunSetup, 'precision'>;
  Object.defineProperty(setup, 'precision', { enumerable: true, get: () => (reads++, precision) });
  return { setup: setup as RunSetup, clones: () => reads };
}

describe('a run on a thread', () => {
  const pool = new ThreadPool(1);
  afterAll(() => pool.close());

  it('sends its setup with the first request only', async () => {
    const { setup, clones } = countedSetup('setup-once');
    const workers = new ThreadWorkers(pool, setup, 1);
    const results: GradientResult[] = [];
    for (let i = 0; i < 4; i++) results.push(await workers.compute(task));
    expect(clones()).toBe(1);
    // The thread computed every request of the run, from its one setup: the same task gives the same gradient.
    expect(new Set(results.map((r) => r.lossSum)).size).toBe(1);
  });

  it('sends it again when the thread has dropped the run to make room for newer ones', async () => {
    const first = countedSetup('dropped-0');
    const firstWorkers = new ThreadWorkers(pool, first.setup, 1);
    const before = await firstWorkers.compute(task);
    // A thread holds ThreadPool.runsHeld runs: as many newer ones push the first out.
    for (let run = 1; run <= ThreadPool.runsHeld; run++) await new ThreadWorkers(pool, countedSetup(`dropped-${run}`).setup, 1).compute(task);
    const after = await firstWorkers.compute(task);
    expect(first.clones()).toBe(2);
    expect(after.lossSum).toBe(before.lossSum);
  });
});
