import { sgdStep, sgdStepOfSum, sgdStepSpans } from '@churnlab/kernels';
import { stateVectors, type Optimizer, type OptimizerConfig } from './optimizer.js';

/** Plain SGD: p ← p − lr·g. A zero gradient leaves p unchanged, so updating only touched spans is exact. */
export function sgd(config: OptimizerConfig, _size: number, state?: Float32Array[]): Optimizer {
  stateVectors('sgd', [], state, () => []);
  const lr = config.learningRate;
  return {
    name: 'sgd',
    apply: (params, grad) => sgdStep(params, grad, lr, 0, params.length),
    applySpans: (params, grad, spans, count) => sgdStepSpans(params, grad, lr, spans, count),
    applySum: (params, left, right) => sgdStepOfSum(params, left, right, lr),
    state: () => [],
  };
}
