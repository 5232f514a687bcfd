import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, pairJackknife, pairwise } from '../src/index.js';

/** The jackknife written out literally, as docs/results.md's appendix does: each replica left out, the mean of the pairs left. */
function literalJackknifeSe(pairValues: number[], replicas: number): number {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < replicas; i++) for (let j = i + 1; j < replicas; j++) pairs.push([i, j]);
  const leftOut = Array.from({ length: replicas }, (_, k) => {
    const kept = pairValues.filter((_, p) => !pairs[p]!.includes(k));
    return kept.reduce((s, v) => s + v, 0) / kept.length;
  });
  const center = leftOut.reduce((s, m) => s + m, 0) / replicas;
  return Math.sqrt(((replicas - 1) / replicas) * leftOut.reduce((s, m) => s + (m - center) ** 2, 0));
}

describe('pairJackknife', () => {
  it('gives the known standard error of 3 and of 4 replicas', () => {
    // 3 replicas, pairs (0,1) → 1, (0,2) → 2, (1,2) → 3: means without each replica 3, 2, 1; √(2/3 · 2) = √(4/3).
    expect(pairJackknife([1, 2, 3], 3)).toEqual({ se: Math.sqrt(4 / 3), replicas: 3 });
    // 4 replicas: means without each replica 0.5667, 0.5, 0.2667, 0.2667 (float64 reference 0.23452078799117151).
    expect(pairJackknife([0.1, 0.4, 0.2, 0.3, 0.5, 0.9], 4).se).toBeCloseTo(0.23452078799117151, 14);
  });

  it('is 0 when every pair has the same value, and equals the literal leave-one-out formula', () => {
    expect(pairJackknife([0.3, 0.3, 0.3, 0.3, 0.3, 0.3], 4).se).toBe(0);
    // 28 pairs of 8 replicas at 0.7905: sums of the values themselves gave 2.9e-16.
    expect(pairJackknife(Array<number>(28).fill(0.7905), 8).se).toBe(0);
    const equal = fc.tuple(fc.integer({ min: 3, max: 12 }), fc.double({ min: 0, max: 2, noNaN: true }));
    fc.assert(
      fc.property(equal, ([m, v]) => {
        expect(pairJackknife(Array<number>((m * (m - 1)) / 2).fill(v), m).se).toBe(0);
      }),
    );
    const sets = fc.integer({ min: 3, max: 8 }).chain((m) => fc.tuple(fc.constant(m), fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: (m * (m - 1)) / 2, maxLength: (m * (m - 1)) / 2 })));
    fc.assert(
      fc.property(sets, ([m, values]) => {
        const expected = literalJackknifeSe(values, m);
        expect(Math.abs(pairJackknife(values, m).se - expected)).toBeLessThanOrEqual(1e-12 * (1 + expected));
      }),
    );
  });

  it('is what pairwise attaches from 3 replicas on, and pairwise attaches none to the single pair of 2', () => {
    const distance = (x: number, y: number) => Math.abs(x - y);
    expect(pairwise([0, 1, 3, 7], distance).jackknife).toEqual(pairJackknife([1, 3, 7, 2, 6, 4], 4));
    expect(pairwise([0, 1], distance).jackknife).toBeUndefined();
  });

  it('refuses fewer than 3 replicas and a value count that is not one per pair, naming what it expected', () => {
    expect(() => pairJackknife([1], 2)).toThrow(MetricInputError);
    expect(() => pairJackknife([1], 2)).toThrow(/replicas: got 2, expected at least 3/);
    expect(() => pairJackknife([1, 2], 3)).toThrow(/pairValues.length: got 2, expected 3, one value per pair of 3 replicas/);
  });
});
