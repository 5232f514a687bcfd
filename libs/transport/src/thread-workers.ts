import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Dataset } from '@churnlab/data';
import type { GradientResult, GradientTask, GradientWorkers, ServerShardHandle, ShardUpdate } from '@churnlab/ps';
import { RUNS_HELD_PER_THREAD, type RunMessage, type RunSetup, type ServedRequest, type ThreadMemory } from '@churnlab/worker/protocol';
import { ThreadChannel } from './thread-channel.js';

interface Queued {
  message: ServedRequest;
  /** The one channel that must serve it; any free one when absent. */
  channel?: ThreadChannel;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * A piscina pool of worker threads, each running one WASM SIMD tfjs backend; shared by the runs that use it. Piscina
 * starts the threads and replaces any that dies; each thread serves requests through its own channel, and requests wait
 * here, in order, for a free one. The serving threads keep the process alive until the pool is closed.
 */
export class ThreadPool {
  private readonly piscina: Piscina;
  private readonly channels: ThreadChannel[];
  private readonly queue: Queued[] = [];
  private closing = false;

  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`workers: ${threads} is not allowed; expected a positive integer`);
    const entry = createRequire(import.meta.url).resolve('@churnlab/worker/thread-entry');
    // One serve task per thread, for as long as the pool lives.
    this.piscina = new Piscina({ filename: entry, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: 1, idleTimeout: Number.POSITIVE_INFINITY });
    this.channels = Array.from({ length: threads }, () => new ThreadChannel(this.piscina, () => this.dispatch()));
  }

  /** Runs one message of a run on the first thread free. */
  run<T>(message: RunMessage): Promise<T> {
    return this.enqueue<T>(message);
  }

  /** Has every thread drop run `runId`'s state, once it is free: the run is over. Nothing to wait for, and nothing to fail. */
  release(runId: string): void {
    for (const channel of this.channels) this.enqueue({ kind: 'release', runId }, channel).catch(() => undefined);
  }

  /** Each thread's own memory: one answer per thread, in thread order, each once the thread is free. */
  async memory(): Promise<ThreadMemory[]> {
    return Promise.all(this.channels.map((channel) => this.enqueue<ThreadMemory>({ kind: 'memory' }, channel)));
  }

  /**
   * Stops every thread: requests still waiting, and any made from now on, fail; requests under way get
   * DRAIN_MS to finish first. A thread terminated in the middle of a task could leave its gradient slot's lock held.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const queued of this.queue.splice(0)) queued.reject(closedError());
    let timer: NodeJS.Timeout | undefined;
    const drained = Promise.all(this.channels.map((channel) => channel.idle()));
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS)))]).finally(() => clearTimeout(timer));
    this.channels.forEach((channel) => channel.stop());
    await this.piscina.destroy();
  }

  /** How many runs a pool thread holds at once: runs trained at the same time on one pool should be at most this many. */
  static readonly runsHeld = RUNS_HELD_PER_THREAD;

  /** Threads worth starting on this machine for `workers` logical workers. */
  static sizeFor(workers: number): number {
    return Math.max(1, Math.min(workers, availableParallelism()));
  }

  private enqueue<T>(message: Queued['message'], channel?: ThreadChannel): Promise<T> {
    if (this.closing) return Promise.reject(closedError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ message, ...(channel && { channel }), resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Hands waiting requests, oldest first, to free channels that may serve them. */
  private dispatch(): void {
    for (const channel of this.channels) {
      if (channel.busy) continue;
      const next = this.queue.findIndex((queued) => queued.channel === undefined || queued.channel === channel);
      if (next < 0) continue;
      const [queued] = this.queue.splice(next, 1);
      channel.request(queued!.message).then(queued!.resolve, queued!.reject);
    }
  }
}

/** How long a closing pool waits for the requests under way: a gradient task takes milliseconds to a few seconds. */
const DRAIN_MS = 2_000;

function closedError(): Error {
  return new Error('the thread pool was closed');
}

/** GradientWorkers over a thread pool: `count` logical workers of one run. */
export class ThreadWorkers implements GradientWorkers {
  /**
   * Each server shard's part of a barrier update on a pool thread, all at once, as many in parallel as there are
   * threads. Offered only by a pool of several threads: one thread would apply the shards one after another, as the
   * coordinator does, plus the round trip.
   */
  readonly updateShards?: (shards: ServerShardHandle[], update: ShardUpdate) => Promise<void>;

  constructor(
    private readonly pool: ThreadPool,
    private readonly setup: RunSetup,
    readonly count: number,
  ) {
    if (pool.threads > 1) this.updateShards = (shards, update) => this.updateOnThreads(shards, update);
  }

  private async updateOnThreads(shards: ServerShardHandle[], update: ShardUpdate): Promise<void> {
    await Promise.all(shards.map((shard) => this.pool.run({ kind: 'update', setup: this.setup, shard, update })));
  }

  /** Computes one task on a pool thread. */
  compute(task: GradientTask): Promise<GradientResult> {
    return this.pool.run<GradientResult>({ kind: 'gradient', setup: this.setup, task });
  }

  /** Ends the run on the pool: its threads free what they hold of it. */
  close(): Promise<void> {
    this.pool.release(this.setup.runId);
    return Promise.resolve();
  }

  /** Predictions for every row of `data` at the current parameters, split across the pool. */
  async predict(data: Dataset): Promise<Float32Array> {
    const out = new Float32Array(new SharedArrayBuffer(data.rows * data.outputs * 4));
    const parts = this.pool.threads;
    await Promise.all(
      Array.from({ length: parts }, (_, p) => {
        const start = Math.floor((p * data.rows) / parts);
        const end = Math.floor(((p + 1) * data.rows) / parts);
        return this.pool.run({ kind: 'predict', setup: this.setup, data, start, end, out });
      }),
    );
    return out;
  }
}
