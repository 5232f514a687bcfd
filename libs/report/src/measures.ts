import type { SpreadCell } from './compare-table.js';
import type { ReportRow } from './report-input.js';

/** One measured quantity of a row: its column title, its CSV key and where a row keeps it. */
export interface Measure {
  title: string;
  key: string;
  pick: (row: ReportRow) => SpreadCell | undefined;
}

const RELATIVE_PD: Measure = { title: 'relative PD', key: 'relative_pd', pick: (r) => r.pd.relative };
const L1_PD: Measure = { title: 'L1 PD', key: 'l1_pd', pick: (r) => r.pd.l1 };

/** Every measure a row can carry, in table order. */
export const measures: readonly Measure[] = [
  RELATIVE_PD,
  { title: 'absolute PD', key: 'absolute_pd', pick: (r) => r.pd.absolute },
  L1_PD,
  { title: 'top-1 PD', key: 'top1_pd', pick: (r) => r.pd.top1 },
  { title: 'log loss', key: 'log_loss', pick: (r) => r.metrics.logLoss },
  { title: 'AUC', key: 'auc', pick: (r) => r.metrics.auc },
  { title: 'accuracy', key: 'accuracy', pick: (r) => r.metrics.accuracy },
];

/**
 * What a cell's mean, spread and interval are taken over: replica pairs for PD, replicas for the accuracy measures. The
 * PD intervals treat the pairs as independent although every replica is in several of them, so they are too narrow.
 */
export const SPREAD_NOTE =
  'PD: mean ± standard deviation over replica pairs; log loss, AUC and accuracy: over replicas. Intervals and error bars are 95% t-intervals; those of PD treat the pairs as independent, though each replica is in several, so read them as optimistic.';

/** The measures at least one row has a number for (multi-class results have no relative PD and a NaN AUC). */
export function reportedMeasures(rows: readonly ReportRow[]): Measure[] {
  return measures.filter((m) => rows.some((row) => Number.isFinite(m.pick(row)?.mean)));
}

/** The PD the charts plot: relative PD when every row is binary, L1 PD when every row is multi-class. */
export function plottedPd(rows: readonly ReportRow[]): Measure {
  if (rows.every((row) => row.pd.relative)) return RELATIVE_PD;
  if (rows.every((row) => row.pd.l1)) return L1_PD;
  const neither = rows.find((row) => !row.pd.relative && !row.pd.l1);
  throw new Error(
    neither
      ? `cannot chart PD: ${neither.activation} has neither relative PD nor L1 PD`
      : 'cannot chart PD: the rows mix binary results (relative PD) and multi-class results (L1 PD)',
  );
}
