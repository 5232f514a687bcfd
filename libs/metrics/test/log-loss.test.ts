import { describe, expect, it } from 'vitest';
import { logLoss } from '../src/index.js';
import { expectRelativelyClose, reference } from './reference.js';

const minusLogEpsilon = -Math.log(1e-7); // 16.118095650958...

describe('logLoss', () => {
  it('binary: mean of −log p(true class)', () => {
    // −(log 0.5 + log(1 − 0.25))/2 = (log 2 + log 4/3)/2 = log(8/3)/2
    expect(logLoss([0.5, 0.25], [1, 0], 1)).toBeCloseTo(Math.log(8 / 3) / 2, 15);
  });

  it('binary: clips certain mistakes to 1e-7 instead of returning Infinity', () => {
    // both rows are certain and wrong: −log(1e-7) each, the second within 1e-9 (see the next test)
    expect(logLoss([0, 1], [1, 0], 1)).toBeCloseTo(minusLogEpsilon, 7);
  });

  it('binary: clips p itself, so a certain miss of class 0 costs −log(1 − (1 − 1e-7)) in float64', () => {
    // 1 − 1e-7 rounds so that 1 minus it is 9.999999994736442e-8, not 1e-7 (what clipping 1 − p would give)
    expect(logLoss([1], [0], 1)).toBe(-Math.log(9.999999994736442e-8));
  });

  it('binary: clips certain hits to 1 − 1e-7, so the loss is ~1e-7 rather than 0', () => {
    expect(logLoss([1, 0], [1, 0], 1)).toBeCloseTo(-Math.log(1 - 1e-7), 15);
    expect(logLoss([1, 0], [1, 0], 1)).toBeGreaterThan(0);
  });

  it('multiclass: labels index the columns, with the same clip', () => {
    // row 0: −log 0.5; row 1: label 2 has p = 0 → −log 1e-7; mean of the two
    expect(logLoss([0.5, 0.25, 0.25, 0.125, 0.875, 0], [0, 2], 3)).toBeCloseTo((Math.log(2) + minusLogEpsilon) / 2, 14);
  });

  it('matches the shared reference for both models', () => {
    const { binary } = reference;
    expectRelativelyClose(logLoss(binary.pA, binary.labels, 1), binary.logLossA);
    expectRelativelyClose(logLoss(binary.pB, binary.labels, 1), binary.logLossB);
  });
});
