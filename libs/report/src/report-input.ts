import type { BetweenCountsRow, SpreadCell } from './compare-table.js';

/** One measured setting: an activation trained by `replicas` replicas with a worker count, an update order and a shuffle. */
export interface ReportRow {
  /** The activation spec as written by the experiment, e.g. 'relu', 'smelu:1', 'gelu:tanh', 'gsmelu:alpha=1,beta=2'. */
  activation: string;
  workers: number;
  order: string;
  shuffle?: string;
  replicas: number;
  pd: { relative?: SpreadCell; absolute?: SpreadCell; l1?: SpreadCell; top1: SpreadCell };
  metrics: { logLoss: SpreadCell; auc: SpreadCell; accuracy: SpreadCell };
  /** The row's PD as a multiple of the baseline activation's trained the same way, when it can be given. */
  againstBaseline?: BaselineRatio;
}

/** A PD (relative, or L1 for multi-class) as a multiple of the `baseline` activation's, with its 95% interval. */
export interface BaselineRatio {
  baseline: string;
  ratio: number;
  ci95: [number, number];
}

/** Everything a report shows: plain numbers, so that this library needs no knowledge of training. */
export interface ReportInput {
  title: string;
  generatedAt?: string;
  /** The command lines that produced the numbers, shown so that a reader can reproduce them. */
  commands?: string[];
  rows: ReportRow[];
  /** PD between the replicas of two worker counts of otherwise equal settings, when there are several counts. */
  betweenWorkerCounts?: BetweenCountsRow[];
}
