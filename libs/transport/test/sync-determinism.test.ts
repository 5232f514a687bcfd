import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

describe('sync training on worker threads', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('gives bit-identical parameters when repeated', async () => {
    const first = await trainOnThreads(pool, { workers: 2, order: 'sync' });
    const second = await trainOnThreads(pool, { workers: 2, order: 'sync' });
    expect(second.params).toEqual(first.params);
    expect(second.predictions).toEqual(first.predictions);
  });

  it('gives bit-identical parameters for 1, 2, 4 and 8 workers', async () => {
    const reference = await trainOnThreads(pool, { workers: 1, order: 'sync' });
    for (const workers of [2, 4, 8]) expect((await trainOnThreads(pool, { workers, order: 'sync' })).params).toEqual(reference.params);
  });

  it('gives bit-identical parameters for any number of server shards, on any worker count', async () => {
    const reference = await trainOnThreads(pool, { workers: 1, order: 'sync' });
    for (const [workers, psShards] of [
      [1, 2],
      [2, 3],
      [4, 7],
      [8, 64],
    ] as const) {
      expect((await trainOnThreads(pool, { workers, order: 'sync', psShards })).params, `${workers} workers, ${psShards} shards`).toEqual(reference.params);
    }
  });

  it('with rounded gradients stays bit-identical across worker counts, and the rounding is a seeded knob', async () => {
    const float32 = await trainOnThreads(pool, { workers: 1, order: 'sync' });
    const one = await trainOnThreads(pool, { workers: 1, order: 'sync', gradPrecision: 'int8', numericSeed: 2 });
    const four = await trainOnThreads(pool, { workers: 4, order: 'sync', gradPrecision: 'int8', numericSeed: 2 });
    const reseeded = await trainOnThreads(pool, { workers: 4, order: 'sync', gradPrecision: 'int8', numericSeed: 3 });
    expect(four.params).toEqual(one.params);
    expect(one.params).not.toEqual(float32.params);
    expect(reseeded.params).not.toEqual(four.params);
  });

  it('logs one update per worker per step, all at staleness 0', async () => {
    const { events } = await trainOnThreads(pool, { workers: 4, order: 'sync', steps: 10 });
    expect(events).toHaveLength(40);
    expect(events.every((e) => e.staleness === 0 && e.version === e.step + 1)).toBe(true);
  });

  it('learns: predictions move away from the initial model', async () => {
    const short = await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 1 });
    const long = await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 60 });
    expect(long.predictions).not.toEqual(short.predictions);
    expect(long.predictions.every((p) => p > 0 && p < 1)).toBe(true);
  });
});
