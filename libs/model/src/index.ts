export { validateModelSpec } from './spec.js';
export type { ModelSpec } from './spec.js';
export { parameterLayout, blockView } from './layout.js';
export type { ParameterLayout, ParameterBlock, BlockRole } from './layout.js';
export { initialParameters } from './init.js';
export { Network } from './network.js';
export { BatchGradient } from './batch-gradient.js';
export { addInto, treeSum } from './tree-sum.js';
