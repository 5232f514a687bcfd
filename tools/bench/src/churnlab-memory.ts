import { withChurnlabSession, type ChurnlabRun } from './churnlab-session.js';
import { memoryModel, parameterCount } from './models.js';
import { peakRssMb } from './rss.js';

/** One worker thread's own memory after the last step, in MiB (see ThreadMemory). */
export interface WorkerMemory {
  /** The thread's V8 heap (total_heap_size). */
  heapMb: number;
  /** Its own ArrayBuffers and its WASM memory (V8's external_memory). */
  externalMb: number;
  /** Its WASM backend's memory, part of externalMb; it only grows, so this is its peak. */
  wasmMb: number;
}

/** Memory of the memory model trained on churnlab's real path. */
export interface MemoryMeasurement {
  parameters: number;
  workers: number;
  steps: number;
  /** Peak RSS of the whole process: coordinator and worker threads. */
  peakRssMb: number;
  /** Peak RSS before the worker threads started: the coordinator with its data and parameter store. */
  coordinatorRssMb: number;
  /** One per worker thread; the shared parameter store and data are the coordinator's and counted there. */
  perWorker: WorkerMemory[];
}

const MIB = 1024 * 1024;

/** Trains the memory model for `steps` steps of `run` and reads the process's peak RSS and each worker thread's memory. */
export function churnlabMemory(run: ChurnlabRun, steps: number): Promise<MemoryMeasurement> {
  return withChurnlabSession(memoryModel, run, async ({ pool, coordinatorRssMb, trainSteps }) => {
    await trainSteps(steps);
    const threads = await pool.memory();
    return {
      parameters: parameterCount(memoryModel),
      workers: run.workers,
      steps,
      peakRssMb: peakRssMb(),
      coordinatorRssMb,
      perWorker: threads.map((t) => ({ heapMb: t.heapBytes / MIB, externalMb: t.externalBytes / MIB, wasmMb: t.wasmBytes / MIB })),
    };
  });
}

/** A worker thread's own memory in all: its heap and its external memory (WASM included). */
export function workerTotalMb(w: WorkerMemory): number {
  return w.heapMb + w.externalMb;
}
