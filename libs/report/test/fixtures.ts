import type { ReportRow, SpreadCell } from '../src/index.js';

/** A spread cell whose 95% interval is mean ± 2 std. */
export const cell = (mean: number, std = mean / 20): SpreadCell => ({ mean, std, ci95: [mean - 2 * std, mean + 2 * std] });

/** A binary-classification row with the given relative PD and log loss. */
export function binaryRow(activation: string, workers: number, pd: number, logLoss: number, extra: Partial<ReportRow> = {}): ReportRow {
  return {
    activation,
    workers,
    order: 'async',
    replicas: 4,
    pd: { relative: cell(pd), absolute: cell(pd / 3), top1: cell(0.02) },
    metrics: { logLoss: cell(logLoss, 0.002), auc: cell(0.8, 0.01), accuracy: cell(0.78, 0.01) },
    ...extra,
  };
}

/** A multi-class row: L1 PD, no relative or absolute PD, AUC not defined. */
export function multiClassRow(activation: string, workers: number, pd: number, logLoss: number): ReportRow {
  return {
    activation,
    workers,
    order: 'sync',
    replicas: 3,
    pd: { l1: cell(pd), top1: cell(0.05) },
    metrics: { logLoss: cell(logLoss, 0.01), auc: cell(Number.NaN), accuracy: cell(0.9, 0.01) },
  };
}

/** Activations of the sweep fixture: 4 with a β in 2 families (smelu, gsmelu), 2 without. */
export const SWEEP_ACTIVATIONS = ['relu', 'smelu:0.5', 'smelu:1', 'smelu:2', 'gelu:tanh', 'gsmelu:alpha=1,beta=2,gneg=0,gpos=1,t=0'];
/** Worker counts of the sweep fixture. */
export const SWEEP_WORKERS = [1, 2, 4];

/** Every sweep activation at every sweep worker count (6 × 3 = 18 rows), PD growing with workers, ReLU worst. */
export function sweepRows(): ReportRow[] {
  return SWEEP_WORKERS.flatMap((workers) =>
    SWEEP_ACTIVATIONS.map((activation, i) => binaryRow(activation, workers, (0.16 - 0.01 * i) * (1 + workers / 10), 0.45 + 0.002 * i)),
  );
}
