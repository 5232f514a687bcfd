import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { tf } from '@churnlab/tensor';
import type { MemoryMessage, ThreadMemory } from './messages.js';

// The part of tfjs-backend-wasm's BackendWasm read here: its Emscripten module's byte view of the WASM memory
// (this package does not depend on tfjs-backend-wasm itself; @churnlab/tensor loads it).
interface WasmBackendMemory {
  wasm: { HEAPU8: Uint8Array };
}

/**
 * This thread's memory, read once every thread of the pool holds a memory message: until then the thread waits, so
 * that it cannot take a second one while another thread has none.
 */
export function threadMemory(message: MemoryMessage): ThreadMemory {
  if (tf.getBackend() !== 'wasm') throw new Error(`thread ${threadId}: memory asked of a thread on the "${tf.getBackend()}" backend; expected "wasm"`);
  awaitEveryThread(message);
  const heap = getHeapStatistics();
  const wasmBytes = (tf.backend() as unknown as WasmBackendMemory).wasm.HEAPU8.byteLength;
  return { threadId, heapBytes: heap.total_heap_size, externalBytes: heap.external_memory, wasmBytes };
}

/** Counts this thread in and blocks (worker threads may) until `message.threads` have arrived, or throws at the timeout. */
function awaitEveryThread({ arrivals, threads, timeoutMs }: MemoryMessage): void {
  Atomics.add(arrivals, 0, 1);
  Atomics.notify(arrivals, 0);
  const deadline = performance.now() + timeoutMs;
  for (let arrived = Atomics.load(arrivals, 0); arrived < threads; arrived = Atomics.load(arrivals, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`thread ${threadId}: only ${arrived} of ${threads} pool threads took a memory message within ${timeoutMs} ms (busy with other tasks?)`);
    Atomics.wait(arrivals, 0, arrived, left);
  }
}
