export type { Activation, ScalarReference } from './activation.js';
export { ActivationSpecError } from './spec-error.js';
export { parseActivation, activationNames } from './registry.js';
