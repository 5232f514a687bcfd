export type { Activation, ScalarReference } from './activation.js';
export { parseActivation } from './registry.js';
export { ActivationSpecError, parseActivationSpec, activationNames, type ActivationSpec } from './spec.js';
