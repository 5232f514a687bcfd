import { crossPdReport, pdReport, summarize, type PdReport, type Spread } from '@churnlab/metrics';
import { orderPolicy } from '@churnlab/ps';
import type { ThreadPool } from '@churnlab/transport';
import type { Config } from './config-schema.js';
import type { RunData } from './datasets.js';
import { withBaselineRatios, type BaselineRatio } from './baseline-ratios.js';
import { leftCheckpoint, startRunDirectory, trainIntoDirectory } from './directory-run.js';
import { isCompleteRun, readRunDirectory } from './run-directory.js';
import { settingConfig, settingLabel, type RunSetting } from './run-setting.js';
import { runFaults, trainRun, type RunMetrics, type RunResult } from './train-run.js';
import { inLanes } from './run-lanes.js';

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
  /** Each worker fault a run recovered from, named with its run's setting and replica. */
  onFault?: (message: string) => void;
  /** Runs to train at once (1 when absent); runs whose order follows real thread timing still train alone. */
  parallelRuns?: number;
}

interface FinishedRun {
  metrics: RunMetrics;
  predictions: Float32Array;
  dir?: string;
}

/** Checks every set's faults against its runs (see runFaults) before any is trained, so a refusal leaves nothing half done. */
export function checkSetFaults(base: Config, sets: ReplicaSet[], trainRows: number): void {
  for (const { setting } of sets) runFaults(settingConfig(base, setting), trainRows);
}

/** Trains (or reuses) every replica of every set, then measures PD within each set and between the worker counts of otherwise equal sets. */
export async function trainReplicaSets(base: Config, sets: ReplicaSet[], options: ReplicaSetOptions): Promise<CompareResult> {
  const runs = sets.flatMap(({ setting, replicas }) => Array.from({ length: replicas }, (_, replica) => ({ setting, replica })));
  const finished = new Map<string, FinishedRun>();
  const runKey = (setting: RunSetting, replica: number) => JSON.stringify([setting.activation, setting.workers, setting.order, setting.shuffle, replica]);
  const unique = [...new Map(runs.map((r) => [runKey(r.setting, r.replica), r])).values()];
  // Each run's share done: reused runs count as done, and the runs in flight each add theirs. Every run has the same steps.
  const shareDone = unique.map(() => 0);
  const reportProgress = (stepsPerRun: number) => options.onProgress?.(Math.round(sum(shareDone) * stepsPerRun), unique.length * stepsPerRun);
  // Runs whose updates follow real thread timing run alone: what else ran on the pool would change their result.
  const alone = ({ setting }: (typeof unique)[number]) => orderPolicy(setting.order).followsTiming;
  await inLanes(unique, options.parallelRuns ?? 1, alone, async ({ setting, replica }, index) => {
    options.onRunStart?.({ ...setting, replica }, index, unique.length);
    const onProgress = (done: number, total: number) => {
      shareDone[index] = done / total;
      reportProgress(total);
    };
    finished.set(runKey(setting, replica), await trainOrReuse(base, setting, replica, options, onProgress));
    shareDone[index] = 1;
  });
  const runsOf = ({ setting, replicas }: ReplicaSet) => Array.from({ length: replicas }, (_, r) => finished.get(runKey(setting, r))!);
  const results = withBaselineRatios(sets.map((set) => summarizeReplicas(set, runsOf(set))));
  return { results, betweenWorkerCounts: betweenWorkerCounts(sets, runsOf) };
}

/**
 * Replica `replica` of `setting`: read back from its directory when the placement reuses a finished one, else trained,
 * and stored with its checkpoints when it has a directory. Where the placement reuses runs, a run a kill cut short
 * continues from its last checkpoint.
 */
async function trainOrReuse(base: Config, setting: RunSetting, replica: number, options: ReplicaSetOptions, onProgress: (done: number, total: number) => void): Promise<FinishedRun> {
  const config = settingConfig(base, setting);
  const dir = options.placement.dirFor(config, setting, replica);
  const { onFault } = options;
  const run = {
    pool: options.pool,
    data: options.data,
    replica,
    onProgress,
    ...(onFault && { onFault: (message: string) => onFault(`${settingLabel(setting)} · replica ${replica}: ${message}`) }),
  };
  // Only what the comparison needs is kept: a run's parameters can be hundreds of megabytes.
  const kept = ({ metrics, predictions }: RunResult): FinishedRun => ({ metrics, predictions, ...(dir ? { dir } : {}) });
  if (!dir) return kept(await trainRun(config, run));
  if (options.placement.reuseFinished && isCompleteRun(dir)) return readRunDirectory(dir);
  const resume = options.placement.reuseFinished ? leftCheckpoint(dir, config, replica) : undefined;
  startRunDirectory(dir, config, replica);
  return kept(await trainIntoDirectory(config, dir, { ...run, ...(resume ? { resume } : {}) }));
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

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
