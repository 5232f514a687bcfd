import { seedStream } from '@churnlab/random';
import { describe, expect, it } from 'vitest';
import { defaultOptimizerConfig, orderPolicy, ServerShards, SharedParameters, type GradientWorkers, type UpdateEvent } from '../src/index.js';
import { LeastSquaresWorkers } from './least-squares-workers.js';
import { batches, initial, problem } from './training-harness.js';
import { waitTurns } from './turn-delay.js';

const workers = 3;

/** Runs `order` on least-squares workers of which worker 0 fails its step 2, recording every update and step it is told of. */
function runFailingWorker0(order: string) {
  const policy = orderPolicy(order);
  const store = SharedParameters.create(initial, policy.gradientSlots(workers), policy.historyDepth(workers));
  // Workers 1 and 2 take a few turns per step, so that they are computing when worker 0 fails.
  const inner = new LeastSquaresWorkers(problem, store, workers, (worker) => (worker === 0 ? 0 : 3));
  const failing: GradientWorkers = {
    count: workers,
    compute: (task) => (task.worker === 0 && task.step === 2 ? Promise.reject(new Error('worker 0 lost')) : inner.compute(task)),
  };
  const told = { updates: [] as UpdateEvent[], steps: [] as number[] };
  const run = policy.run({
    store,
    shards: new ServerShards(defaultOptimizerConfig, initial.length),
    workers: failing,
    batches,
    microShards: 6,
    orderStream: seedStream(1, 'order'),
    onUpdate: (event) => told.updates.push(event),
    onStep: (step) => told.steps.push(step),
  });
  return { run, store, told, inner };
}

describe.each(['async', 'ssp:1', 'ssp:0'])('%s order when a worker fails', (order) => {
  it('rejects with that failure, and then applies no update, reports no step and starts no task', async () => {
    const { run, store, told, inner } = runFailingWorker0(order);
    await expect(run).rejects.toThrow('worker 0 lost');
    const seen = { version: store.version(), updates: told.updates.length, steps: told.steps.length, tasks: inner.tasks.length };
    await waitTurns(50);
    expect({ version: store.version(), updates: told.updates.length, steps: told.steps.length, tasks: inner.tasks.length }).toEqual(seen);
    expect(told.updates.some((e) => e.worker === 0 && e.step >= 2)).toBe(false);
    expect(seen.version).toBeLessThan(workers * batches.steps);
  });
});
