import { describe, expect, it } from 'vitest';
import { accuracy, l1Pd, logLoss, MetricInputError, relativePd } from '../src/index.js';

describe('input validation', () => {
  it.each([
    ['mismatched lengths', () => relativePd([0.1, 0.2], [0.1]), 'b.length: got 1, expected 2 (the length of a)'],
    ['no rows', () => relativePd([], []), 'a.length: got 0, expected a positive multiple of classes (1)'],
    ['a partial row', () => l1Pd([0.5, 0.5, 1], [0.5, 0.5, 1], 2), 'a.length: got 3, expected a positive multiple of classes (2)'],
    ['NaN', () => relativePd([0.1], [Number.NaN]), 'b[0]: got NaN, expected a finite probability in [0, 1]'],
    ['Infinity', () => relativePd([Infinity], [0.1]), 'a[0]: got Infinity, expected a finite probability in [0, 1]'],
    ['a negative probability', () => relativePd([0.1, -0.5], [0.1, 0.2]), 'a[1]: got -0.5, expected a finite probability in [0, 1]'],
    ['zero classes', () => l1Pd([0.1], [0.1], 0), 'classes: got 0, expected a positive integer'],
    ['fractional classes', () => l1Pd([0.1], [0.1], 1.5), 'classes: got 1.5, expected a positive integer'],
    ['L1 PD of one binary column', () => l1Pd([0.2, 0.7], [0.6, 0.1], 1), 'classes: got 1, expected at least 2 class columns (for one binary column, absolutePd is its L1 PD)'],
    ['a label per row missing', () => accuracy([0.1, 0.9], [1], 1), 'labels.length: got 1, expected 2 (one label per row)'],
    ['a binary label of 2', () => logLoss([0.1, 0.9], [0, 2], 1), 'labels[1]: got 2, expected a class index in 0..1'],
    ['a class index out of range', () => logLoss([0.5, 0.5], [2], 2), 'labels[0]: got 2, expected a class index in 0..1'],
  ])('rejects %s with a message naming argument, value and expectation', (_, call, message) => {
    expect(call).toThrow(MetricInputError);
    expect(call).toThrow(message);
  });
});
