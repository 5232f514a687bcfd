import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

describe('the memory of each pool thread', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('is answered by every thread of a fresh pool, once each, while the threads are still starting', async () => {
    const answers = await pool.memory();
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
  });

  it('waits for each thread to be free, so that no thread answers twice while another is busy', async () => {
    const training = trainOnThreads(pool, { workers: 2, order: 'sync', steps: 40 });
    const answers = await pool.memory();
    await training;
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
  });

  it('after training gives each thread its V8 heap and its external memory, which holds its WASM memory', async () => {
    await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 });
    const answers = await pool.memory();
    expect(answers).toHaveLength(2);
    expect(new Set(answers.map((a) => a.threadId)).size).toBe(2);
    for (const a of answers) {
      expect(a.threadId).toBeGreaterThan(0);
      expect(a.heapBytes).toBeGreaterThan(0);
      expect(a.wasmBytes).toBeGreaterThan(0);
      expect(a.externalBytes).toBeGreaterThanOrEqual(a.wasmBytes);
    }
  });
});
