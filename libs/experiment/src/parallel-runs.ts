import { availableParallelism } from 'node:os';
import { parameterLayout } from '@churnlab/model/vectors';
import { ThreadPool } from '@churnlab/transport';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import type { RunData } from './datasets.js';
import type { ReplicaSet } from './replica-sets.js';
import { modelSpec } from './train-run.js';

/** How many runs of a comparison or sweep train at once: a count, or `auto` to let the machine and the model decide. */
export type ParallelRuns = number | 'auto';

/**
 * Above this many parameters `auto` trains one run at a time: every run in flight holds its own parameter store, with
 * its gradient slots and kept versions, and every pool thread a copy of its weights and gradients.
 */
export const AUTO_PARALLEL_PARAMETER_LIMIT = 4_000_000;

/**
 * The runs to train at once for `requested` on a model of `parameters`: with `auto`, one per core on this machine (at most
 * the runs a pool thread holds), or one when the model is large. Worker processes joined through NATS serve one run at a time.
 */
export function runsAtOnce(requested: ParallelRuns, config: Config, parameters: number, cores = availableParallelism()): number {
  checkParallelRuns(requested, config);
  if (config.transport.kind === 'nats') return 1;
  if (requested !== 'auto') return requested;
  return parameters > AUTO_PARALLEL_PARAMETER_LIMIT ? 1 : Math.max(1, Math.min(cores, ThreadPool.runsHeld));
}

/** Refuses a `requested` count that is not a whole number ≥ 1, or above 1 with NATS workers; before any data is read. */
export function checkParallelRuns(requested: ParallelRuns, config: Config): void {
  if (requested === 'auto') return;
  if (!Number.isSafeInteger(requested) || requested < 1 || requested > ThreadPool.runsHeld) {
    throw new ConfigError(`--parallel-runs: ${requested} is not allowed; expected auto or a whole number from 1 to ${ThreadPool.runsHeld}, the runs a pool thread holds at once`);
  }
  if (config.transport.kind === 'nats' && requested > 1) {
    throw new ConfigError(`--parallel-runs: ${requested} is not allowed with transport.kind "nats", whose worker processes serve one run at a time; expected 1 or auto`);
  }
}

/** The thread pool for training `sets` with `requested` runs at once, and how many runs that is. */
export function replicaSetPool(config: Config, data: RunData, sets: ReplicaSet[], requested: ParallelRuns): { pool: ThreadPool; lanes: number } {
  const lanes = runsAtOnce(requested, config, parameterLayout(modelSpec(config, data)).size);
  const workers = Math.max(...sets.map((s) => s.setting.workers));
  return { pool: new ThreadPool(ThreadPool.sizeFor(lanes * workers)), lanes };
}
