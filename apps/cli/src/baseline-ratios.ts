import type { ActivationResult } from '@churnlab/experiment';
import { pdRatio } from '@churnlab/metrics';
import type { BaselineRatio } from '@churnlab/report';

/** The activation every other one is measured against, as in DESIGN §1's "PD relative to ReLU". */
const BASELINE = 'relu';

function settingOf(row: ActivationResult): string {
  return `${row.workers} workers, ${row.order}, shuffle ${row.shuffle}, ${row.replicas} replicas`;
}

/**
 * Each row's PD (relative, or L1 for multi-class) as a multiple of ReLU's trained the same way, with a 95% interval
 * from the replica jackknife (the pairs share replicas, so their own spread is too narrow for this). Undefined for
 * ReLU itself and where no ratio can be given: no ReLU row of the setting, 2 replicas (no jackknife), or a PD of 0.
 */
export function ratiosToBaseline(results: ActivationResult[]): Array<BaselineRatio | undefined> {
  const baselines = new Map(results.filter((row) => row.activation === BASELINE).map((row) => [settingOf(row), row]));
  return results.map((row) => {
    const baseline = baselines.get(settingOf(row));
    const kind = row.pd.relative ? 'relative' : 'l1';
    const ratio = baseline && baseline !== row ? pdRatio(row.pd[kind]!, baseline.pd[kind]!) : undefined;
    return ratio && { baseline: BASELINE, ...ratio };
  });
}

/** Lines under the terminal table with `ratiosToBaseline`: one per setting that has a ratio, labelled when there are several. */
export function baselineRatios(results: ActivationResult[]): string {
  const lines = new Map<string, string[]>();
  ratiosToBaseline(results).forEach((ratio, i) => {
    if (!ratio) return;
    const row = results[i]!;
    const item = `${row.activation} ${ratio.ratio.toFixed(2)}× (${ratio.ci95[0].toFixed(2)}–${ratio.ci95[1].toFixed(2)})`;
    lines.set(settingOf(row), [...(lines.get(settingOf(row)) ?? []), item]);
  });
  const head = `${results.every((row) => row.pd.relative) ? 'relative' : 'L1'} PD as a multiple of ${BASELINE}'s (95%, replica jackknife)`;
  return [...lines].map(([setting, items]) => `${lines.size > 1 ? `${setting}: ` : ''}${head}: ${items.join(', ')}\n`).join('');
}
