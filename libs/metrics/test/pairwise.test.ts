import { describe, expect, it } from 'vitest';
import { MetricInputError, pairwise } from '../src/index.js';

describe('pairwise', () => {
  it('visits each unordered pair once, in i < j order', () => {
    const seen: string[] = [];
    pairwise(['a', 'b', 'c', 'd'], (x, y) => {
      seen.push(x + y);
      return 0;
    });
    expect(seen).toEqual(['ab', 'ac', 'ad', 'bc', 'bd', 'cd']);
  });

  it('summarizes the pair values', () => {
    // pairs (0,1) → 1, (0,3) → 3, (1,3) → 2: mean 2, std 1, half-width t₀.₉₇₅,₂ · 1/√3 = 4.302653/1.732051 ≈ 2.484138
    const s = pairwise([0, 1, 3], (x, y) => Math.abs(x - y));
    expect(s.n).toBe(3);
    expect(s.mean).toBe(2);
    expect(s.std).toBe(1);
    expect(s.ci95![0]).toBeCloseTo(2 - 2.484138, 6);
    expect(s.ci95![1]).toBeCloseTo(2 + 2.484138, 6);
  });

  it('gives the single pair of 2 replicas no std and no interval', () => {
    expect(pairwise([0.2, 0.5], (x, y) => Math.abs(x - y))).toEqual({ mean: 0.3, std: null, ci95: null, n: 1 });
  });

  it('throws for fewer than 2 replicas', () => {
    expect(() => pairwise([1], () => 0)).toThrow(MetricInputError);
    expect(() => pairwise([], () => 0)).toThrow(/replicas.length: got 0, expected at least 2/);
  });
});
