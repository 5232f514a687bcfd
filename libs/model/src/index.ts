export * from './vectors.js';
export { Network } from './network.js';
export type { LayerTrace, LayerUpstream, NetworkWeights } from './network.js';
export type { LayerNormTrace } from './layer-norm.js';
export type { LossAndGradient } from './losses.js';
export { BatchGradient } from './batch-gradient.js';
export type { MicroShardPass } from './batch-gradient.js';
export { addTensors } from './add-tensors.js';
