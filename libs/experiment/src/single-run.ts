import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ThreadPool } from '@churnlab/transport';
import { checkpointFileName, holdsCheckpoint, readCheckpoint, type Checkpoint } from './checkpoint.js';
import { startRunDirectory, trainIntoDirectory } from './directory-run.js';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { buildDatasets, type RunData } from './datasets.js';
import { readConfigFile, resolveConfig } from './load-config.js';
import { assertFreshOutput, isCompleteRun, runFiles } from './run-directory.js';
import type { RunResult, TrainRunOptions } from './train-run.js';

export type SingleRunOptions = Pick<TrainRunOptions, 'onProgress' | 'recorded' | 'onFault'>;

/**
 * Trains one model on its own thread pool into the run directory `out`: its config.json first, then a checkpoint every
 * training.checkpointEvery steps, and the results last, so a killed run can be continued with resumeSingle.
 */
export async function runSingle(config: Config, out: string, options: SingleRunOptions = {}): Promise<RunResult> {
  // The first directory the run makes, which may be a parent of `out` (churnlab-runs/ of a default --out).
  const made = assertFreshOutput(out);
  // Read before the run directory is made, so that bad data leaves nothing behind.
  const data = await buildDatasets(config);
  startRunDirectory(out, config, config.replica);
  return trainInto(config, out, data, options).catch((error: unknown) => {
    // Bad input found as the run starts or trains (a fault past its last step, a recorded log that does not fit), or a
    // failure before the first checkpoint (no worker joined, say): what this call made holds nothing worth keeping, so
    // it goes, and the same --out can be given again. A failure after a checkpoint leaves the run to --resume.
    if (error instanceof ConfigError || !holdsCheckpoint(made)) rmSync(made, { recursive: true, force: true });
    throw error;
  });
}

/**
 * Continues the run in `dir` from its last checkpoint to the end, reaching the parameters of an uninterrupted run in
 * sync and replay modes; a run killed before its first checkpoint starts again from the beginning.
 */
export async function resumeSingle(dir: string, options: Pick<TrainRunOptions, 'onProgress' | 'onFault'> = {}): Promise<RunResult> {
  if (isCompleteRun(dir)) throw new ConfigError(`--resume: ${dir} holds a finished run; nothing to resume`);
  const configFile = path.join(dir, runFiles.config);
  if (!existsSync(configFile)) throw new ConfigError(`--resume: ${dir} is not a run directory (no ${runFiles.config}); expected a run directory written by churnlab train, compare or sweep`);
  const config = resolveConfig(readConfigFile(configFile), configFile);
  const resume = existsSync(path.join(dir, checkpointFileName)) ? readCheckpoint(dir) : undefined;
  return trainInto(config, dir, await buildDatasets(config), { ...options, ...(resume && { resume }) });
}

async function trainInto(config: Config, dir: string, data: RunData, options: SingleRunOptions & { resume?: Checkpoint }): Promise<RunResult> {
  const pool = new ThreadPool(ThreadPool.sizeFor(config.training.workers));
  try {
    return await trainIntoDirectory(config, dir, { pool, data, ...options });
  } finally {
    await pool.close();
  }
}
