import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLanes } from '../src/run-lanes.js';

interface Item {
  alone: boolean;
  ms: number;
}

/** Runs `items` through inLanes, each sleeping its ms, and records what was in flight whenever one started. */
async function trace(items: Item[], lanes: number) {
  const inFlight = new Set<number>();
  const starts: Array<{ index: number; beside: number[] }> = [];
  await inLanes(items, lanes, (item) => item.alone, async (item, index) => {
    starts.push({ index, beside: [...inFlight] });
    inFlight.add(index);
    await sleep(item.ms);
    inFlight.delete(index);
  });
  return starts;
}

const items = fc.array(fc.record({ alone: fc.boolean(), ms: fc.integer({ min: 0, max: 3 }) }), { maxLength: 12 });

describe('inLanes', () => {
  it('starts every item once, in list order, with never more than `lanes` in flight and nothing beside an item that runs alone', async () => {
    await fc.assert(
      fc.asyncProperty(items, fc.integer({ min: 1, max: 4 }), async (list, lanes) => {
        const starts = await trace(list, lanes);
        expect(starts.map((s) => s.index)).toEqual(list.map((_, i) => i));
        for (const { index, beside } of starts) {
          expect(beside.length).toBeLessThan(lanes);
          if (list[index]!.alone) expect(beside).toEqual([]);
          for (const other of beside) expect(list[other]!.alone).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps `lanes` items in flight while there are that many to run', async () => {
    const starts = await trace(Array.from({ length: 6 }, () => ({ alone: false, ms: 5 })), 3);
    expect(starts.slice(0, 3).map((s) => s.beside.length)).toEqual([0, 1, 2]);
    expect(Math.max(...starts.map((s) => s.beside.length))).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it, whether the work rejects or throws', async () => {
    for (const fail of [() => Promise.reject(new Error('run 1 failed')), () => { throw new Error('run 1 failed'); }]) {
      const started: number[] = [];
      const run = inLanes([0, 1, 2, 3], 2, () => false, (_item, index) => {
        started.push(index);
        return index === 1 ? fail() : sleep(20).then(() => undefined);
      });
      await expect(run).rejects.toThrow('run 1 failed');
      await sleep(50);
      expect(started).toEqual([0, 1]);
    }
  });

  it('resolves at once on no items, and refuses a lane count below 1', async () => {
    await expect(inLanes([], 2, () => false, () => Promise.resolve())).resolves.toBeUndefined();
    expect(() => inLanes([1], 0, () => false, () => Promise.resolve())).toThrow('lanes: 0 is not allowed; expected a whole number ≥ 1');
  });
});
