import { afterAll, describe, expect, it } from 'vitest';
import { parseFault } from '@churnlab/ps';
import { ThreadPool } from '../src/index.js';
import { trainOnThreads } from './fixture.js';

const faults = (messages: string[], ...specs: string[]) => ({ specs: specs.map(parseFault), timeoutMs: 3000, onFault: (m: string) => messages.push(m) });

describe('worker faults on real threads', () => {
  const pool = new ThreadPool(2);
  afterAll(() => pool.close());

  it.each(['sync', 'replay'])(
    '%s: a thread killed mid-task and a thread stalled past the timeout are recovered from, and the parameters equal an undisturbed run',
    async (order) => {
      const clean = await trainOnThreads(pool, { workers: 3, order, steps: 30 });
      const messages: string[] = [];
      const faulty = await trainOnThreads(pool, { workers: 3, order, steps: 30, faults: faults(messages, 'kill:worker=1,step=10', 'stall:worker=2,ms=5000,step=20') });
      expect(messages.some((m) => m.startsWith('step 10, worker 1: attempt 1 failed (worker exited'))).toBe(true);
      expect(messages.some((m) => m.startsWith('step 20, worker 2: attempt 1 failed (no answer within 3000 ms)'))).toBe(true);
      expect(faulty.params).toEqual(clean.params);
      expect(faulty.events).toEqual(clean.events);
    },
    60_000,
  );

  it(
    'async: every (step, worker) gradient is applied exactly once despite a kill and a stall',
    async () => {
      const messages: string[] = [];
      const { events } = await trainOnThreads(pool, { workers: 2, order: 'async', steps: 30, faults: faults(messages, 'kill:worker=0,step=5', 'stall:worker=1,ms=5000,step=12') });
      // Both faults are recovered from; on a loaded machine a retry can also outlast the timeout and be retried in turn.
      expect(messages.some((m) => m.startsWith('step 5, worker 0: attempt 1 failed (worker exited'))).toBe(true);
      expect(messages.some((m) => m.startsWith('step 12, worker 1: attempt 1 failed (no answer within 3000 ms)'))).toBe(true);
      expect(events).toHaveLength(60);
      expect(new Set(events.map((e) => `${e.step}/${e.worker}`)).size).toBe(60);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    },
    60_000,
  );
});
