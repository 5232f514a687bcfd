import type { ActivationResult } from '@churnlab/experiment';
import { plottedPd } from '@churnlab/report';

/** Lines under the terminal table with each row's PD against the baseline's: one per setting that has a ratio, labelled when the table has several settings. */
export function baselineRatios(results: ActivationResult[]): string {
  const setting = (row: ActivationResult) => `${row.workers} workers, ${row.order}, shuffle ${row.shuffle}, ${row.replicas} replicas`;
  const lines = new Map<string, string[]>();
  for (const row of results) {
    const ratio = row.againstBaseline;
    if (!ratio) continue;
    const item = `${row.activation} ${ratio.ratio.toFixed(2)}× (${ratio.ci95[0].toFixed(2)}–${ratio.ci95[1].toFixed(2)})`;
    lines.set(setting(row), [...(lines.get(setting(row)) ?? []), item]);
  }
  if (lines.size === 0) return '';
  const baseline = results.find((row) => row.againstBaseline)!.againstBaseline!.baseline;
  // The PD the ratios are of: relative for binary models, L1 for multi-class, as the report's charts plot.
  const head = `${plottedPd(results).title} as a multiple of ${baseline}'s (95%, replica jackknife)`;
  // Labelled when the table has several settings, even if only one of them has ratios: the reader must know which.
  const labelled = new Set(results.map(setting)).size > 1;
  return [...lines].map(([where, items]) => `${labelled ? `${where}: ` : ''}${head}: ${items.join(', ')}\n`).join('');
}
