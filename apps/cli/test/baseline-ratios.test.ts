import { describe, expect, it } from 'vitest';
import { withBaselineRatios, type ActivationResult } from '@churnlab/experiment';
import { baselineRatios as formatRatios } from '../src/baseline-ratios.js';
import { resultSummary } from '../src/result-summary.js';

const cell = (mean: number, replicas: number) => ({
  mean,
  std: mean / 10,
  ci95: [0, 2 * mean] as [number, number],
  n: (replicas * (replicas - 1)) / 2,
  // A relative standard error of 0.1, as in metrics' pdRatio reference.
  ...(replicas >= 3 && { jackknife: { se: mean / 10, replicas } }),
});
const row = (activation: string, relative: number, { replicas = 4, order = 'replay', multiClass = false } = {}): ActivationResult =>
  ({
    activation,
    order,
    shuffle: 'full',
    workers: 2,
    replicas,
    pd: multiClass ? { l1: cell(relative, replicas), top1: cell(relative, replicas) } : { relative: cell(relative, replicas), absolute: cell(relative, replicas), top1: cell(relative, replicas) },
    metrics: { logLoss: cell(0.45, 1), auc: cell(0.81, 1), accuracy: cell(0.79, 1) },
    paramsSha256: [],
    runDirs: [],
  }) as unknown as ActivationResult;

/** The lines under the table for rows as the experiment hands them over, each with its ratio to ReLU's where it has one. */
const baselineRatios = (rows: ActivationResult[]) => formatRatios(withBaselineRatios(rows));

describe("each activation's PD as a multiple of ReLU's, under the comparison's table", () => {
  it('gives the ratio and its replica-jackknife interval for every other activation, in row order', () => {
    // 0.2/0.4 and 0.6/0.4 with relative standard errors 0.1 over 4 replicas: 0.5 · exp(∓0.450066), 1.5 · exp(∓0.450066).
    const text = baselineRatios([row('relu', 0.4), row('gelu', 0.2), row('smelu:1', 0.6)]);
    expect(text).toBe("relative PD as a multiple of relu's (95%, replica jackknife): gelu 0.50× (0.32–0.78), smelu:1 1.50× (0.96–2.35)\n");
  });

  it('stands under the table in the summary, and says L1 PD for a multi-class model', () => {
    const summary = resultSummary({ results: withBaselineRatios([row('relu', 0.4), row('gelu', 0.2)]), betweenWorkerCounts: [] }, 'out', 'out/report.html');
    expect(summary.indexOf('gelu 0.50×')).toBeGreaterThan(summary.indexOf('PD: mean ± std'));
    expect(baselineRatios([row('relu', 0.4, { multiClass: true }), row('gelu', 0.2, { multiClass: true })])).toMatch(/^L1 PD as a multiple of relu's/);
  });

  it('measures each row against the ReLU row trained the same way, and names the setting when there are several', () => {
    const text = baselineRatios([row('relu', 0.4), row('gelu', 0.2), row('relu', 0.8, { order: 'async' }), row('gelu', 0.2, { order: 'async' })]);
    expect(text.split('\n')).toEqual([
      "2 workers, replay, shuffle full, 4 replicas: relative PD as a multiple of relu's (95%, replica jackknife): gelu 0.50× (0.32–0.78)",
      "2 workers, async, shuffle full, 4 replicas: relative PD as a multiple of relu's (95%, replica jackknife): gelu 0.25× (0.16–0.39)",
      '',
    ]);
  });

  it('names the setting when only one of several has ratios, so that the reader knows which', () => {
    const text = baselineRatios([row('relu', 0.4, { replicas: 2 }), row('gelu', 0.2, { replicas: 2 }), row('relu', 0.4), row('gelu', 0.2)]);
    expect(text).toBe("2 workers, replay, shuffle full, 4 replicas: relative PD as a multiple of relu's (95%, replica jackknife): gelu 0.50× (0.32–0.78)\n");
  });

  it('says nothing without a ReLU row, with 2 replicas (no jackknife), or where a PD is 0', () => {
    expect(baselineRatios([row('gelu', 0.2), row('swish:1', 0.1)])).toBe('');
    expect(baselineRatios([row('relu', 0.4, { replicas: 2 }), row('gelu', 0.2, { replicas: 2 })])).toBe('');
    expect(baselineRatios([row('relu', 0), row('gelu', 0)])).toBe('');
    expect(baselineRatios([row('relu', 0.4)])).toBe('');
  });
});
