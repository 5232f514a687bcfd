import { sgdStep } from '@churnlab/kernels';
import type { Optimizer, OptimizerConfig } from './optimizer.js';

/** Plain SGD: p ← p − lr·g. A zero gradient leaves p unchanged, so updating only touched spans is exact. */
export function sgd(config: OptimizerConfig): Optimizer {
  const lr = config.learningRate;
  const update = (params: Float32Array, grad: Float32Array, start: number, end: number) => sgdStep(params, grad, lr, start, end);
  return {
    name: 'sgd',
    apply: (params, grad) => update(params, grad, 0, params.length),
    applySpans(params, grad, spans, count) {
      for (let s = 0; s < count; s++) update(params, grad, spans[2 * s]!, spans[2 * s + 1]!);
    },
    state: () => [],
  };
}
