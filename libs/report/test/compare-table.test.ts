import { describe, expect, it } from 'vitest';
import { compareTable, formatSpread, type CompareRow } from '../src/index.js';

const cell = (mean: number, std = 0.001) => ({ mean, std, ci95: [mean - 2 * std, mean + 2 * std] as [number, number] });
const binaryRow = (activation: string, relative: number): CompareRow => ({
  activation,
  replicas: 4,
  pd: { relative: cell(relative), absolute: cell(relative / 3), top1: cell(0.01) },
  metrics: { logLoss: cell(0.45), auc: cell(0.81), accuracy: cell(0.79) },
});

describe('compareTable', () => {
  it('shows every binary PD and accuracy column with mean ± std', () => {
    const text = compareTable([binaryRow('relu', 0.1234), binaryRow('smelu:1', 0.0567)]);
    for (const head of ['activation', 'replicas', 'relative PD', 'absolute PD', 'top-1 PD', 'log loss', 'AUC', 'accuracy']) expect(text).toContain(head);
    expect(text).toContain('0.1234 ± 0.0010');
    expect(text).toContain('0.0567 ± 0.0010');
    expect(text.indexOf('relu')).toBeLessThan(text.indexOf('smelu:1'));
  });

  it('shows L1 PD and no AUC for multi-class results', () => {
    const row: CompareRow = { activation: 'gelu', replicas: 2, pd: { l1: cell(0.2), top1: cell(0.05) }, metrics: { logLoss: cell(0.3), auc: cell(Number.NaN), accuracy: cell(0.9) } };
    const text = compareTable([row]);
    expect(text).toContain('L1 PD');
    expect(text).not.toContain('AUC');
    expect(text).not.toContain('relative PD');
  });

  it('formats a missing or NaN cell as a dash', () => {
    expect(formatSpread(undefined)).toBe('–');
    expect(formatSpread(cell(Number.NaN))).toBe('–');
    expect(formatSpread(cell(0.5, 0.25))).toBe('0.5000 ± 0.2500');
    expect(formatSpread(cell(0.471, 3.546e-5))).toBe('0.4710 ± 3.5e-5');
    expect(formatSpread(cell(0.5, 0))).toBe('0.5000 ± 0.0000');
    // One replica pair (2 replicas) has no spread: summarize gives it no std and no interval (null).
    expect(formatSpread({ mean: 0.5, std: null, ci95: null, n: 1 })).toBe('0.5000 ± –');
    expect(formatSpread({ mean: 0.5, std: null, ci95: null })).toBe('0.5000 ± –');
    // As older results.json files have it: a std of 0 with n 1 must not read as certainty either.
    expect(formatSpread({ ...cell(0.5, 0), n: 1 })).toBe('0.5000 ± –');
    expect(formatSpread({ ...cell(0.5, 0.25), n: 2 })).toBe('0.5000 ± 0.2500');
  });
});
