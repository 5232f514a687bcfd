import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseActivationSpec } from '@churnlab/activations/spec';
import { holdsCheckpoint } from './checkpoint.js';
import { checkParallelRuns, replicaSetPool, type ParallelRuns } from './parallel-runs.js';
import type { Config } from './config-schema.js';
import { buildDatasets } from './datasets.js';
import { checkSetFaults, trainReplicaSets, type CompareResult, type ReplicaSetOptions, type RunPlacement } from './replica-sets.js';
import { assertFreshOutput } from './run-directory.js';
import type { RunSetting } from './run-setting.js';

export interface CompareOptions extends Pick<ReplicaSetOptions, 'onRunStart' | 'onProgress' | 'onFault'> {
  /** Where run directories go; none are written when absent. */
  out?: string;
  /** Runs to train at once (`auto` when absent; see runsAtOnce). */
  parallelRuns?: ParallelRuns;
}

/** The worker counts a comparison trains: compare.workers, or training.workers alone. */
export function compareWorkerCounts(config: Config): number[] {
  return config.compare.workers.length > 0 ? [...new Set(config.compare.workers)] : [config.training.workers];
}

/** For every worker count and activation, trains the configured replicas and measures how much they disagree, within and between counts. */
export async function runCompare(config: Config, options: CompareOptions = {}): Promise<CompareResult> {
  checkParallelRuns(options.parallelRuns ?? 'auto', config);
  const made = options.out === undefined ? undefined : assertFreshOutput(options.out);
  const data = await buildDatasets(config);
  const counts = compareWorkerCounts(config);
  const { order, shuffle } = config.training;
  // One set per activation however it is spelled: relu,relu or smelu:1,smelu:1.0 would pair a set's runs with themselves.
  const activations = [...new Set(config.compare.activations.map((spec) => parseActivationSpec(spec).spec))];
  const sets = counts.flatMap((workers) => activations.map((activation) => ({ setting: { activation, workers, order, shuffle }, replicas: config.compare.replicas })));
  checkSetFaults(config, sets, data.train.rows);
  const { pool, lanes } = replicaSetPool(config, data, sets, options.parallelRuns ?? 'auto');
  try {
    return await trainReplicaSets(config, sets, { pool, data, placement: readablePlacement(options.out, counts.length > 1), ...options, parallelRuns: lanes });
  } catch (error) {
    // Failed before any run checkpointed (no worker joined, say): the output holds nothing to resume, so it goes, and
    // the same --out can be given again. With a checkpoint, `train --resume` can continue its run.
    if (made && !holdsCheckpoint(made)) rmSync(made, { recursive: true, force: true });
    throw error;
  } finally {
    await pool.close();
  }
}

/** Run directories a person can browse: OUT/[workers-W/]ACTIVATION/replica-R. */
function readablePlacement(out: string | undefined, byWorkers: boolean): RunPlacement {
  return {
    reuseFinished: false,
    dirFor: (_config, setting: RunSetting, replica) =>
      out && path.join(out, ...(byWorkers ? [`workers-${setting.workers}`] : []), setting.activation.replace(/[^A-Za-z0-9.=-]+/g, '_'), `replica-${replica}`),
  };
}
