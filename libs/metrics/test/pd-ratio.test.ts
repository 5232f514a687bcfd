import { describe, expect, it } from 'vitest';
import { pdRatio } from '../src/index.js';

describe('pdRatio', () => {
  it('gives the known ratio and log-scale interval', () => {
    // 0.2 / 0.4 with relative standard errors 0.1 and 0.1 over 4 replicas each: t₀.₉₇₅,₃ · √0.02 = 0.45006587;
    // float64 reference 0.5 · exp(∓0.45006587) = 0.31879307537590645, 0.7842077488829118.
    const r = pdRatio({ mean: 0.2, jackknife: { se: 0.02, replicas: 4 } }, { mean: 0.4, jackknife: { se: 0.04, replicas: 4 } })!;
    expect(r.ratio).toBe(0.5);
    expect(r.ci95[0]).toBeCloseTo(0.31879307537590645, 12);
    expect(r.ci95[1]).toBeCloseTo(0.7842077488829118, 12);
  });

  it('takes the degrees of freedom of the smaller replica set', () => {
    const small = { se: 0.02, replicas: 4 };
    const large = { se: 0.04, replicas: 8 };
    const mixed = pdRatio({ mean: 0.2, jackknife: small }, { mean: 0.4, jackknife: large })!;
    const even = pdRatio({ mean: 0.2, jackknife: small }, { mean: 0.4, jackknife: { ...large, replicas: 4 } })!;
    expect(mixed.ci95).toEqual(even.ci95);
  });

  it('is undefined for a zero PD on either side and without a jackknife on either side', () => {
    const jackknife = { se: 0.01, replicas: 4 };
    expect(pdRatio({ mean: 0, jackknife }, { mean: 0.4, jackknife })).toBeUndefined();
    expect(pdRatio({ mean: 0.2, jackknife }, { mean: 0, jackknife })).toBeUndefined();
    expect(pdRatio({ mean: 0.2 }, { mean: 0.4, jackknife })).toBeUndefined();
    expect(pdRatio({ mean: 0.2, jackknife }, { mean: 0.4 })).toBeUndefined();
  });
});
