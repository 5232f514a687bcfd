import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { tf } from '@churnlab/tensor';
import type { ThreadMemory } from './messages.js';

// The part of tfjs-backend-wasm's BackendWasm read here: its Emscripten module's byte view of the WASM memory
// (this package does not depend on tfjs-backend-wasm itself; @churnlab/tensor loads it).
interface WasmBackendMemory {
  wasm: { HEAPU8: Uint8Array };
}

/** This thread's memory: its V8 heap, its external memory and, inside that, its WASM backend's memory; and the `runs` it holds. */
export function threadMemory(runs: number): ThreadMemory {
  if (tf.getBackend() !== 'wasm') throw new Error(`thread ${threadId}: memory asked of a thread on the "${tf.getBackend()}" backend; expected "wasm"`);
  const heap = getHeapStatistics();
  const wasmBytes = (tf.backend() as unknown as WasmBackendMemory).wasm.HEAPU8.byteLength;
  return { threadId, heapBytes: heap.total_heap_size, externalBytes: heap.external_memory, wasmBytes, runs };
}
