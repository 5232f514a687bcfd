import type { Optimizer, OptimizerConfig } from './optimizer.js';

/**
 * Heavy-ball momentum: v ← μ·v + g; p ← p − lr·v. No sparse path: an element with a zero gradient still moves by its
 * decaying velocity, so embedding tables are applied densely (a lazy variant that skips untouched rows would be another
 * algorithm, and would make the result depend on which rows a batch happened to touch).
 */
export function momentum(config: OptimizerConfig, size: number): Optimizer {
  const { learningRate: lr, momentum: mu } = config;
  const velocity = new Float32Array(size);
  return {
    name: 'momentum',
    apply(params, grad) {
      for (let i = 0; i < params.length; i++) {
        const v = (velocity[i] = mu * velocity[i]! + grad[i]!);
        params[i] = params[i]! - lr * v;
      }
    },
    state: () => [velocity],
  };
}
