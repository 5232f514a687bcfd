import { activationFamily, betaLine } from '../activation-family.js';
import { knownSpread, type SpreadCell } from '../compare-table.js';
import { plottedPd } from '../measures.js';
import type { ReportRow } from '../report-input.js';
import { rowLabel, varyingSettings } from '../row-label.js';

/** One row as the charts plot it; vega drops a datum whose plotted value is null, so non-finite numbers become null. */
export interface ChartPoint {
  /** Names the point in the PD-vs-loss plane. */
  label: string;
  family: string;
  /** The line of the worker-count chart the point is on: its activation and every other setting that varies. */
  workersSeries: string;
  /** The line of the β chart the point is on: its spec without β (see betaLine) and every setting that varies. */
  betaSeries: string;
  beta: number | null;
  workers: number;
  relu: boolean;
  pd: number | null;
  pdLow: number | null;
  pdHigh: number | null;
  logLoss: number | null;
  logLossLow: number | null;
  logLossHigh: number | null;
}

/** The vega expression that singles out ReLU, the baseline every chart highlights. */
export const IS_RELU = 'datum.relu';

/**
 * The rows as chart data, with the plotted PD (relative or L1, see plottedPd) and log loss with their 95% intervals
 * (null, so no error bar, for a single pair or replica).
 */
export function chartPoints(rows: readonly ReportRow[]): ChartPoint[] {
  const pd = plottedPd(rows);
  const settings = varyingSettings(rows);
  const withoutWorkers = settings.filter((setting) => setting !== 'workers');
  return rows.map((row) => {
    const { family, beta } = activationFamily(row.activation);
    const pdCell = pd.pick(row);
    const [pdLow, pdHigh] = interval(pdCell);
    const [logLossLow, logLossHigh] = interval(row.metrics.logLoss);
    return {
      label: rowLabel(row.activation, row, settings),
      family,
      workersSeries: rowLabel(row.activation, row, withoutWorkers),
      betaSeries: rowLabel(betaLine(row.activation), row, settings),
      beta: beta ?? null,
      workers: row.workers,
      relu: family === 'relu',
      pd: finite(pdCell?.mean),
      pdLow,
      pdHigh,
      logLoss: finite(row.metrics.logLoss.mean),
      logLossLow,
      logLossHigh,
    };
  });
}

function interval(cell: SpreadCell | undefined): [number | null, number | null] {
  const ci95 = cell && knownSpread(cell)?.ci95;
  return [finite(ci95?.[0]), finite(ci95?.[1])];
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
