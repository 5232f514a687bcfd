import { seedStream } from '@churnlab/random';
import { describe, expect, it } from 'vitest';
import { defaultOptimizerConfig, orderPolicy, ServerShards, SharedParameters, type StoreState, type UpdateEvent } from '../src/index.js';
import { LeastSquaresWorkers } from './least-squares-workers.js';
import { batches, hex, initial, learningRate, problem, steps } from './training-harness.js';

interface Saved {
  step: number;
  store: StoreState;
  optimizer: Float32Array[][];
  events: UpdateEvent[];
}

/** Trains with `order` from scratch or from `resume`, saving a checkpoint at every step boundary it offers. */
async function run(order: string, workers: number, options: { resume?: Saved; optimizer?: 'sgd' | 'adam' } = {}) {
  const policy = orderPolicy(order);
  const store = SharedParameters.create(initial, policy.gradientSlots(workers), policy.historyDepth(workers));
  const shards = new ServerShards({ ...defaultOptimizerConfig, name: options.optimizer ?? 'sgd', learningRate: options.optimizer === 'adam' ? 0.01 : learningRate }, initial.length, 2);
  const events = [...(options.resume?.events ?? [])];
  if (options.resume) {
    store.restoreState(options.resume.store);
    shards.restoreState(options.resume.optimizer);
  }
  const checkpoints: Saved[] = [];
  await policy.run({
    store,
    shards,
    workers: new LeastSquaresWorkers(problem, store, workers, (worker, step) => (worker + step) % 3),
    batches,
    microShards: 8,
    orderStream: seedStream(2, 'order'),
    ...(options.resume ? { startStep: options.resume.step } : {}),
    onCheckpoint: (step) => checkpoints.push({ step, store: store.exportState(), optimizer: shards.state().map((v) => v.map((a) => new Float32Array(a))), events: [...events] }),
    onUpdate: (e) => events.push(e),
    onStep: () => undefined,
  });
  return { params: new Float32Array(store.params), events, checkpoints };
}

describe('resuming from a checkpoint', () => {
  it.each<[string, number, 'sgd' | 'adam']>([
    ['sync', 3, 'sgd'],
    ['sync', 3, 'adam'],
    ['sync-arrival', 2, 'sgd'],
    ['replay', 3, 'sgd'],
    ['replay', 4, 'adam'],
  ])('%s on %i workers (%s) reaches the parameters and event log of the uninterrupted run from every step boundary', async (order, workers, optimizer) => {
    const whole = await run(order, workers, { optimizer });
    expect(whole.checkpoints.map((c) => c.step)).toEqual(Array.from({ length: steps - 1 }, (_, s) => s + 1));
    for (const checkpoint of [whole.checkpoints[0]!, whole.checkpoints[5]!, whole.checkpoints.at(-1)!]) {
      const resumed = await run(order, workers, { resume: checkpoint, optimizer });
      if (order !== 'sync-arrival') expect(hex(resumed.params), `from step ${checkpoint.step}`).toBe(hex(whole.params));
      expect(resumed.events.length).toBe(whole.events.length);
      if (order !== 'sync-arrival') expect(resumed.events).toEqual(whole.events);
    }
  });

  it('refuses to resume an asynchronous run or a replayed recording mid-way', async () => {
    const store = SharedParameters.create(initial, 2);
    const context = {
      store,
      shards: new ServerShards(defaultOptimizerConfig, initial.length),
      workers: new LeastSquaresWorkers(problem, store, 2),
      batches,
      microShards: 8,
      orderStream: seedStream(1, 'order'),
      startStep: 3,
      onUpdate: () => undefined,
      onStep: () => undefined,
    };
    await expect(orderPolicy('async').run(context)).rejects.toThrow('expected order sync, sync-arrival or replay');
  });

  it('refuses a saved state of another size', () => {
    const store = SharedParameters.create(initial, 1);
    const other = SharedParameters.create(Float32Array.of(1, 2), 1).exportState();
    expect(() => store.restoreState(other)).toThrow(`holds 2 parameters where this store has ${initial.length}`);
    const deeper = SharedParameters.create(initial, 1, 3).exportState();
    expect(() => store.restoreState(deeper)).toThrow(`holds ${3 * initial.length} values of kept versions where this store has 0, and 3 kept version numbers where this store has 1`);
    const shards = new ServerShards({ ...defaultOptimizerConfig, name: 'adam' }, initial.length, 2);
    expect(() => shards.restoreState([[new Float32Array(1)]])).toThrow('expected the same optimizer, parameters and psShards');
  });
});
