// The tensor-free entry `@churnlab/worker/protocol`: what the coordinator's side of a thread pool shares with the threads.
import type { MessagePort } from 'node:worker_threads';
import type { Dataset } from '@churnlab/data';
import type { ModelSpec } from '@churnlab/model/vectors';
import type { GradientPrecisionName, GradientTask, ParameterPrecisionName, ServerShardHandle, ShardUpdate, SharedParametersHandle } from '@churnlab/ps';

/** Everything a worker thread needs to serve one training run; its arrays live in shared memory. */
export interface RunSetup {
  runId: string;
  model: ModelSpec;
  store: SharedParametersHandle;
  train: Dataset;
  /**
   * How pushed micro-shard gradients are rounded (`name`), how the parameters a worker computes at are rounded (`params`;
   * float32 when absent), and the seed of the 'numeric' stream that draws both roundings.
   */
  precision: { name: GradientPrecisionName; params?: ParameterPrecisionName; seed: number; replica: number };
}

/** A run named by its id alone: what a thread that already holds the run is sent instead of its setup. */
export interface RunId {
  runId: string;
}

/**
 * The start of the error a thread throws when a message names a run by its id alone and the thread does not hold the
 * run (it never saw its setup, or dropped it as one of its oldest): the message must be sent again with the setup.
 */
export const UNKNOWN_RUN = 'this thread holds no run';

/** Compute one gradient task of a run. */
export interface GradientMessage {
  kind: 'gradient';
  setup: RunSetup | RunId;
  task: GradientTask;
}

/** Sum the gradient slots over one server shard's range and apply the shard there: its part of a barrier update. */
export interface UpdateMessage {
  kind: 'update';
  setup: RunSetup | RunId;
  shard: ServerShardHandle;
  update: ShardUpdate;
}

/** Write predictions for rows [start, end) of `data` into `out` (shared; rows × outputs). */
export interface PredictMessage {
  kind: 'predict';
  setup: RunSetup | RunId;
  data: Dataset;
  start: number;
  end: number;
  out: Float32Array;
}

/** Drop a finished run's state on this thread (its network's tensors and scratch buffers), if the thread holds it. */
export interface ReleaseMessage {
  kind: 'release';
  runId: string;
}

/** How many runs a thread holds at once; beyond that it drops the oldest, which is sent its setup again if it returns. */
export const RUNS_HELD_PER_THREAD = 8;

/** Report this thread's memory. */
export interface MemoryMessage {
  kind: 'memory';
}

/** Stop serving: the thread's serve task returns and the thread is free for the pool again. */
export interface StopMessage {
  kind: 'stop';
}

/** The pool's one long task per thread: serve the requests posted on `port` until a stop, without the pool's task queue. */
export interface ServeMessage {
  kind: 'serve';
  port: MessagePort;
}

/** A request to a serving thread, numbered so that its answer can be matched to it. */
export interface ChannelRequest {
  id: number;
  message: ThreadRequest;
}

/** A serving thread's answer to request `id`: what its handler returned, or what it threw. */
export type ChannelAnswer = { id: number; value: unknown } | { id: number; error: unknown };

/** One worker thread's own memory, at the moment it answers; buffers shared with it (parameter store, data) are not its own. */
export interface ThreadMemory {
  /** worker_threads' threadId, so the caller can tell that every thread answered. */
  threadId: number;
  /** V8's total_heap_size of this thread's isolate: what its JavaScript heap has taken from the system. */
  heapBytes: number;
  /** V8's external_memory: the ArrayBuffers this thread allocated and its WASM memory (not the shared buffers it was sent). */
  externalBytes: number;
  /** The WASM backend's memory, part of externalBytes; it only grows, so its size is its peak. */
  wasmBytes: number;
  /** How many runs' state the thread holds: runs under way, and finished ones not yet released. */
  runs: number;
}

/** The messages that belong to one training run. */
export type RunMessage = GradientMessage | UpdateMessage | PredictMessage;

/** What a serving thread is asked to do. */
export type ThreadRequest = RunMessage | ReleaseMessage | MemoryMessage | StopMessage;

/** A request that a serving thread answers: every one but a stop. */
export type ServedRequest = Exclude<ThreadRequest, { kind: 'stop' }>;
