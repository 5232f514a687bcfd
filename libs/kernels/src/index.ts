export { addInto, addSpansInto, firstNonFinite, sgdStep } from './elementwise.js';
export { sharedFloat32Array } from './kernel-memory.js';
