import { isolatedAsync } from './isolate.js';
import type { Roofline } from './roofline.js';

/** What `threads` threads doing the roofline's matMul at the same time reach together: the ceiling of worker scaling. */
export interface ParallelRoofline {
  threads: number;
  /** Sum of the threads' GFLOP/s. */
  gflops: number;
  perThread: Roofline[];
}

/** Runs the roofline in `threads` processes at once (one thread each), timed from a common start after their warm-up. */
export async function parallelRoofline(threads: number, size: number, repeats: number): Promise<ParallelRoofline> {
  const startAtMs = Date.now() + 5000;
  const perThread = await Promise.all(Array.from({ length: threads }, () => isolatedAsync({ kind: 'roofline', size, repeats, startAtMs })));
  return { threads, gflops: perThread.reduce((sum, r) => sum + r.gflops, 0), perThread };
}
