import { describe, expect, it } from 'vitest';
import { accuracy } from '../src/index.js';
import { expectRelativelyClose, reference } from './reference.js';

describe('accuracy', () => {
  it('binary: p ≥ 0.5 is class 1', () => {
    // decisions 1, 0, 1, 0 vs labels 1, 1, 0, 0 → rows 0 and 3 correct → 2/4
    expect(accuracy([0.5, 0.49, 0.9, 0.1], [1, 1, 0, 0], 1)).toBe(0.5);
  });

  it('multiclass: the first maximal column is the decision', () => {
    // row 0 ties columns 0 and 1 → 0 = label; row 1 ties 1 and 2 → 1 = label → 2/2 (last-wins would give 0/2)
    expect(accuracy([0.4, 0.4, 0.2, 0.2, 0.4, 0.4], [0, 1], 3)).toBe(1);
  });

  it('matches the shared reference', () => {
    expectRelativelyClose(accuracy(reference.binary.pA, reference.binary.labels, 1), reference.binary.accuracyA);
  });
});
