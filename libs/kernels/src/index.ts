export { addInto, addSpansInto, firstNonFinite, sgdStep, sgdStepSpans } from './elementwise.js';
export { sharedFloat32Array } from './kernel-memory.js';
