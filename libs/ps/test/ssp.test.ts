import { describe, expect, it } from 'vitest';
import { orderPolicy, type UpdateEvent } from '../src/index.js';
import type { TurnDelay } from './turn-delay.js';
import { steps, train } from './training-harness.js';

const workers = 3;
/** Worker 1 waits 6 more turns per step; the others only yield a turn, so without a bound they race ahead. */
const slowWorker1: TurnDelay = (worker) => (worker === 1 ? 6 : 0);

/** The largest lead in the event log: a worker's step minus the steps the slowest worker had finished when it was applied. */
function maxLead(events: UpdateEvent[]): number {
  const finished = new Array<number>(workers).fill(0);
  let lead = 0;
  for (const e of events) {
    lead = Math.max(lead, e.step - Math.min(...finished));
    finished[e.worker] = e.step + 1;
  }
  return lead;
}

describe('ssp:K order (stale synchronous parallel)', () => {
  it('parses ssp:K for any whole K and refuses other forms', () => {
    expect(orderPolicy('ssp:0').name).toBe('ssp:0');
    expect(orderPolicy('ssp:12').guarantee).toMatch(/more than 12 steps ahead/);
    for (const name of ['ssp:', 'ssp:-1', 'ssp:1.5', 'ssp', 'ssp:x']) expect(() => orderPolicy(name), name).toThrow(RangeError);
    expect(() => orderPolicy('ssp:99999999999999999999')).toThrow('order: "ssp:100000000000000000000" is not allowed; expected ssp:K with K a whole number ≥ 0');
  });

  it.each([0, 1, 3])('never lets a worker run more than %i steps ahead of the slowest, according to the event log', async (k) => {
    const run = await train({ order: `ssp:${k}`, workers, delay: slowWorker1 });
    expect(run.events).toHaveLength(workers * steps);
    expect(maxLead(run.events)).toBeLessThanOrEqual(k);
    // The bound is what holds the fast workers back: they do use the lead they are given.
    expect(maxLead(run.events)).toBe(k);
  });

  it('measures leads that async, under the same delays, does exceed (so the check can fail)', async () => {
    const run = await train({ order: 'async', workers, delay: slowWorker1 });
    expect(maxLead(run.events)).toBeGreaterThan(3);
  });

  it('with K = 0 finishes every step on all workers before any worker starts the next', async () => {
    const run = await train({ order: 'ssp:0', workers, delay: slowWorker1 });
    expect(run.events.map((e) => e.step)).toEqual(Array.from({ length: steps * workers }, (_, i) => Math.floor(i / workers)));
    expect(run.events.map((e) => e.orderKey)).toEqual(run.events.map((e) => e.version - 1));
  });
});
