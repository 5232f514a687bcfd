import { describe, expect, it } from 'vitest';
import { absolutePd, l1Pd, pairwise, pdReport, relativePd, top1Pd } from '../src/index.js';

describe('pdReport', () => {
  const binary = [
    [0.25, 0, 0.5, 1],
    [0.75, 0, 0.5, 0],
    new Float32Array([0.5, 0.125, 0.5, 1]),
  ];
  const multiclass = [
    [0.5, 0.25, 0.25, 1, 0, 0],
    [0.25, 0.25, 0.5, 0, 0, 1],
  ];

  it('K = 1 reports relative, absolute and top-1 PD over all pairs', () => {
    expect(pdReport(binary, 1)).toEqual({
      relative: pairwise(binary, relativePd),
      absolute: pairwise(binary, absolutePd),
      top1: pairwise(binary, (a, b) => top1Pd(a, b, 1)),
    });
  });

  it('K > 1 reports L1 and top-1 PD', () => {
    // one pair: l1Pd 0.625 (see pd.test.ts); decisions 0,0 vs 2,2 → top-1 PD 1
    const report = pdReport(multiclass, 3);
    expect(Object.keys(report).sort()).toEqual(['l1', 'top1']);
    expect(report.l1?.mean).toBe(l1Pd(multiclass[0]!, multiclass[1]!, 3));
    expect(report.top1.mean).toBe(1);
  });

  it('names the offending replica', () => {
    expect(() => pdReport([[0.1, 0.2], [0.1]], 1)).toThrow('replicas[1].length: got 1, expected 2 (the length of replicas[0])');
    expect(() => pdReport([[0.1, 0.2], [0.1, 2]], 1)).toThrow('replicas[1][1]: got 2, expected a finite probability in [0, 1]');
    expect(() => pdReport([[0.1, 0.2]], 1)).toThrow('replicas.length: got 1, expected at least 2');
  });
});
