import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkParallelRuns, replicaSetPool, type ParallelRuns } from './parallel-runs.js';
import { ConfigError, shownValue } from './config-error.js';
import { configWithoutSecrets } from './config-without-secrets.js';
import type { Config } from './config-schema.js';
import { buildDatasets, type RunData } from './datasets.js';
import { checkSetFaults, trainReplicaSets, type CompareResult, type ReplicaSetOptions, type RunPlacement } from './replica-sets.js';
import { assertFreshOutput, writeJsonAtomically } from './run-directory.js';
import { checkSameConfig, checkSameData, dataIdentity, type DataIdentity } from './run-origin.js';
import { sweepSets } from './sweep-grid.js';

/** The file that pins a sweep's config, so a resumed sweep cannot mix runs of two configs. */
export const sweepConfigFileName = 'sweep-config.json';
/** The file that pins the identity of a sweep's data, so a resumed sweep cannot mix runs over other examples. */
export const sweepDataFileName = 'sweep-data.json';

export interface SweepOptions extends Pick<ReplicaSetOptions, 'onRunStart' | 'onProgress' | 'onFault'> {
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
  if (options.resume) checkPinnedData(config, data, options.out);
  else pinConfig(config, data, options.out);
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
  if (!resume) {
    assertFreshOutput(out);
    return;
  }
  if (!existsSync(pinned)) throw new ConfigError(`--resume: ${pinned} is missing; expected the output directory of an earlier churnlab sweep`);
  checkSameConfig(readFileSync(pinned, 'utf8'), JSON.stringify(configWithoutSecrets(config)), `--resume: the sweep in ${out} (${pinned})`, 'expected the same config and flags, or a new --out');
}

/** Refuses to resume a sweep over other examples than it started with; a sweep pinned before data was pinned pins them now. */
function checkPinnedData(config: Config, data: RunData, out: string): void {
  const pinned = path.join(out, sweepDataFileName);
  if (!existsSync(pinned)) {
    pinData(data, out);
    return;
  }
  checkSameData(readPinnedData(pinned), dataIdentity(data), config.data, `--resume: the sweep in ${out}`);
}

function readPinnedData(file: string): DataIdentity {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`--resume: ${file}: not readable JSON (${(error as Error).message}); expected the data hashes an earlier churnlab sweep wrote`);
  }
  const pinned = value as Partial<DataIdentity> | null;
  if (typeof pinned?.trainSha256 !== 'string' || typeof pinned.evalSha256 !== 'string') {
    throw new ConfigError(`--resume: ${file}: ${shownValue(value)} is not allowed; expected {"trainSha256", "evalSha256"} as an earlier churnlab sweep wrote them`);
  }
  return { trainSha256: pinned.trainSha256, evalSha256: pinned.evalSha256 };
}

function pinData(data: RunData, out: string): void {
  writeJsonAtomically(path.join(out, sweepDataFileName), dataIdentity(data));
}

function pinConfig(config: Config, data: RunData, out: string): void {
  mkdirSync(out, { recursive: true });
  writeJsonAtomically(path.join(out, sweepConfigFileName), configWithoutSecrets(config));
  pinData(data, out);
}

/** The result store: one directory per run, named by a hash of the run's config and replica; finished ones are reused. */
function storePlacement(out: string): RunPlacement {
  return {
    reuseFinished: true,
    dirFor: (config, _setting, replica) => {
      const { sweep: _sweep, compare: _compare, ...run } = configWithoutSecrets(config);
      return path.join(out, 'runs', createHash('sha256').update(JSON.stringify({ ...run, replica })).digest('hex').slice(0, 16));
    },
  };
}
