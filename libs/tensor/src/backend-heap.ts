import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, type Tensor } from './tf.js';

/** A WebAssembly memory as the heap's users need it: its bytes, replaced each time it grows. */
export interface HeapMemory {
  readonly buffer: ArrayBufferLike;
}

/**
 * The WASM backend's heap, where its tensors' values lie, so that the kernels of another WebAssembly module can read
 * and write them in place instead of through copies into and out of JavaScript arrays.
 */
export interface BackendHeap {
  /** The backend's WebAssembly memory. */
  readonly memory: HeapMemory;
  /** The byte offset of a tensor's values in the memory, valid while the tensor lives. */
  byteOffset(tensor: Tensor): number;
  /** A new float32 tensor of `shape` whose values are not set: for a kernel to write before anything reads it. */
  allocate(shape: number[]): Tensor;
  /** Whether no other tensor shares this tensor's values (a reshape shares them), so that a kernel may overwrite them. */
  soleOwner(tensor: Tensor): boolean;
}

// The parts of BackendWasm that its declarations leave out: its Emscripten module's memory.
interface EmscriptenMemory {
  asm: { memory: HeapMemory };
}

/** The heap of this thread's WASM backend, or undefined on another backend. */
export function backendHeap(): BackendHeap | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const backend = tf.backend() as BackendWasm;
  return {
    memory: (backend.wasm as unknown as EmscriptenMemory).asm.memory,
    byteOffset(tensor) {
      const offset = backend.dataIdMap.has(tensor.dataId) ? backend.dataIdMap.get(tensor.dataId).memoryOffset : undefined;
      if (typeof offset !== 'number') throw new Error(`backendHeap: the tensor of shape [${tensor.shape.join(', ')}] has no values on the WASM heap (disposed?)`);
      return offset;
    },
    allocate(shape) {
      return tf.engine().makeTensorFromTensorInfo(backend.makeOutput(shape, 'float32'));
    },
    soleOwner(tensor) {
      return backend.refCount(tensor.dataId) === 1;
    },
  };
}
