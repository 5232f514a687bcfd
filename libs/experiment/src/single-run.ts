import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ThreadPool } from '@churnlab/transport';
import { checkpointFileName, readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js';
import { NumericalFailure } from './numerical-failure.js';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { buildDatasets, type RunData } from './datasets.js';
import { readConfigFile, resolveConfig } from './load-config.js';
import { assertFreshOutput, isCompleteRun, runConfigText, runFiles, writeFileAtomically, writeRunDirectory } from './run-directory.js';
import { trainRun, type RunResult, type TrainRunOptions } from './train-run.js';

export type SingleRunOptions = Pick<TrainRunOptions, 'onProgress' | 'recorded' | 'onFault'>;

/**
 * Trains one model on its own thread pool into the run directory `out`: its config.json first, then a checkpoint every
 * training.checkpointEvery steps, and the results last, so a killed run can be continued with resumeSingle.
 */
export async function runSingle(config: Config, out: string, options: SingleRunOptions = {}): Promise<RunResult> {
  assertFreshOutput(out);
  // Read before the run directory is made, so that bad data leaves nothing behind.
  const data = await buildDatasets(config);
  // The first directory made, which may be a parent of `out` (churnlab-runs/ of a default --out).
  const made = mkdirSync(out, { recursive: true }) ?? out;
  writeFileAtomically(path.join(out, runFiles.config), runConfigText(config, config.replica));
  return trainInto(config, out, data, options).catch((error: unknown) => {
    // Bad input found as the run starts or trains (a fault past its last step, a recorded log that does not fit): what
    // this call made holds nothing worth keeping, so it goes, and the same --out can be given again.
    if (error instanceof ConfigError) rmSync(made, { recursive: true, force: true });
    throw error;
  });
}

/** Continues the run in `dir` from its last checkpoint to the end, reaching the parameters of an uninterrupted run in sync and replay modes. */
export async function resumeSingle(dir: string, options: Pick<TrainRunOptions, 'onProgress' | 'onFault'> = {}): Promise<RunResult> {
  if (isCompleteRun(dir)) throw new ConfigError(`--resume: ${dir} holds a finished run; nothing to resume`);
  const configFile = path.join(dir, runFiles.config);
  if (!existsSync(configFile)) throw new ConfigError(`--resume: ${dir} is not a run directory (no ${runFiles.config}); expected the --out directory of a churnlab train run`);
  const config = resolveConfig(readConfigFile(configFile), configFile);
  return trainInto(config, dir, await buildDatasets(config), { ...options, resume: readCheckpoint(dir) });
}

async function trainInto(config: Config, dir: string, data: RunData, options: SingleRunOptions & { resume?: Checkpoint }): Promise<RunResult> {
  const pool = new ThreadPool(ThreadPool.sizeFor(config.training.workers));
  try {
    let kept = options.resume?.step;
    const checkpoint = (state: Checkpoint) => {
      writeCheckpoint(dir, state);
      kept = state.step;
    };
    const run = await trainRun(config, { pool, data, ...options, checkpoint }).catch((error: unknown) => {
      // A checkpoint of another shape means config.json or the checkpoint was changed after the run started.
      if (options.resume && error instanceof RangeError && /saved/.test(error.message)) throw new ConfigError(`--resume: ${dir}: ${error.message}`);
      if (error instanceof NumericalFailure && kept !== undefined) throw new NumericalFailure(`${error.message}; the last good checkpoint (step ${kept}) is kept in ${path.join(dir, checkpointFileName)}`);
      throw error;
    });
    writeRunDirectory(dir, run);
    return run;
  } finally {
    await pool.close();
  }
}
