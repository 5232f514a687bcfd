export { tf } from './tf.js';
export type { Tensor, Tensor1D, Tensor2D, Scalar, NamedTensorMap } from './tf.js';
export { registerTransposeFreeMatMulGradient } from './matmul-gradient.js';
export { initWasmBackend, initCpuBackend, defaultWasmDir, BackendUnavailableError } from './wasm-backend.js';
export type { BackendInfo, WasmBackendOptions } from './wasm-backend.js';
export { readInto } from './read-into.js';
export { log1p } from './log1p.js';
export { backendHeap } from './backend-heap.js';
export type { BackendHeap, HeapMemory } from './backend-heap.js';
