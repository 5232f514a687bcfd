import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutePd, l1Pd, relativePd, top1Pd, type Predictions } from '../src/index.js';
import { distributions, probabilities } from './arbitraries.js';
import { expectRelativelyClose, reference } from './reference.js';

describe('hand-computed values', () => {
  const a = [0.25, 0, 0.5, 1];
  const b = [0.75, 0, 0.5, 0];

  it('relativePd: a row where both are 0 contributes 0, and a 1-vs-0 row contributes the maximum 2', () => {
    // rows: |0.25−0.75|/0.5 = 1, both 0 → 0, 0/0.5 = 0, |1−0|/0.5 = 2; mean (1+0+0+2)/4 = 0.75
    expect(relativePd(a, b)).toBe(0.75);
  });

  it('relativePd is 0, not NaN, when every row is 0 in both', () => {
    expect(relativePd([0, 0], new Float32Array(2))).toBe(0);
  });

  it('relativePd stays at 2, not Infinity, for a subnormal against 0', () => {
    // (MIN_VALUE + 0)/2 rounds to 0 in float64, so the textbook form would divide by 0
    expect(relativePd([Number.MIN_VALUE], [0])).toBe(2);
  });

  it('absolutePd', () => {
    // (0.5 + 0 + 0 + 1)/4 = 0.375
    expect(absolutePd(a, b)).toBe(0.375);
  });

  it('l1Pd', () => {
    // row 0: ½(0.25 + 0 + 0.25) = 0.25; row 1: ½(1 + 0 + 1) = 1; mean 0.625
    expect(l1Pd([0.5, 0.25, 0.25, 1, 0, 0], [0.25, 0.25, 0.5, 0, 0, 1], 3)).toBe(0.625);
  });

  it('top1Pd (K = 1) decides at 0.5 with p ≥ 0.5 positive', () => {
    // decisions a: 1,0,1,1  b: 0,0,1,0 → rows 0 and 3 differ → 2/4
    expect(top1Pd([0.5, 0.2, 0.9, 0.5], [0.4999, 0.3, 0.6, 0.1], 1)).toBe(0.5);
  });

  it('top1Pd (K > 1) breaks argmax ties by the first maximal column', () => {
    // a ties columns 0 and 1 → 0; b picks 0 → same, so 0 (a last-wins rule would give 1)
    expect(top1Pd([0.4, 0.4, 0.2], [0.5, 0.3, 0.2], 3)).toBe(0);
    // a → 0, b picks 1 → differs, so 1 (a last-wins rule would give 0)
    expect(top1Pd([0.4, 0.4, 0.2], [0.3, 0.5, 0.2], 3)).toBe(1);
  });
});

describe('against the shared reference', () => {
  const { binary, multiclass } = reference;
  const classes = multiclass.pA[0]!.length;

  it('binary relativePd, absolutePd, top1Pd', () => {
    expectRelativelyClose(relativePd(binary.pA, binary.pB), binary.relativePd);
    expectRelativelyClose(absolutePd(binary.pA, binary.pB), binary.absolutePd);
    expectRelativelyClose(top1Pd(binary.pA, binary.pB, 1), binary.top1Pd);
  });

  it(`multiclass l1Pd, top1Pd (nested rows of ${classes} flattened row-major)`, () => {
    expectRelativelyClose(l1Pd(multiclass.pA.flat(), multiclass.pB.flat(), classes), multiclass.l1Pd);
    expectRelativelyClose(top1Pd(multiclass.pA.flat(), multiclass.pB.flat(), classes), multiclass.top1Pd);
  });
});

interface Pair {
  a: Predictions;
  b: Predictions;
  classes: number;
}

const binaryPairs: fc.Arbitrary<Pair> = fc
  .integer({ min: 1, max: 20 })
  .chain((rows) => fc.record({ a: probabilities(rows), b: probabilities(rows), classes: fc.constant(1) }));

const multiclassPairs: fc.Arbitrary<Pair> = fc
  .record({ rows: fc.integer({ min: 1, max: 20 }), classes: fc.integer({ min: 2, max: 6 }) })
  .chain(({ rows, classes }) =>
    fc.record({ a: distributions(rows, classes), b: distributions(rows, classes), classes: fc.constant(classes) }),
  );

describe.each([
  { name: 'relativePd', pd: relativePd, pairs: binaryPairs, max: 2 },
  { name: 'absolutePd', pd: absolutePd, pairs: binaryPairs, max: 1 },
  { name: 'top1Pd (K = 1)', pd: top1Pd, pairs: binaryPairs, max: 1 },
  // Normalised rows can sum to 1 + a few ulp, so ½Σ|Δ| may exceed 1 by that much.
  { name: 'l1Pd', pd: l1Pd, pairs: multiclassPairs, max: 1 + 1e-12 },
  { name: 'top1Pd (K > 1)', pd: top1Pd, pairs: multiclassPairs, max: 1 },
])('$name properties', ({ pd, pairs, max }) => {
  it('is symmetric', () => {
    fc.assert(fc.property(pairs, ({ a, b, classes }) => {
        expect(pd(b, a, classes)).toBe(pd(a, b, classes));
      }));
  });

  it('is 0 on identical predictions', () => {
    fc.assert(fc.property(pairs, ({ a, classes }) => {
        expect(pd(a, Array.from(a), classes)).toBe(0);
      }));
  });

  it(`lies in [0, ${max}]`, () => {
    fc.assert(
      fc.property(pairs, ({ a, b, classes }) => {
        const value = pd(a, b, classes);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(max);
      }),
    );
  });
});
