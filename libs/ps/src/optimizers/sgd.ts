import type { Optimizer, OptimizerConfig } from './optimizer.js';

/** Plain SGD: p ← p − lr·g. */
export function sgd(config: OptimizerConfig): Optimizer {
  const lr = config.learningRate;
  return {
    name: 'sgd',
    apply(params, grad) {
      for (let i = 0; i < params.length; i++) params[i] = params[i]! - lr * grad[i]!;
    },
    state: () => [],
  };
}
