import path from 'node:path';
import { parseActivation } from '@churnlab/activations';
import { crossPdReport, pdReport, summarize, type PdReport, type Spread } from '@churnlab/metrics';
import { ThreadPool } from '@churnlab/transport';
import type { Config } from './config-schema.js';
import { buildDatasets } from './datasets.js';
import { assertFreshOutput, writeRunDirectory } from './run-directory.js';
import { trainRun, type RunResult } from './train-run.js';

/** PD and accuracy of one activation's replicas at one worker count. */
export interface ActivationResult {
  activation: string;
  workers: number;
  replicas: number;
  pd: PdReport;
  metrics: { logLoss: Spread; auc: Spread; accuracy: Spread };
  paramsSha256: string[];
  runDirs: string[];
}

/** PD between the replicas of one activation trained on two worker counts: every pair of one replica from each. */
export interface WorkerCountPd {
  activation: string;
  workers: [number, number];
  pd: PdReport;
}

/** Everything a comparison measured. */
export interface CompareResult {
  results: ActivationResult[];
  betweenWorkerCounts: WorkerCountPd[];
}

export interface CompareOptions {
  /** Where run directories go; none are written when absent. */
  out?: string;
  onRunStart?: (run: { activation: string; workers: number; replica: number }, index: number, total: number) => void;
  onProgress?: (done: number, total: number) => void;
}

/** The worker counts a comparison trains: compare.workers, or training.workers alone. */
export function compareWorkerCounts(config: Config): number[] {
  return config.compare.workers.length > 0 ? [...new Set(config.compare.workers)] : [config.training.workers];
}

/** For every worker count and activation, trains the configured replicas and measures how much they disagree, within and between counts. */
export async function runCompare(config: Config, options: CompareOptions = {}): Promise<CompareResult> {
  if (options.out) assertFreshOutput(options.out);
  const data = await buildDatasets(config);
  const counts = compareWorkerCounts(config);
  const pool = new ThreadPool(ThreadPool.sizeFor(Math.max(...counts)));
  const activations = config.compare.activations.map((spec) => parseActivation(spec).spec);
  const { replicas } = config.compare;
  const total = counts.length * activations.length * replicas;
  const trained = new Map<string, RunResult[]>();
  try {
    const results: ActivationResult[] = [];
    for (const workers of counts) {
      for (const activation of activations) {
        const runConfig: Config = { ...config, model: { ...config.model, activation }, training: { ...config.training, workers } };
        const runs: RunResult[] = [];
        const runDirs: string[] = [];
        for (let replica = 0; replica < replicas; replica++) {
          const index = results.length * replicas + replica;
          options.onRunStart?.({ activation, workers, replica }, index, total);
          const run = await trainRun(runConfig, { pool, data, replica, onProgress: (d, t) => options.onProgress?.(index * t + d, total * t) });
          runs.push(run);
          if (options.out) runDirs.push(writeReplica(options.out, counts.length > 1 ? workers : undefined, activation, replica, run));
        }
        trained.set(`${workers}/${activation}`, runs);
        results.push(summarizeReplicas(activation, workers, runs, runDirs));
      }
    }
    return { results, betweenWorkerCounts: betweenCounts(counts, activations, trained) };
  } finally {
    await pool.close();
  }
}

function writeReplica(out: string, workers: number | undefined, activation: string, replica: number, run: RunResult): string {
  const parts = [out, ...(workers === undefined ? [] : [`workers-${workers}`]), activation.replace(/[^A-Za-z0-9.=-]+/g, '_'), `replica-${replica}`];
  const dir = path.join(...parts);
  writeRunDirectory(dir, run);
  return dir;
}

function betweenCounts(counts: number[], activations: string[], trained: Map<string, RunResult[]>): WorkerCountPd[] {
  const predictions = (workers: number, activation: string) => trained.get(`${workers}/${activation}`)!.map((r) => r.predictions);
  return counts.flatMap((a, i) =>
    counts.slice(i + 1).flatMap((b) =>
      activations.map((activation) => ({
        activation,
        workers: [a, b] as [number, number],
        pd: crossPdReport(predictions(a, activation), predictions(b, activation), trained.get(`${a}/${activation}`)![0]!.metrics.outputs),
      })),
    ),
  );
}

function summarizeReplicas(activation: string, workers: number, runs: RunResult[], runDirs: string[]): ActivationResult {
  const outputs = runs[0]!.metrics.outputs;
  const spread = (pick: (r: RunResult) => number) => spreadOrNotApplicable(runs.map(pick));
  return {
    activation,
    workers,
    replicas: runs.length,
    pd: pdReport(runs.map((r) => r.predictions), outputs),
    metrics: { logLoss: spread((r) => r.metrics.logLoss), auc: spread((r) => r.metrics.auc), accuracy: spread((r) => r.metrics.accuracy) },
    paramsSha256: runs.map((r) => r.metrics.paramsSha256),
    runDirs,
  };
}

/** The spread of a metric, or NaNs throughout when the metric does not apply to the model (AUC of a multi-class model). */
function spreadOrNotApplicable(values: number[]): Spread {
  return values.every(Number.isNaN) ? { mean: Number.NaN, std: Number.NaN, ci95: [Number.NaN, Number.NaN], n: values.length } : summarize(values);
}
