import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkpointFileName, readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { NumericalFailure } from './numerical-failure.js';
import { runConfigText, runFiles, writeFileAtomically, writeRunDirectory } from './run-directory.js';
import { checkSameConfig, checkSameData, dataIdentity, type RunOrigin } from './run-origin.js';
import { trainRun, type RunResult, type TrainRunOptions } from './train-run.js';

/** trainRun's options but the checkpoint sink, which is the run directory. */
export type DirectoryRunOptions = Omit<TrainRunOptions, 'checkpoint'>;

/** Makes the run directory `dir` and writes its config.json, the first file of a run and what --resume reads back. */
export function startRunDirectory(dir: string, config: Config, replica: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileAtomically(path.join(dir, runFiles.config), runConfigText(config, replica));
}

/**
 * The checkpoint a killed run of `config`'s replica `replica` left in `dir`, when there is one and the directory's
 * config.json is that run's; otherwise undefined, and the run starts afresh.
 */
export function leftCheckpoint(dir: string, config: Config, replica: number): Checkpoint | undefined {
  const configFile = path.join(dir, runFiles.config);
  if (!existsSync(path.join(dir, checkpointFileName)) || !existsSync(configFile)) return undefined;
  return readFileSync(configFile, 'utf8') === runConfigText(config, replica) ? readCheckpoint(dir) : undefined;
}

/**
 * Trains `config` into the run directory `dir` (started by startRunDirectory): a checkpoint every
 * training.checkpointEvery steps and at the end, then the results. With `options.resume` it continues from that
 * checkpoint; a failure of numbers names the last good checkpoint, which stays in `dir`.
 */
export async function trainIntoDirectory(config: Config, dir: string, options: DirectoryRunOptions): Promise<RunResult> {
  const origin: RunOrigin = { config: runConfigText(config, options.replica ?? config.replica), ...dataIdentity(options.data) };
  if (options.resume?.origin) checkSameOrigin(options.resume.origin, origin, config, dir);
  let kept = options.resume?.step;
  const checkpoint = (state: Checkpoint) => {
    writeCheckpoint(dir, { ...state, origin });
    kept = state.step;
  };
  const run = await trainRun(config, { ...options, checkpoint }).catch((error: unknown) => {
    // A checkpoint of another shape means config.json or the checkpoint was changed after the run started.
    if (options.resume && error instanceof RangeError && /saved/.test(error.message)) throw new ConfigError(`--resume: ${dir}: ${error.message}`);
    if (error instanceof NumericalFailure && kept !== undefined) throw new NumericalFailure(`${error.message}; the last good checkpoint (step ${kept}) is kept in ${path.join(dir, checkpointFileName)}`);
    throw error;
  });
  writeRunDirectory(dir, run);
  return run;
}

/** Refuses to continue the run in `dir` from a checkpoint made from another config or other data than `now`'s. */
function checkSameOrigin(saved: RunOrigin, now: RunOrigin, config: Config, dir: string): void {
  checkSameConfig(saved.config, now.config, `--resume: ${dir}`, `expected the ${runFiles.config} it started with, or a new run`);
  checkSameData(saved, now, config.data, `--resume: ${dir}`);
}
