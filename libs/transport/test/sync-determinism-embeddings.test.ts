import { afterAll, describe, expect, it } from 'vitest';
import { embeddingTables, initialParameters } from '@churnlab/model';
import { recordedPolicy } from '@churnlab/ps';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

describe('training a model with embedding tables on worker threads', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it.each(['sgd', 'adagrad', 'adam'] as const)('sync with %s gives bit-identical parameters for 1, 2 and 4 workers, and with server shards cutting the tables', async (optimizer) => {
    const reference = await trainOnThreads(pool, { workers: 1, order: 'sync', embeddingDimension: 4, optimizer, steps: 25 });
    for (const [workers, psShards] of [[2, 1], [4, 1], [2, 3], [4, 7]] as const) {
      const run = await trainOnThreads(pool, { workers, order: 'sync', embeddingDimension: 4, optimizer, steps: 25, psShards });
      expect(run.params, `${workers} workers, ${psShards} shards`).toEqual(reference.params);
    }
  });

  it('changes only the table rows its batches used (adagrad), and predicts probabilities', async () => {
    const run = await trainOnThreads(pool, { workers: 2, order: 'sync', embeddingDimension: 4, optimizer: 'adagrad', steps: 3 });
    const initial = initialParameters(run.layout, 1);
    const hashed = embeddingTables(run.layout)[1]!;
    const rowMoved = (row: number) => [0, 1, 2, 3].some((j) => run.params[hashed.offset + row * 4 + j] !== initial[hashed.offset + row * 4 + j]);
    const moved = Array.from({ length: hashed.rows }, (_, row) => rowMoved(row));
    // 3 steps × 32 rows touch at most 96 of the 200 hashed ids.
    expect(moved.filter(Boolean).length).toBeGreaterThan(20);
    expect(moved.filter(Boolean).length).toBeLessThanOrEqual(96);
    expect(run.predictions.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('sync with rounded gradients stays bit-identical across worker counts', async () => {
    const one = await trainOnThreads(pool, { workers: 1, order: 'sync', embeddingDimension: 3, gradPrecision: 'bfloat16', steps: 15 });
    const four = await trainOnThreads(pool, { workers: 4, order: 'sync', embeddingDimension: 3, gradPrecision: 'bfloat16', steps: 15 });
    expect(four.params).toEqual(one.params);
  });

  it('async with tables is re-applied bit for bit from its event log, with server shards cutting the tables', async () => {
    const delayMs = (step: number, worker: number) => (worker === 1 && step % 4 === 0 ? 3 : 0);
    const recorded = await trainOnThreads(pool, { workers: 3, order: 'async', embeddingDimension: 4, optimizer: 'adagrad', steps: 30, psShards: 7, delayMs });
    const policy = recordedPolicy('async', recorded.events, { steps: 30, workers: 3, shards: 7 });
    const replayed = await trainOnThreads(pool, { workers: 3, order: policy, embeddingDimension: 4, optimizer: 'adagrad', steps: 30, psShards: 7 });
    expect(replayed.params).toEqual(recorded.params);
  });
});
