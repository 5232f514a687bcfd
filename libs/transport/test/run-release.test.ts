import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { evaluation, trainOnThreads } from './fixture.js';

describe('closing a run on the thread pool', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());
  const runsHeld = async () => (await pool.memory()).map((m) => m.runs);

  it('has every thread drop the run it held, and only that run', async () => {
    const first = await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 });
    const second = await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 });
    expect(await runsHeld()).toEqual([2, 2]);
    await first.workers.close();
    expect(await runsHeld()).toEqual([1, 1]);
    await second.workers.close();
    expect(await runsHeld()).toEqual([0, 0]);
  });

  it('leaves a closed run usable: a later request sets it up again, with the same result', async () => {
    const run = await trainOnThreads(pool, { workers: 2, order: 'sync', steps: 5 });
    await run.workers.close();
    expect(await run.workers.predict(evaluation)).toEqual(run.predictions);
    await run.workers.close();
  });

  it('holds at most RUNS_HELD_PER_THREAD runs on a thread that is never told a run is over', async () => {
    for (let r = 0; r <= ThreadPool.runsHeld; r++) await trainOnThreads(pool, { workers: 1, order: 'sync', steps: 2 });
    expect(Math.max(...(await runsHeld()))).toBe(ThreadPool.runsHeld);
    expect(ThreadPool.runsHeld).toBeGreaterThanOrEqual(2);
  });
});
