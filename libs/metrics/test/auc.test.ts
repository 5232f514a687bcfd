import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, MetricInputError } from '../src/index.js';
import { expectRelativelyClose, reference } from './reference.js';

/** AUC by its definition: share of (positive, negative) pairs ranked correctly, ties ½ — O(N²), for comparison only. */
function pairCountAuc(p: number[], labels: number[]): number {
  let score = 0;
  let pairs = 0;
  p.forEach((pos, i) =>
    p.forEach((neg, j) => {
      if (labels[i] !== 1 || labels[j] !== 0) return;
      pairs++;
      score += pos > neg ? 1 : pos === neg ? 0.5 : 0;
    }),
  );
  return score / pairs;
}

describe('auc', () => {
  it('ranks without ties', () => {
    // positives 0.35, 0.8 vs negatives 0.1, 0.4: 0.35 beats 0.1 only, 0.8 beats both → 3 of 4 pairs
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tied positive–negative pair as ½', () => {
    // positive 0.5 ties both negatives (½ + ½), positive 0.9 beats both (2) → 3 of 4 pairs
    expect(auc([0.5, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toBe(0.75);
    expect(auc([0.3, 0.3, 0.3], [1, 0, 1])).toBe(0.5);
  });

  it('throws a MetricInputError naming the labels when only one class is present', () => {
    expect(() => auc([0.2, 0.7], [1, 1])).toThrow(MetricInputError);
    expect(() => auc([0.2, 0.7], [0, 0])).toThrow(/labels: got only class 0 in 2 rows, expected both classes 0 and 1/);
  });

  it('equals the pair-counting definition, ties included', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 40 });
    const bothClasses = rows.filter((r) => r.some(([, y]) => y === 0) && r.some(([, y]) => y === 1));
    fc.assert(
      fc.property(bothClasses, (r) => {
        // Scores from five levels, so most inputs contain ties.
        const p = r.map(([level]) => level / 4);
        const labels = r.map(([, y]) => y);
        expect(auc(p, labels)).toBeCloseTo(pairCountAuc(p, labels), 12);
      }),
    );
  });

  it('matches the shared reference for both models', () => {
    const { binary } = reference;
    expectRelativelyClose(auc(binary.pA, binary.labels), binary.aucA);
    expectRelativelyClose(auc(binary.pB, binary.labels), binary.aucB);
  });
});
