import path from 'node:path';
import { parseActivation } from '@churnlab/activations';
import { pdReport, summarize, type PdReport, type Spread } from '@churnlab/metrics';
import { ThreadPool } from '@churnlab/transport';
import type { Config } from './config-schema.js';
import { buildDatasets } from './datasets.js';
import { assertFreshOutput, writeRunDirectory } from './run-directory.js';
import { trainRun, type RunResult } from './train-run.js';

/** PD and accuracy of one activation's replicas. */
export interface ActivationResult {
  activation: string;
  replicas: number;
  pd: PdReport;
  metrics: { logLoss: Spread; auc: Spread; accuracy: Spread };
  paramsSha256: string[];
  runDirs: string[];
}

export interface CompareOptions {
  /** Where run directories go; none are written when absent. */
  out?: string;
  onRunStart?: (activation: string, replica: number, index: number, total: number) => void;
  onProgress?: (done: number, total: number) => void;
}

/** For every activation, trains the configured replicas on shared data and initialisation and measures how much they disagree. */
export async function runCompare(config: Config, options: CompareOptions = {}): Promise<ActivationResult[]> {
  if (options.out) assertFreshOutput(options.out);
  const data = buildDatasets(config);
  const pool = new ThreadPool(ThreadPool.sizeFor(config.training.workers));
  const { activations, replicas } = config.compare;
  const total = activations.length * replicas;
  try {
    const results: ActivationResult[] = [];
    for (const [a, spec] of activations.entries()) {
      const activation = parseActivation(spec).spec;
      const runConfig: Config = { ...config, model: { ...config.model, activation } };
      const runs: RunResult[] = [];
      const runDirs: string[] = [];
      for (let replica = 0; replica < replicas; replica++) {
        const index = a * replicas + replica;
        options.onRunStart?.(activation, replica, index, total);
        const run = await trainRun(runConfig, { pool, data, replica, onProgress: (d, t) => options.onProgress?.(index * t + d, total * t) });
        runs.push(run);
        if (options.out) {
          const dir = path.join(options.out, activation.replace(/[^A-Za-z0-9.=-]+/g, '_'), `replica-${replica}`);
          writeRunDirectory(dir, run);
          runDirs.push(dir);
        }
      }
      results.push(summarizeReplicas(activation, runs, runDirs));
    }
    return results;
  } finally {
    await pool.close();
  }
}

function summarizeReplicas(activation: string, runs: RunResult[], runDirs: string[]): ActivationResult {
  const outputs = runs[0]!.metrics.outputs;
  const spread = (pick: (r: RunResult) => number) => summarize(runs.map(pick));
  return {
    activation,
    replicas: runs.length,
    pd: pdReport(runs.map((r) => r.predictions), outputs),
    metrics: { logLoss: spread((r) => r.metrics.logLoss), auc: spread((r) => r.metrics.auc), accuracy: spread((r) => r.metrics.accuracy) },
    paramsSha256: runs.map((r) => r.metrics.paramsSha256),
    runDirs,
  };
}
