import { initWasmBackend } from '@churnlab/tensor';
import type { InjectedFault } from '@churnlab/ps';
import { RUNS_HELD_PER_THREAD, UNKNOWN_RUN, type RunMessage, type ServeMessage, type ServedRequest } from './messages.js';
import { scheduleAsBatch } from './batch-scheduling.js';
import { WorkerRuntime } from './runtime.js';
import { serveChannel } from './serve-channel.js';
import { threadMemory } from './thread-memory.js';

// A worker computes for tens of milliseconds at a time: woken, it should not take the coordinator's core (see batch-scheduling.ts).
scheduleAsBatch();

// One single-threaded WASM SIMD backend per worker thread, proven at start-up: a thread that cannot have it fails every request loudly.
const backend = initWasmBackend();

// A pool serves runs one after another, or several at once; requests name their run. A finished run is released; should
// more runs than RUNS_HELD_PER_THREAD come, the oldest one's state is dropped.
const runtimes = new Map<string, WorkerRuntime>();

function runtimeFor(message: RunMessage): WorkerRuntime {
  const known = runtimes.get(message.setup.runId);
  if (known) return known;
  if (!('model' in message.setup)) throw new Error(`${UNKNOWN_RUN} ${message.setup.runId}`);
  if (runtimes.size >= RUNS_HELD_PER_THREAD) release(runtimes.keys().next().value!);
  const runtime = new WorkerRuntime(message.setup);
  runtimes.set(message.setup.runId, runtime);
  return runtime;
}

/** The piscina task of a worker thread: once its backend is up (or has failed), serve the pool's requests until a stop. */
export default async function serve(message: ServeMessage): Promise<void> {
  const failure = await backend.then(
    () => undefined,
    (error: unknown) => error,
  );
  await serveChannel(message, (request) => {
    if (failure !== undefined) throw failure;
    return handle(request);
  });
}

function handle(message: ServedRequest): unknown {
  if (message.kind === 'memory') return threadMemory(runtimes.size);
  if (message.kind === 'release') return release(message.runId);
  const runtime = runtimeFor(message);
  if (message.kind === 'gradient') {
    actOut(message.task.fault);
    return runtime.computeGradient(message.task);
  }
  if (message.kind === 'update') return runtime.updateShard(message.shard, message.update);
  runtime.predict(message.data, message.start, message.end, message.out);
  return null;
}

/** Frees run `runId`'s state, if this thread holds it. */
function release(runId: string): null {
  runtimes.get(runId)?.dispose();
  runtimes.delete(runId);
  return null;
}

/** Acts out an injected fault: the thread dies in the middle of its task, or stalls before finishing it. */
function actOut(fault: InjectedFault | undefined): void {
  // In a worker thread, process.exit ends this thread only: to the pool it is a worker that died.
  if (fault?.kind === 'kill') process.exit(1);
  if (fault?.kind === 'stall') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, fault.ms);
}
