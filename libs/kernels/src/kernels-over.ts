import { instantiate, type ElementwiseKernels } from './elementwise-module.js';
import type { WebAssemblyMemory } from './webassembly.js';

/** Keyed by the memory itself: the buffer of a memory that is not shared is replaced each time the memory grows. */
const kernelsByMemory = new WeakMap<WebAssemblyMemory, ElementwiseKernels>();

/**
 * The kernels over another module's memory, shared or not (such as a tensor backend's heap), made once per memory:
 * they then work on that module's data where it lies. Addresses are byte offsets into the memory.
 */
export function kernelsOver(memory: WebAssemblyMemory): ElementwiseKernels {
  let kernels = kernelsByMemory.get(memory);
  if (!kernels) kernelsByMemory.set(memory, (kernels = instantiate(memory)));
  return kernels;
}
