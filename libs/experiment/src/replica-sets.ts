import { crossPdReport, pdReport, summarize, type PdReport, type Spread } from '@churnlab/metrics';
import type { ThreadPool } from '@churnlab/transport';
import type { Config } from './config-schema.js';
import type { RunData } from './datasets.js';
import { withBaselineRatios, type BaselineRatio } from './baseline-ratios.js';
import { isCompleteRun, readRunDirectory, writeRunDirectory } from './run-directory.js';
import { settingConfig, type RunSetting } from './run-setting.js';
import { trainRun, type RunMetrics } from './train-run.js';

/** PD and accuracy of one setting's replicas. */
export interface ActivationResult extends RunSetting {
  replicas: number;
  pd: PdReport;
  metrics: { logLoss: Spread; auc: Spread; accuracy: Spread };
  paramsSha256: string[];
  runDirs: string[];
  /** The PD as a multiple of ReLU's trained the same way, where it can be given (see withBaselineRatios). */
  againstBaseline?: BaselineRatio;
}

/** PD between the replicas of one activation (order and shuffle) trained on two worker counts: every pair of one replica from each. */
export interface WorkerCountPd {
  activation: string;
  order: string;
  shuffle: string;
  replicas: number;
  workers: [number, number];
  pd: PdReport;
}

/** Everything a comparison or sweep measured. */
export interface CompareResult {
  results: ActivationResult[];
  betweenWorkerCounts: WorkerCountPd[];
}

/** A setting and how many replicas (0..replicas−1) it aggregates. */
export interface ReplicaSet {
  setting: RunSetting;
  replicas: number;
}

/** Where each run's directory goes, and whether a finished directory found there is reused instead of retrained. */
export interface RunPlacement {
  dirFor(config: Config, setting: RunSetting, replica: number): string | undefined;
  reuseFinished: boolean;
}

export interface ReplicaSetOptions {
  pool: ThreadPool;
  data: RunData;
  placement: RunPlacement;
  onRunStart?: (run: RunSetting & { replica: number }, index: number, total: number) => void;
  /** Training progress in steps over all runs that are trained (reused runs count as done). */
  onProgress?: (done: number, total: number) => void;
}

interface FinishedRun {
  metrics: RunMetrics;
  predictions: Float32Array;
  dir?: string;
}

/** Trains (or reuses) every replica of every set, then measures PD within each set and between the worker counts of otherwise equal sets. */
export async function trainReplicaSets(base: Config, sets: ReplicaSet[], options: ReplicaSetOptions): Promise<CompareResult> {
  const runs = sets.flatMap(({ setting, replicas }) => Array.from({ length: replicas }, (_, replica) => ({ setting, replica })));
  const finished = new Map<string, FinishedRun>();
  const runKey = (setting: RunSetting, replica: number) => JSON.stringify([setting.activation, setting.workers, setting.order, setting.shuffle, replica]);
  const unique = [...new Map(runs.map((r) => [runKey(r.setting, r.replica), r])).values()];
  for (const [index, { setting, replica }] of unique.entries()) {
    const config = settingConfig(base, setting);
    const dir = options.placement.dirFor(config, setting, replica);
    options.onRunStart?.({ ...setting, replica }, index, unique.length);
    let run: FinishedRun;
    if (dir && options.placement.reuseFinished && isCompleteRun(dir)) run = readRunDirectory(dir);
    else {
      const trained = await trainRun(config, { pool: options.pool, data: options.data, replica, onProgress: (d, t) => options.onProgress?.(index * t + d, unique.length * t) });
      if (dir) writeRunDirectory(dir, trained);
      run = { metrics: trained.metrics, predictions: trained.predictions, ...(dir ? { dir } : {}) };
    }
    finished.set(runKey(setting, replica), run);
  }
  const runsOf = ({ setting, replicas }: ReplicaSet) => Array.from({ length: replicas }, (_, r) => finished.get(runKey(setting, r))!);
  const results = withBaselineRatios(sets.map((set) => summarizeReplicas(set, runsOf(set))));
  return { results, betweenWorkerCounts: betweenWorkerCounts(sets, runsOf) };
}

function summarizeReplicas({ setting, replicas }: ReplicaSet, runs: FinishedRun[]): ActivationResult {
  const spread = (pick: (r: FinishedRun) => number) => spreadOrNotApplicable(runs.map(pick));
  return {
    ...setting,
    replicas,
    pd: pdReport(runs.map((r) => r.predictions), runs[0]!.metrics.outputs),
    metrics: { logLoss: spread((r) => r.metrics.logLoss), auc: spread((r) => r.metrics.auc), accuracy: spread((r) => r.metrics.accuracy) },
    paramsSha256: runs.map((r) => r.metrics.paramsSha256),
    runDirs: runs.flatMap((r) => (r.dir ? [r.dir] : [])),
  };
}

/** For sets equal but for the worker count, PD between every pair of counts (in the order the counts first appear). */
function betweenWorkerCounts(sets: ReplicaSet[], runsOf: (set: ReplicaSet) => FinishedRun[]): WorkerCountPd[] {
  const groups = new Map<string, ReplicaSet[]>();
  for (const set of sets) {
    const { activation, order, shuffle } = set.setting;
    const key = JSON.stringify([activation, order, shuffle, set.replicas]);
    groups.set(key, [...(groups.get(key) ?? []), set]);
  }
  return [...groups.values()].flatMap((group) =>
    group.flatMap((a, i) =>
      group.slice(i + 1).map((b) => {
        const [as, bs] = [runsOf(a), runsOf(b)];
        const { activation, order, shuffle } = a.setting;
        return { activation, order, shuffle, replicas: a.replicas, workers: [a.setting.workers, b.setting.workers] as [number, number], pd: crossPdReport(as.map((r) => r.predictions), bs.map((r) => r.predictions), as[0]!.metrics.outputs) };
      }),
    ),
  );
}

/** The spread of a metric, or NaNs throughout when the metric does not apply to the model (AUC of a multi-class model). */
function spreadOrNotApplicable(values: number[]): Spread {
  return values.every(Number.isNaN) ? { mean: Number.NaN, std: Number.NaN, ci95: [Number.NaN, Number.NaN], n: values.length } : summarize(values);
}
