import { afterAll, describe, expect, it } from 'vitest';
import { SharedParameters } from '@churnlab/ps';
import { ThreadPool, ThreadWorkers } from '../src/index.js';
import { train, trainOnThreads } from './fixture.js';

describe('server shards applied on the pool threads', () => {
  const pools = [new ThreadPool(1), new ThreadPool(2)] as const;
  afterAll(() => Promise.all(pools.map((p) => p.close())));

  it('are offered by a pool of several threads only: one thread would apply them one after another, as the coordinator does', () => {
    const store = SharedParameters.create(new Float32Array(4), 1);
    const setup = { runId: 'offer', model: { inputs: 1, hidden: [], outputs: 1, activation: 'relu', layerNorm: false }, store: store.handle, train, precision: { name: 'float32' as const, seed: 1, replica: 0 } };
    expect(new ThreadWorkers(pools[0], setup, 2).updateShards).toBeUndefined();
    expect(new ThreadWorkers(pools[1], setup, 2).updateShards).toBeTypeOf('function');
  });

  // sync-arrival sums in real arrival order, which differs from run to run; the ps tests replay fixed orders on both paths.
  it('sync: the parameters and events equal the coordinator\'s, with and without embedding tables', async () => {
    for (const embeddingDimension of [undefined, 3]) {
      const options = { workers: 3, order: 'sync', steps: 20, psShards: 4, optimizer: 'adagrad' as const, ...(embeddingDimension && { embeddingDimension }) };
      const [coordinator, threads] = await Promise.all(pools.map((pool) => trainOnThreads(pool, options)));
      expect(threads!.params, `tables: ${embeddingDimension ?? 'none'}`).toEqual(coordinator!.params);
      expect(threads!.events).toEqual(coordinator!.events);
    }
  });
});
