import { describe, expect, it } from 'vitest';
import { parseActivation, type Activation } from '../src/index.js';
import { centralDifference, extraSpecs, midpoints, mismatches, reference, referenceOf, referenceSpecs } from './reference-data.js';

const FLOAT64_TOLERANCE = { rel: 1e-9, abs: 1e-9 };

/** Where SmeLU-like activations switch pieces: −β and β, or −alpha and beta. */
function knotsOf(activation: Activation): number[] {
  const { alpha, beta } = activation.params as { alpha?: number; beta: number };
  return [-(alpha ?? beta), beta];
}

describe.each(referenceSpecs)('scalar reference of %s', (spec) => {
  const { f, df } = parseActivation(spec).reference;
  const expected = referenceOf(spec);

  it('f matches the reference values', () => {
    expect(mismatches(reference.x, reference.x.map(f), expected.f, FLOAT64_TOLERANCE)).toEqual([]);
  });

  it('df matches the reference derivative', () => {
    expect(mismatches(reference.x, reference.x.map(df), expected.df, FLOAT64_TOLERANCE)).toEqual([]);
  });

  it('df matches central finite differences of f between the grid points', () => {
    const numeric = midpoints.map((x) => centralDifference(f, x));
    expect(mismatches(midpoints, midpoints.map(df), numeric, { rel: 1e-7, abs: 1e-7 })).toEqual([]);
  });
});

const piecewiseSpecs = [...referenceSpecs, ...extraSpecs].filter((spec) => /^g?smelu:/.test(spec));

describe.each(piecewiseSpecs)('continuity of %s at its knots', (spec) => {
  const activation = parseActivation(spec);
  const { f, df } = activation.reference;
  const epsilon = 1e-9;

  it.each(knotsOf(activation))('value and slope agree left and right of x = %s', (knot) => {
    expect(Math.abs(f(knot - epsilon) - f(knot + epsilon))).toBeLessThan(1e-6);
    expect(Math.abs(df(knot - epsilon) - df(knot + epsilon))).toBeLessThan(1e-6);
  });
});

describe('SmeLU check values (DESIGN §1)', () => {
  it('β = 1.5 at x = [−2.5, −1, 0.5, 1, 2.5] is [0, 0.0416667, 0.6666667, 1.0416667, 2.5]', () => {
    const { f } = parseActivation('smelu:1.5').reference;
    const x = [-2.5, -1, 0.5, 1, 2.5];
    expect(mismatches(x, x.map(f), [0, 0.0416667, 0.6666667, 1.0416667, 2.5], { rel: 0, abs: 5e-8 })).toEqual([]);
  });

  it.each([0.01, 0.5, 1, 1.5, 3, 100])('SmeLU(0) = β/4 for β = %s', (beta) => {
    expect(parseActivation(`smelu:${beta}`).reference.f(0)).toBeCloseTo(beta / 4, 12);
  });
});

describe('generalised SmeLU', () => {
  it.each([0.5, 1, 1.5, 3])('with gneg=0, gpos=1, alpha=beta=%s equals smelu', (beta) => {
    const smelu = parseActivation(`smelu:${beta}`).reference;
    const general = parseActivation(`gsmelu:alpha=${beta},beta=${beta},gneg=0,gpos=1,t=0`).reference;
    const x = [...reference.x, ...midpoints];
    expect(mismatches(x, x.map(general.f), x.map(smelu.f), { rel: 1e-12, abs: 1e-12 })).toEqual([]);
    expect(mismatches(x, x.map(general.df), x.map(smelu.df), { rel: 1e-12, abs: 1e-12 })).toEqual([]);
  });

  it('passes through t at −alpha and is linear with slopes gneg and gpos outside the knots', () => {
    const { f } = parseActivation('gsmelu:alpha=2,beta=0.5,gneg=-0.2,gpos=1.5,t=0.3').reference;
    expect(f(-2)).toBeCloseTo(0.3, 12);
    expect(f(-5) - f(-6)).toBeCloseTo(-0.2, 12);
    expect(f(6) - f(5)).toBeCloseTo(1.5, 12);
  });
});
