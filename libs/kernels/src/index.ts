export { alignedLength, FLOATS_PER_LINE } from './aligned-length.js';
export { addInto, addSpansInto, firstNonFinite, sgdStep, sgdStepOfSum, sgdStepSpans } from './elementwise.js';
export { adoptKernelMemory, kernelMemoryOf, sharedFloat32Array } from './kernel-memory.js';
export { kernelsOver } from './kernels-over.js';
export type { ElementwiseKernels } from './elementwise-module.js';
export { transposeInto } from './transpose.js';
export type { WebAssemblyMemory } from './webassembly.js';
