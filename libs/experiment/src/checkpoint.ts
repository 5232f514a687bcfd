import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Packr } from 'msgpackr';
import type { StoreState, UpdateEvent } from '@churnlab/ps';
import { ConfigError } from './config-error.js';
import type { RunOrigin } from './run-origin.js';
import { writeFileAtomically } from './run-directory.js';

// moreTypes makes msgpackr round-trip typed arrays instead of turning them into plain arrays.
const packr = new Packr({ moreTypes: true });

/** The checkpoint file of a run directory. */
export const checkpointFileName = 'checkpoint.msgpack';
const FORMAT = 'churnlab-checkpoint/1';

/** Whether `dir`, or any run directory under it, holds a checkpoint: what a failed run leaves for --resume. */
export function holdsCheckpoint(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir, { recursive: true }).some((file) => path.basename(String(file)) === checkpointFileName);
}

/** Everything a run needs to continue after `step` completed steps exactly as if it had not stopped. */
export interface Checkpoint {
  step: number;
  /** Parameters, version and kept history of the parameter store. */
  store: StoreState;
  /** Each server shard's optimizer state vectors. */
  optimizer: Float32Array[][];
  /** The update log so far. */
  events: UpdateEvent[];
  /** Mean training loss of the last completed step. */
  lastLoss: number;
  /** The config and data the run started from, which a resume must still have; absent from older checkpoints. */
  origin?: RunOrigin;
}

/** Writes `dir`/checkpoint.msgpack atomically: a kill leaves the previous checkpoint whole. */
export function writeCheckpoint(dir: string, checkpoint: Checkpoint): void {
  writeFileAtomically(path.join(dir, checkpointFileName), packr.pack({ format: FORMAT, ...checkpoint }));
}

/** Reads `dir`/checkpoint.msgpack; a missing or damaged file is a ConfigError naming it and what was expected. */
export function readCheckpoint(dir: string): Checkpoint {
  const file = path.join(dir, checkpointFileName);
  if (!existsSync(file)) throw new ConfigError(`--resume: ${file} is missing; expected a run directory that churnlab train, compare or sweep checkpointed`);
  let value: unknown;
  try {
    value = packr.unpack(readFileSync(file));
  } catch (error) {
    throw new ConfigError(`${file}: not a readable checkpoint (${(error as Error).message}); expected a checkpoint written by churnlab train, compare or sweep`);
  }
  const problem = checkpointProblem(value);
  if (problem) throw new ConfigError(`${file}: ${problem}; expected a ${FORMAT} file written by churnlab train, compare or sweep`);
  const { format: _format, ...checkpoint } = value as Checkpoint & { format: string };
  return checkpoint;
}

function checkpointProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'not a checkpoint object';
  const c = value as Record<string, unknown>;
  if (c['format'] !== FORMAT) return `format ${JSON.stringify(c['format'])}`;
  if (!Number.isSafeInteger(c['step']) || (c['step'] as number) < 0) return `step ${JSON.stringify(c['step'])}`;
  const store = c['store'] as Record<string, unknown> | undefined;
  if (!(store?.['params'] instanceof Float32Array) || !(store['history'] instanceof Float32Array) || !(store['historyVersions'] instanceof Int32Array) || !Number.isSafeInteger(store['version'])) {
    return 'store: not the parameters, history and version of a parameter store';
  }
  const optimizer = c['optimizer'];
  if (!Array.isArray(optimizer) || !optimizer.every((shard) => Array.isArray(shard) && shard.every((v) => v instanceof Float32Array))) return 'optimizer: not the state vectors of the server shards';
  if (!Array.isArray(c['events'])) return 'events: not a list of updates';
  if (typeof c['lastLoss'] !== 'number') return `lastLoss ${JSON.stringify(c['lastLoss'])}`;
  return c['origin'] === undefined || isOrigin(c['origin']) ? undefined : 'origin: not the config text and data hashes of a run';
}

function isOrigin(value: unknown): boolean {
  const o = value as Record<string, unknown> | null;
  return !!o && typeof o === 'object' && ['config', 'trainSha256', 'evalSha256'].every((key) => typeof o[key] === 'string');
}
