import { describe, expect, it } from 'vitest';
import { middleBy } from '../src/roofline-rounds.js';

describe('middleBy', () => {
  it('picks the item with the median value, the lower middle one for an even count', () => {
    const rounds = [{ gflops: 30, round: 1 }, { gflops: 25, round: 2 }, { gflops: 29, round: 3 }];
    expect(middleBy(rounds, (r) => r.gflops)).toEqual({ gflops: 29, round: 3 });
    expect(middleBy([...rounds, { gflops: 10, round: 4 }], (r) => r.gflops)).toEqual({ gflops: 25, round: 2 });
    expect(middleBy([rounds[0]!], (r) => r.gflops)).toBe(rounds[0]);
  });

  it('leaves its input in order and refuses an empty list', () => {
    const values = [3, 1, 2];
    middleBy(values, (v) => v);
    expect(values).toEqual([3, 1, 2]);
    expect(() => middleBy([], (v: number) => v)).toThrow(RangeError);
  });
});
