import { pdRatio, type PdRatio } from '@churnlab/metrics';
import type { ActivationResult } from './replica-sets.js';

/** The activation every other one is measured against, as in DESIGN §1's "PD relative to ReLU". */
const BASELINE = 'relu';

/** A row's PD (relative, or L1 for multi-class) as a multiple of the `baseline` activation's trained the same way. */
export interface BaselineRatio extends PdRatio {
  baseline: string;
}

/**
 * `results` with each row's PD as a multiple of ReLU's trained the same way (worker count, order, shuffle, replicas),
 * with a 95% interval from the replica jackknife (the pairs share replicas, so their own spread is too narrow for
 * this). Left out for ReLU itself and where no ratio can be given: no ReLU row of the setting, 2 replicas (no
 * jackknife), or a PD of 0.
 */
export function withBaselineRatios(results: ActivationResult[]): ActivationResult[] {
  const setting = (row: ActivationResult) => JSON.stringify([row.workers, row.order, row.shuffle, row.replicas]);
  const baselines = new Map(results.filter((row) => row.activation === BASELINE).map((row) => [setting(row), row]));
  return results.map((row) => {
    const baseline = baselines.get(setting(row));
    const kind = row.pd.relative ? 'relative' : 'l1';
    const ratio = baseline && baseline !== row ? pdRatio(row.pd[kind]!, baseline.pd[kind]!) : undefined;
    return ratio ? { ...row, againstBaseline: { baseline: BASELINE, ...ratio } } : row;
  });
}
