import { describe, expect, it } from 'vitest';
import { MetricInputError, summarize } from '../src/index.js';
import { reference } from './reference.js';

/** Asserts that `actual` is within `ulps` units in the last place of `expected`. */
function expectWithinUlps(actual: number, expected: number, ulps: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(ulps * Number.EPSILON * Math.abs(expected));
}

describe('summarize', () => {
  it('uses the sample std and the Student t interval', () => {
    // mean 2.5; Σ(v−mean)² = 2.25+0.25+0.25+2.25 = 5, /3 → std √(5/3) ≈ 1.290994;
    // half-width t₀.₉₇₅,₃ · std / √4 = 3.182446 · 1.290994 / 2 ≈ 2.054260
    const s = summarize([1, 2, 3, 4]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.ci95![0]).toBeCloseTo(2.5 - 2.05426, 6);
    expect(s.ci95![1]).toBeCloseTo(2.5 + 2.05426, 6);
  });

  it('with two values the half-width is t₀.₉₇₅,₁ = 12.7062 times std/√2', () => {
    // mean 2, std √2, half-width 12.7062 · √2 / √2 = 12.7062
    const s = summarize([1, 3]);
    expect(s.std).toBeCloseTo(Math.SQRT2, 15);
    expect(s.ci95![0]).toBeCloseTo(2 - 12.7062, 4);
    expect(s.ci95![1]).toBeCloseTo(2 + 12.7062, 4);
  });

  it('gives bit-identical values exactly their value, a std of 0 and a zero-width interval', () => {
    // Three replicas of one setting that score the same accuracy: Σv/n alone gave 0.7905000000000001 ± 1.36e-16.
    expect(summarize([0.7905, 0.7905, 0.7905])).toEqual({ mean: 0.7905, std: 0, ci95: [0.7905, 0.7905], n: 3 });
    expect(summarize(Array<number>(7).fill(0.1))).toEqual({ mean: 0.1, std: 0, ci95: [0.1, 0.1], n: 7 });
    expect(summarize([-3.3, -3.3])).toEqual({ mean: -3.3, std: 0, ci95: [-3.3, -3.3], n: 2 });
  });

  // Known values: the exact mean and sample std of the doubles given, in rational arithmetic (Python fractions, square
  // root to 60 digits), rounded to the nearest double.
  it('matches the exact mean and std of two adjacent doubles, where deviations from a rounded mean lose 41%', () => {
    // 0.7905 and the next double up (1 ulp = 1.11e-16): mean 0.790500000000000035971…, std 7.8504622934188753e-17.
    const s = summarize([0.7905, 0.7905000000000001]);
    expectWithinUlps(s.mean, 0.7905, 1);
    expectWithinUlps(s.std!, 7.850462293418876e-17, 2);
  });

  it('matches the exact mean and std of the reference predictions and of values far from 0', () => {
    // ../shared/reference/metrics.json binary.pA and pB (64 values each); the file itself has no summary values.
    const a = summarize(reference.binary.pA);
    expectWithinUlps(a.mean, 0.5263210568325781, 1);
    expectWithinUlps(a.std!, 0.2717800302248295, 2);
    const b = summarize(reference.binary.pB);
    expectWithinUlps(b.mean, 0.5266259615381401, 1);
    expectWithinUlps(b.std!, 0.26857355461522603, 2);
    // Welford's example: 1e9 + {4, 7, 13, 16} has mean 1e9 + 10 and variance exactly 30.
    const far = summarize([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(far.mean).toBe(1e9 + 10);
    expectWithinUlps(far.std!, Math.sqrt(30), 1);
  });

  it('gives one value no std and no interval (null), not a certain-looking 0 and [value, value]', () => {
    expect(summarize([0.3])).toEqual({ mean: 0.3, std: null, ci95: null, n: 1 });
    // Through JSON (results.json, --json) too: null, where a reader could take 0 for a measured spread.
    expect(JSON.parse(JSON.stringify(summarize([0.0371])))).toEqual({ mean: 0.0371, std: null, ci95: null, n: 1 });
  });

  it('rejects no values and non-finite values', () => {
    expect(() => summarize([])).toThrow(MetricInputError);
    expect(() => summarize([1, Number.NaN])).toThrow(/values\[1\]: got NaN, expected a finite number/);
  });
});
