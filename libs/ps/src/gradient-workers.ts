import type { ServerShardHandle } from './server-shard.js';
import type { ShardUpdate } from './shard-update.js';

/** One worker's share of a step: the rows of each of its micro-shards, summed in a fixed tree. */
export interface GradientTask {
  step: number;
  worker: number;
  microShards: Uint32Array[];
  /** Index of the first of them among the step's micro-shards. */
  firstMicroShard: number;
  /** 1 / the step's whole batch size, so shard gradients add up to the batch-mean gradient. */
  scale: number;
  /** Compute at this kept version of the parameters instead of the live ones (simulated staleness). */
  readVersion?: number;
  /** Gradient slot to write; `worker` when absent. */
  slot?: number;
  /** Write the slot only while this is its lease (SharedParameters.leaseSlot); any time when absent. */
  lease?: number;
  /** A fault to act out on this attempt (injected, to test recovery). */
  fault?: InjectedFault;
}

/** A worker thread or process that dies part-way through a task, or stalls for `ms` before it finishes. */
export type InjectedFault = { kind: 'kill' } | { kind: 'stall'; ms: number };

/** What a worker reports back; the gradient itself lands in the worker's gradient slot. */
export interface GradientResult {
  step: number;
  worker: number;
  versionRead: number;
  lossSum: number;
  rows: number;
  /** Index (in the parameter vector) of the first NaN or infinite gradient element; absent when all are finite. */
  firstNonFinite?: number;
  /** The slot was not written because the task's lease had been given to a retry. */
  superseded?: boolean;
}

/** The parameter server's view of its workers, whatever carries the messages (threads, NATS). */
export interface GradientWorkers {
  readonly count: number;
  /** Reads the parameters (live, or `task.readVersion`), computes the task's gradient into its gradient slot, and reports. */
  compute(task: GradientTask): Promise<GradientResult>;
  /**
   * Applies a barrier step's update on the workers' own threads, one request per server shard (`shards`), all at
   * once, and resolves when every shard is done. Offered only by workers that share the store's memory (threads).
   */
  updateShards?(shards: ServerShardHandle[], update: ShardUpdate): Promise<void>;
}

/** `workers` with `compute` in place of theirs, and their updateShards where they have one: for wrappers that watch or check tasks. */
export function withCompute(workers: GradientWorkers, compute: GradientWorkers['compute']): GradientWorkers {
  const updateShards = workers.updateShards?.bind(workers);
  return { count: workers.count, compute, ...(updateShards && { updateShards }) };
}
