import type { ActivationResult } from '@churnlab/experiment';
import { pdRatio } from '@churnlab/metrics';

/** The activation every other one is measured against, as in DESIGN §1's "PD relative to ReLU". */
const BASELINE = 'relu';

/**
 * Lines under the table giving each activation's PD as a multiple of ReLU's trained the same way, with a 95% interval
 * from the replica jackknife (the pairs share replicas, so their own spread is too narrow for this); one line per
 * setting that has a ReLU row, labelled when there are several. Empty where no ratio can be given: no ReLU row, 2
 * replicas (no jackknife), or a PD of 0.
 */
export function baselineRatios(results: ActivationResult[]): string {
  const setting = (row: ActivationResult) => `${row.workers} workers, ${row.order}, shuffle ${row.shuffle}, ${row.replicas} replicas`;
  const baselines = new Map(results.filter((row) => row.activation === BASELINE).map((row) => [setting(row), row]));
  const ratios = new Map<string, string[]>();
  for (const row of results) {
    const baseline = baselines.get(setting(row));
    const kind = row.pd.relative ? 'relative' : 'l1';
    const ratio = baseline && baseline !== row ? pdRatio(row.pd[kind]!, baseline.pd[kind]!) : undefined;
    if (!ratio) continue;
    const item = `${row.activation} ${ratio.ratio.toFixed(2)}× (${ratio.ci95[0].toFixed(2)}–${ratio.ci95[1].toFixed(2)})`;
    ratios.set(setting(row), [...(ratios.get(setting(row)) ?? []), item]);
  }
  const binary = results.every((row) => row.pd.relative);
  const head = `${binary ? 'relative' : 'L1'} PD as a multiple of ${BASELINE}'s (95%, replica jackknife)`;
  return [...ratios].map(([where, items]) => `${ratios.size > 1 ? `${where}: ` : ''}${head}: ${items.join(', ')}\n`).join('');
}
