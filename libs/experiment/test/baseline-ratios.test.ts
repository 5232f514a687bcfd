import { describe, expect, it } from 'vitest';
import { pdRatio } from '@churnlab/metrics';
import { withBaselineRatios, type ActivationResult } from '../src/index.js';

const cell = (mean: number, replicas: number) => ({ mean, std: 0, ci95: [mean, mean] as [number, number], n: (replicas * (replicas - 1)) / 2, ...(replicas >= 3 && { jackknife: { se: mean / 10, replicas } }) });
const row = (activation: string, relative: number, workers = 2, replicas = 4): ActivationResult => ({
  activation,
  workers,
  order: 'replay',
  shuffle: 'full',
  replicas,
  pd: { relative: cell(relative, replicas), absolute: cell(relative, replicas), top1: cell(relative, replicas) },
  metrics: { logLoss: cell(0.45, 1), auc: cell(0.81, 1), accuracy: cell(0.79, 1) },
  paramsSha256: [],
  runDirs: [],
});

describe('withBaselineRatios', () => {
  it("gives every other row its relative PD against the ReLU row of its own setting, and leaves ReLU's row as it was", () => {
    const rows = [row('relu', 0.4), row('gelu', 0.2), row('relu', 0.8, 4), row('gelu', 0.2, 4)];
    const [relu, gelu, , geluOn4] = withBaselineRatios(rows);
    expect(relu).toEqual(rows[0]);
    expect(gelu!.againstBaseline).toEqual({ baseline: 'relu', ...pdRatio(rows[1]!.pd.relative!, rows[0]!.pd.relative!) });
    expect(geluOn4!.againstBaseline!.ratio).toBe(0.25);
  });

  it('gives no ratio without a ReLU row of the setting, with 2 replicas, or where a PD is 0', () => {
    for (const rows of [[row('gelu', 0.2)], [row('relu', 0.4), row('gelu', 0.2, 4)], [row('relu', 0.4, 2, 2), row('gelu', 0.2, 2, 2)], [row('relu', 0.4), row('gelu', 0)]]) {
      expect(withBaselineRatios(rows).map((r) => r.againstBaseline)).toEqual(rows.map(() => undefined));
    }
  });
});
