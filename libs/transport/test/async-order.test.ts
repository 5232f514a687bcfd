import { afterAll, describe, expect, it } from 'vitest';
import { recordedPolicy } from '@churnlab/ps';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

describe('async training on worker threads', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('applies every (step, worker) gradient exactly once, versions in apply order', async () => {
    const { events } = await trainOnThreads(pool, { workers: 2, order: 'async', steps: 30 });
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => `${e.step}/${e.worker}`)).size).toBe(60);
    events.forEach((e, i) => {
      expect(e.version).toBe(i + 1);
      expect(e.staleness).toBe(e.version - 1 - e.versionRead);
      expect(e.staleness).toBeGreaterThanOrEqual(0);
    });
  });

  it('lets real thread timing change the result between repeats', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await trainOnThreads(pool, { workers: 2, order: 'async', steps: 80 }));
    const distinct = new Set(runs.map((r) => Buffer.from(r.params.buffer).toString('base64')));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('is re-applied bit for bit from its event log on the threads, also with two server shards', async () => {
    const delayMs = (step: number, worker: number) => (worker === 1 && step % 5 === 0 ? 4 : 0);
    const recorded = await trainOnThreads(pool, { workers: 3, order: 'async', steps: 40, psShards: 2, delayMs });
    expect(recorded.events.some((e) => e.staleness > 2)).toBe(true);
    const policy = recordedPolicy('async', recorded.events, { steps: 40, workers: 3, shards: 2 });
    const replayed = await trainOnThreads(pool, { workers: 3, order: policy, steps: 40, psShards: 2 });
    expect(replayed.params).toEqual(recorded.params);
    expect(replayed.events).toEqual(recorded.events);
  });
});
