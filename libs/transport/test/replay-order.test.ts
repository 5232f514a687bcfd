import { afterAll, describe, expect, it } from 'vitest';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

describe('replay: asynchronous SGD simulated from the order seed', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it('repeats bit for bit with the same seed, and differs with another', async () => {
    const first = await trainOnThreads(pool, { workers: 4, order: 'replay', steps: 40, orderSeed: 5 });
    const again = await trainOnThreads(pool, { workers: 4, order: 'replay', steps: 40, orderSeed: 5 });
    const other = await trainOnThreads(pool, { workers: 4, order: 'replay', steps: 40, orderSeed: 6 });
    expect(again.params).toEqual(first.params);
    expect(again.events).toEqual(first.events);
    expect(other.params).not.toEqual(first.params);
  });

  it('keeps staleness within 0..W−1 and applies every (step, worker) once', async () => {
    const { events } = await trainOnThreads(pool, { workers: 4, order: 'replay', steps: 30, orderSeed: 2 });
    expect(events).toHaveLength(120);
    expect(new Set(events.map((e) => `${e.step}/${e.worker}`)).size).toBe(120);
    expect(Math.max(...events.map((e) => e.staleness))).toBe(3);
    expect(events.every((e, i) => e.version === i + 1 && e.staleness >= 0 && e.staleness <= 3)).toBe(true);
  });

  it('draws a different apply order within rounds', async () => {
    const { events } = await trainOnThreads(pool, { workers: 4, order: 'replay', steps: 30, orderSeed: 2 });
    const rounds = new Set(Array.from({ length: 30 }, (_, s) => events.slice(s * 4, s * 4 + 4).map((e) => e.worker).join('')));
    expect(rounds.size).toBeGreaterThan(5);
  });
});
