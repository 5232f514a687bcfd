import { MAX_PAGES, PAGE_BYTES, type ElementwiseKernels } from './elementwise-module.js';
import { kernelsOver } from './kernels-over.js';
import { webAssembly, type WebAssemblyMemory } from './webassembly.js';

/** The kernels bound to each shared memory made or adopted here, keyed by the memory's SharedArrayBuffer (as this thread sees it). */
const kernelsByBuffer = new WeakMap<ArrayBufferLike, ElementwiseKernels>();
/** The WebAssembly memory behind each such buffer, so that it can be handed to another thread. */
const memoryByBuffer = new WeakMap<ArrayBufferLike, WebAssemblyMemory>();

/**
 * `length` float32 zeros in shared memory that the kernels update in place: a WebAssembly memory of their own, so
 * vectors cut from this array (subarrays) need no copies through a scratch memory when both operands of a kernel are
 * in it. Beyond the 4 GiB a WebAssembly memory holds, a plain SharedArrayBuffer, updated chunk by chunk like any array.
 * Other threads see the memory as a plain SharedArrayBuffer.
 */
export function sharedFloat32Array(length: number): Float32Array {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`sharedFloat32Array: length ${length} is not a whole number of elements`);
  const pages = kernelMemoryPages(length);
  if (pages === undefined) return new Float32Array(new SharedArrayBuffer(length * 4));
  const memory = new webAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  adoptKernelMemory(memory);
  return new Float32Array(memory.buffer, 0, length);
}

/** The kernel memory that `array` lies in, to post to another thread (which adopts it), or undefined when it lies in none. */
export function kernelMemoryOf(array: Float32Array): WebAssemblyMemory | undefined {
  return memoryByBuffer.get(array.buffer);
}

/**
 * Lets this thread's kernels update arrays in `memory` (a kernel memory another thread made and posted here) in place.
 * Returns the memory's buffer, as this thread sees it.
 */
export function adoptKernelMemory(memory: WebAssemblyMemory): SharedArrayBuffer {
  if (!kernelsByBuffer.has(memory.buffer)) {
    kernelsByBuffer.set(memory.buffer, kernelsOver(memory));
    memoryByBuffer.set(memory.buffer, memory);
  }
  return memory.buffer as SharedArrayBuffer;
}

/** The WebAssembly pages that `length` float32 take in a kernel memory (at least one), or undefined when they do not fit one. */
export function kernelMemoryPages(length: number): number | undefined {
  const pages = Math.max(1, Math.ceil((length * 4) / PAGE_BYTES));
  return pages <= MAX_PAGES ? pages : undefined;
}

/** The kernels that update `first` (with `second` and `third`) in place, when all lie in one kernel memory of this thread. */
export function inPlaceKernels(first: Float32Array, second: Float32Array = first, third: Float32Array = second): ElementwiseKernels | undefined {
  // Called once per span of a sparse update, so it allocates nothing.
  return second.buffer === first.buffer && third.buffer === first.buffer ? kernelsByBuffer.get(first.buffer) : undefined;
}
