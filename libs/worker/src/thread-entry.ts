import { initWasmBackend } from '@churnlab/tensor';
import type { GradientResult } from '@churnlab/ps';
import type { WorkerMessage } from './messages.js';
import { WorkerRuntime } from './runtime.js';

// One single-threaded WASM SIMD backend per worker thread, proven at start-up: a thread that cannot have it fails every task loudly.
const backend = initWasmBackend();

// A pool serves runs one after another (and a few at once); tasks name their run, and the oldest runs' state is dropped.
const RUNS_KEPT = 4;
const runtimes = new Map<string, WorkerRuntime>();

function runtimeFor(message: WorkerMessage): WorkerRuntime {
  const known = runtimes.get(message.setup.runId);
  if (known) return known;
  if (runtimes.size >= RUNS_KEPT) {
    const [oldestId, oldest] = runtimes.entries().next().value as [string, WorkerRuntime];
    oldest.dispose();
    runtimes.delete(oldestId);
  }
  const runtime = new WorkerRuntime(message.setup);
  runtimes.set(message.setup.runId, runtime);
  return runtime;
}

/** The piscina task handler of a worker thread. */
export default async function handle(message: WorkerMessage): Promise<GradientResult | null> {
  await backend;
  const runtime = runtimeFor(message);
  if (message.kind === 'gradient') return runtime.computeGradient(message.task);
  runtime.predict(message.data, message.start, message.end, message.out);
  return null;
}
