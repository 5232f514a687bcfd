import { MAX_STALL_MS, type GradientTask, type InjectedFault } from '@churnlab/ps';
import { arrayOf, finite, integer, oneOf, record, typedArray } from './wire-checks.js';
import { WireError } from './wire-error.js';

/**
 * The body of a task frame: the rows of the task's micro-shards and, unless the worker process already holds that
 * version (it keeps the last one it was sent per run), the parameters at the version in the frame's header.
 */
export interface TaskMessage {
  microShards: Uint32Array[];
  firstMicroShard: number;
  scale: number;
  params?: Float32Array;
  /** A fault to act out (injected to test recovery): a worker process answers 'failed' for kill and answers late for stall. */
  fault?: InjectedFault;
}

/** Most micro-shards one task may carry. */
const MAX_MICRO_SHARDS = 1 << 16;

/** The body of `task`'s frame, carrying `params` when given. */
export function taskMessage(task: GradientTask, params: Float32Array | undefined): TaskMessage {
  return { microShards: task.microShards, firstMicroShard: task.firstMicroShard, scale: task.scale, ...(params ? { params } : {}), ...(task.fault ? { fault: task.fault } : {}) };
}

/** Checks a decoded task against its run: `size` parameters, `rows` training rows. */
export function readTaskMessage(value: unknown, run: { size: number; rows: number }): TaskMessage {
  const t = record(value, 'task', ['microShards', 'firstMicroShard', 'scale'], ['params', 'fault']);
  const microShards = arrayOf(t['microShards'], 'task.microShards', MAX_MICRO_SHARDS, (v, f) => {
    const shard = typedArray(v, f, Uint32Array, { atMost: 2 ** 31 - 1 });
    // A row past the data would make the worker gather features from outside the training set.
    const bad = shard.findIndex((row) => row >= run.rows);
    if (bad >= 0) throw new WireError(`${f}: row ${shard[bad]} is not among the run's ${run.rows} training rows`);
    return shard;
  });
  const scale = finite(t['scale'], 'task.scale');
  if (!(scale > 0)) throw new WireError('task.scale: expected a positive number');
  return {
    microShards,
    firstMicroShard: integer(t['firstMicroShard'], 'task.firstMicroShard', 0, 2 ** 31 - 1),
    scale,
    ...(t['params'] !== undefined ? { params: typedArray(t['params'], 'task.params', Float32Array, { exactly: run.size }) } : {}),
    ...(t['fault'] !== undefined ? { fault: readFault(t['fault']) } : {}),
  };
}

function readFault(value: unknown): InjectedFault {
  const f = record(value, 'task.fault', ['kind'], ['ms']);
  const kind = oneOf(f['kind'], 'task.fault.kind', ['kill', 'stall'] as const);
  if (kind === 'kill') {
    if (f['ms'] !== undefined) throw new WireError('task.fault: a kill takes no ms');
    return { kind };
  }
  return { kind, ms: integer(f['ms'], 'task.fault.ms', 0, MAX_STALL_MS) };
}
