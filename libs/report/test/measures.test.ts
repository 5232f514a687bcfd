import { describe, expect, it } from 'vitest';
import { plottedPd, reportedMeasures } from '../src/index.js';
import { binaryRow, multiClassRow } from './fixtures.js';

describe('plottedPd', () => {
  it('plots relative PD when every row is binary', () => {
    const pd = plottedPd([binaryRow('relu', 1, 0.15, 0.45), binaryRow('smelu:1', 1, 0.1, 0.45)]);
    expect(pd.title).toBe('relative PD');
    expect(pd.pick(binaryRow('relu', 1, 0.15, 0.45))?.mean).toBe(0.15);
  });

  it('plots L1 PD when relative PD is absent (multi-class)', () => {
    const pd = plottedPd([multiClassRow('relu', 1, 0.2, 0.3)]);
    expect(pd.title).toBe('L1 PD');
    expect(pd.pick(multiClassRow('relu', 1, 0.2, 0.3))?.mean).toBe(0.2);
  });

  it('refuses rows that mix binary and multi-class results', () => {
    expect(() => plottedPd([binaryRow('relu', 1, 0.15, 0.45), multiClassRow('gelu', 1, 0.2, 0.3)])).toThrow(/mix binary .* multi-class/);
  });

  it('names a row that has neither relative nor L1 PD', () => {
    const bare = { ...binaryRow('swish:1', 1, 0.1, 0.4), pd: { top1: { mean: 0.1, std: 0, ci95: [0.1, 0.1] as [number, number] } } };
    expect(() => plottedPd([bare])).toThrow(/swish:1 has neither relative PD nor L1 PD/);
  });
});

describe('reportedMeasures', () => {
  it('lists every binary measure in table order', () => {
    expect(reportedMeasures([binaryRow('relu', 1, 0.15, 0.45)]).map((m) => m.key)).toEqual(['relative_pd', 'absolute_pd', 'top1_pd', 'log_loss', 'auc', 'accuracy']);
  });

  it('leaves out relative PD, absolute PD and a NaN AUC for multi-class rows', () => {
    expect(reportedMeasures([multiClassRow('relu', 1, 0.2, 0.3)]).map((m) => m.key)).toEqual(['l1_pd', 'top1_pd', 'log_loss', 'accuracy']);
  });
});
