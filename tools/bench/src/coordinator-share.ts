import type { GradientResult, GradientTask, GradientWorkers, ServerShards, SharedParameters } from '@churnlab/ps';
import { threadCpuMs } from './thread-cpu.js';

/** Milliseconds the coordinator (the main thread) spent on each of its jobs during a timed run. */
export interface CoordinatorTimes {
  /** From the gradient that completes an update arriving to the store write starting: the sum of the workers' slots. */
  sumMs: number;
  /** Inside store.write: the sequence lock and the optimizer. */
  writeMs: number;
  /** The optimizer alone (ServerShards.apply), part of writeMs. */
  optimizerMs: number;
  /** Inside workers.compute until it returns its promise: handing the task to a thread. */
  dispatchMs: number;
  /** Tasks handed out and results received. */
  tasks: number;
  writes: number;
  /** CPU time the main thread ran, all its work included, where the platform tells. */
  cpuMs?: number;
}

/** The coordinator's share of a run's wall time: sum, store write (with the optimizer) and dispatch over the whole. */
export function coordinatorShare(times: CoordinatorTimes, wallSeconds: number): number {
  return (times.sumMs + times.writeMs + times.dispatchMs) / (wallSeconds * 1000);
}

/** The main thread's CPU time over the run's wall time, where the platform tells: work only, never waiting for a core. */
export function coordinatorCpuShare(times: CoordinatorTimes, wallSeconds: number): number | undefined {
  return times.cpuMs === undefined ? undefined : times.cpuMs / (wallSeconds * 1000);
}

/**
 * Times the coordinator's work of one training run from the outside: it wraps the workers, the server shards and the
 * store's write, so the order policy under study runs unchanged.
 */
export class CoordinatorClock {
  private times = emptyTimes();
  private lastResultMs = Number.NaN;
  private cpuAtReset = threadCpuMs();

  /** Starts counting afresh (after a warm-up). */
  reset(): void {
    this.times = emptyTimes();
    this.lastResultMs = Number.NaN;
    this.cpuAtReset = threadCpuMs();
  }

  /** What was counted since the last reset. */
  read(): CoordinatorTimes {
    const cpu = threadCpuMs();
    return { ...this.times, ...(cpu !== undefined && this.cpuAtReset !== undefined && { cpuMs: cpu - this.cpuAtReset }) };
  }

  /** The same workers, with dispatch and result arrival timed. */
  workers(inner: GradientWorkers): GradientWorkers {
    return {
      count: inner.count,
      compute: (task: GradientTask): Promise<GradientResult> => {
        const start = performance.now();
        const result = inner.compute(task);
        this.times.dispatchMs += performance.now() - start;
        this.times.tasks++;
        return result.then((r) => {
          this.lastResultMs = performance.now();
          return r;
        });
      },
    };
  }

  /** Times every whole update that `shards` applies (the order policies of the benchmark call `apply`). */
  shards(shards: ServerShards): ServerShards {
    const apply = shards.apply.bind(shards);
    shards.apply = (...args: Parameters<ServerShards['apply']>) => {
      const start = performance.now();
      apply(...args);
      this.times.optimizerMs += performance.now() - start;
    };
    return shards;
  }

  /** Times every write to `store`, and the sum before it. */
  store(store: SharedParameters): SharedParameters {
    const write = store.write.bind(store);
    store.write = (...args: Parameters<SharedParameters['write']>) => {
      const start = performance.now();
      if (!Number.isNaN(this.lastResultMs)) this.times.sumMs += start - this.lastResultMs;
      this.lastResultMs = Number.NaN;
      const version = write(...args);
      this.times.writeMs += performance.now() - start;
      this.times.writes++;
      return version;
    };
    return store;
  }
}

function emptyTimes(): CoordinatorTimes {
  return { sumMs: 0, writeMs: 0, optimizerMs: 0, dispatchMs: 0, tasks: 0, writes: 0 };
}
