import { withCompute, type GradientResult, type GradientTask, type GradientWorkers, type ServerShards, type SharedParameters } from '@churnlab/ps';
import { threadCpuMs } from './thread-cpu.js';

/** Milliseconds the coordinator (the main thread) spent on each of its jobs during a timed run. */
export interface CoordinatorTimes {
  /** From the gradient that completes an update arriving to the store write starting: recording the reduction of the workers' slots. */
  reductionMs: number;
  /** Inside store.write: the sequence lock and the optimizer. */
  writeMs: number;
  /** The server shards' work, part of writeMs: the optimizer and, in a barrier step, the slot sum before it. */
  shardsMs: number;
  /** Inside workers.compute until it returns its promise: handing the task to a thread. */
  dispatchMs: number;
  /** Waiting for the pool threads to sum and apply the server shards, where they do (several shards): not the coordinator's work. */
  threadShardsMs: number;
  /** Tasks handed out and results received. */
  tasks: number;
  writes: number;
  /** CPU time the main thread ran, all its work included, where the platform tells. */
  cpuMs?: number;
}

/** The times of two runs together (of the same configuration, e.g. in two rounds). */
export function addCoordinatorTimes(a: CoordinatorTimes, b: CoordinatorTimes): CoordinatorTimes {
  const sum = (key: Exclude<keyof CoordinatorTimes, 'cpuMs'>) => a[key] + b[key];
  return {
    reductionMs: sum('reductionMs'),
    writeMs: sum('writeMs'),
    shardsMs: sum('shardsMs'),
    dispatchMs: sum('dispatchMs'),
    threadShardsMs: sum('threadShardsMs'),
    tasks: sum('tasks'),
    writes: sum('writes'),
    ...(a.cpuMs !== undefined && b.cpuMs !== undefined && { cpuMs: a.cpuMs + b.cpuMs }),
  };
}

/** The coordinator's share of a run's wall time: sum, store write (with the optimizer) and dispatch over the whole. */
export function coordinatorShare(times: CoordinatorTimes, wallSeconds: number): number {
  return (times.reductionMs + times.writeMs + times.dispatchMs) / (wallSeconds * 1000);
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

  /** The same workers, with dispatch, result arrival and any server-shard updates on their threads timed. */
  workers(inner: GradientWorkers): GradientWorkers {
    const timed = withCompute(inner, (task: GradientTask): Promise<GradientResult> => {
      const start = performance.now();
      const result = inner.compute(task);
      this.times.dispatchMs += performance.now() - start;
      this.times.tasks++;
      return result.then((r) => {
        this.lastResultMs = performance.now();
        return r;
      });
    });
    const updateShards = timed.updateShards;
    if (!updateShards) return timed;
    return {
      ...timed,
      updateShards: async (...args) => {
        const start = performance.now();
        await updateShards(...args);
        this.times.threadShardsMs += performance.now() - start;
      },
    };
  }

  /** Times the server shards' work: every whole update they apply, and every barrier step's sum and update. */
  shards(shards: ServerShards): ServerShards {
    const apply = shards.apply.bind(shards);
    const update = shards.update.bind(shards);
    shards.apply = (...args: Parameters<ServerShards['apply']>) => this.timeShards(() => apply(...args));
    shards.update = (...args: Parameters<ServerShards['update']>) => this.timeShards(() => update(...args));
    return shards;
  }

  private timeShards(work: () => void): void {
    const start = performance.now();
    work();
    this.times.shardsMs += performance.now() - start;
  }

  /**
   * Times every write to `store`, and the coordinator's part of the reduction before it. A write that the pool threads
   * make (writeAsync) counts as a write, its waiting as threadShardsMs.
   */
  store(store: SharedParameters): SharedParameters {
    const write = store.write.bind(store);
    const writeAsync = store.writeAsync.bind(store);
    store.write = (...args: Parameters<SharedParameters['write']>) => {
      const start = this.startWrite();
      const version = write(...args);
      this.times.writeMs += performance.now() - start;
      return version;
    };
    store.writeAsync = (...args: Parameters<SharedParameters['writeAsync']>) => {
      this.startWrite();
      return writeAsync(...args);
    };
    return store;
  }

  private startWrite(): number {
    const start = performance.now();
    if (!Number.isNaN(this.lastResultMs)) this.times.reductionMs += start - this.lastResultMs;
    this.lastResultMs = Number.NaN;
    this.times.writes++;
    return start;
  }
}

function emptyTimes(): CoordinatorTimes {
  return { reductionMs: 0, writeMs: 0, shardsMs: 0, dispatchMs: 0, threadShardsMs: 0, tasks: 0, writes: 0 };
}
