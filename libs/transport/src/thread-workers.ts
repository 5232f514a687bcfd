import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Dataset } from '@churnlab/data';
import type { GradientResult, GradientTask, GradientWorkers } from '@churnlab/ps';
import type { RunSetup, ThreadMemory, WorkerMessage } from '@churnlab/worker';

/** A piscina pool of worker threads, each running one WASM SIMD tfjs backend; shared by the runs that use it. */
export class ThreadPool {
  private readonly piscina: Piscina;

  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`workers: ${threads} is not allowed; expected a positive integer`);
    const entry = createRequire(import.meta.url).resolve('@churnlab/worker/thread-entry');
    this.piscina = new Piscina({
      filename: entry,
      minThreads: threads,
      maxThreads: threads,
      // A worker's gradient is never queued behind another's on one thread: one task per thread at a time.
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Idle threads wait for tasks in their event loop rather than in Atomics.wait, which measured faster for short
      // steps (model b, 2 sync workers on 2 cores: 187 → 204 steps/s, dispatch 0.44 → 0.34 ms per step; 1 worker and
      // model a unchanged in speed).
      atomics: 'disabled',
    });
  }

  /** Runs one message on some thread of the pool. */
  run<T>(message: WorkerMessage): Promise<T> {
    return this.piscina.run(message) as Promise<T>;
  }

  /**
   * Each thread's own memory, one answer per thread. Threads share the process, so this is the only per-thread view:
   * each thread holds its message until every thread has one, and the answers' thread ids prove it.
   */
  async memory(timeoutMs = 30_000): Promise<ThreadMemory[]> {
    const arrivals = new Int32Array(new SharedArrayBuffer(4));
    const answers = await Promise.all(
      Array.from({ length: this.threads }, () => this.run<ThreadMemory>({ kind: 'memory', arrivals, threads: this.threads, timeoutMs })),
    );
    const distinct = new Set(answers.map((a) => a.threadId)).size;
    if (distinct !== this.threads) throw new Error(`memory: ${distinct} distinct threads answered; expected all ${this.threads} of the pool`);
    return answers;
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }

  /** Threads worth starting on this machine for `workers` logical workers. */
  static sizeFor(workers: number): number {
    return Math.max(1, Math.min(workers, availableParallelism()));
  }
}

/** GradientWorkers over a thread pool: `count` logical workers of one run. */
export class ThreadWorkers implements GradientWorkers {
  constructor(
    private readonly pool: ThreadPool,
    private readonly setup: RunSetup,
    readonly count: number,
  ) {}

  /** Computes one task on a pool thread. */
  compute(task: GradientTask): Promise<GradientResult> {
    return this.pool.run<GradientResult>({ kind: 'gradient', setup: this.setup, task });
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
