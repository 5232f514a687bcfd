export { addInto, addSpansInto, firstNonFinite, sgdStep, sgdStepSpans } from './elementwise.js';
export { adoptKernelMemory, kernelMemoryOf, sharedFloat32Array } from './kernel-memory.js';
export { transposeInto } from './transpose.js';
export type { WebAssemblyMemory } from './webassembly.js';
