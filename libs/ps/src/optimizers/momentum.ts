import type { Optimizer, OptimizerConfig } from './optimizer.js';

/** Heavy-ball momentum: v ← μ·v + g; p ← p − lr·v. */
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
