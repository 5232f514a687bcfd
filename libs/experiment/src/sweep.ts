import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkParallelRuns, replicaSetPool, type ParallelRuns } from './parallel-runs.js';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { buildDatasets } from './datasets.js';
import { checkSetFaults, trainReplicaSets, type CompareResult, type ReplicaSetOptions, type RunPlacement } from './replica-sets.js';
import { assertFreshOutput, writeJsonAtomically } from './run-directory.js';
import { sweepSets } from './sweep-grid.js';

/** The file that pins a sweep's config, so a resumed sweep cannot mix runs of two configs. */
export const sweepConfigFileName = 'sweep-config.json';

export interface SweepOptions extends Pick<ReplicaSetOptions, 'onRunStart' | 'onProgress'> {
  out: string;
  /** Continue the sweep in `out`, reusing every run directory it already finished. */
  resume?: boolean;
  /** Runs to train at once (`auto` when absent; see runsAtOnce). */
  parallelRuns?: ParallelRuns;
}

/**
 * Runs every replica set of the sweep's grid. Each run is stored once, in OUT/runs/KEY with KEY a hash of its whole
 * config and replica, completed by its metrics.json, so an interrupted sweep resumes where it stopped: finished runs are
 * reused and a run the kill cut short continues from its last checkpoint.
 */
export async function runSweep(config: Config, options: SweepOptions): Promise<CompareResult> {
  checkParallelRuns(options.parallelRuns ?? 'auto', config);
  checkOutput(config, options);
  const sets = sweepSets(config);
  // Read, and the faults checked against every run, before the output is made: bad input leaves nothing behind.
  const data = await buildDatasets(config);
  checkSetFaults(config, sets, data.train.rows);
  if (!options.resume) pinConfig(config, options.out);
  const { pool, lanes } = replicaSetPool(config, data, sets, options.parallelRuns ?? 'auto');
  try {
    return await trainReplicaSets(config, sets, { pool, data, placement: storePlacement(options.out), ...options, parallelRuns: lanes });
  } finally {
    await pool.close();
  }
}

/** Refuses an output that exists for a new sweep, or that holds no sweep or another config's for --resume. */
function checkOutput(config: Config, { out, resume }: SweepOptions): void {
  const pinned = path.join(out, sweepConfigFileName);
  if (!resume) return assertFreshOutput(out);
  if (!existsSync(pinned)) throw new ConfigError(`--resume: ${pinned} is missing; expected the output directory of an earlier churnlab sweep`);
  if (readFileSync(pinned, 'utf8') !== JSON.stringify(config, null, 2) + '\n') {
    throw new ConfigError(`--resume: the sweep in ${out} was started with another config (${pinned}); expected the same config and flags, or a new --out`);
  }
}

function pinConfig(config: Config, out: string): void {
  mkdirSync(out, { recursive: true });
  writeJsonAtomically(path.join(out, sweepConfigFileName), config);
}

/** The result store: one directory per run, named by a hash of the run's config and replica; finished ones are reused. */
function storePlacement(out: string): RunPlacement {
  return {
    reuseFinished: true,
    dirFor: ({ sweep: _sweep, compare: _compare, ...run }, _setting, replica) =>
      path.join(out, 'runs', createHash('sha256').update(JSON.stringify({ ...run, replica })).digest('hex').slice(0, 16)),
  };
}
