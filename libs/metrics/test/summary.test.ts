import { describe, expect, it } from 'vitest';
import { MetricInputError, summarize } from '../src/index.js';

describe('summarize', () => {
  it('uses the sample std and the Student t interval', () => {
    // mean 2.5; Σ(v−mean)² = 2.25+0.25+0.25+2.25 = 5, /3 → std √(5/3) ≈ 1.290994;
    // half-width t₀.₉₇₅,₃ · std / √4 = 3.182446 · 1.290994 / 2 ≈ 2.054260
    const s = summarize([1, 2, 3, 4]);
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.ci95[0]).toBeCloseTo(2.5 - 2.05426, 6);
    expect(s.ci95[1]).toBeCloseTo(2.5 + 2.05426, 6);
  });

  it('with two values the half-width is t₀.₉₇₅,₁ = 12.7062 times std/√2', () => {
    // mean 2, std √2, half-width 12.7062 · √2 / √2 = 12.7062
    const s = summarize([1, 3]);
    expect(s.std).toBeCloseTo(Math.SQRT2, 15);
    expect(s.ci95[0]).toBeCloseTo(2 - 12.7062, 4);
    expect(s.ci95[1]).toBeCloseTo(2 + 12.7062, 4);
  });

  it('is degenerate for one value', () => {
    expect(summarize([0.3])).toEqual({ mean: 0.3, std: 0, ci95: [0.3, 0.3], n: 1 });
  });

  it('rejects no values and non-finite values', () => {
    expect(() => summarize([])).toThrow(MetricInputError);
    expect(() => summarize([1, Number.NaN])).toThrow(/values\[1\]: got NaN, expected a finite number/);
  });
});
