import type { Optimizer, OptimizerConfig } from './optimizer.js';

/** Adagrad: a ← a + g²; p ← p − lr·g/(√a + ε). */
export function adagrad(config: OptimizerConfig, size: number): Optimizer {
  const { learningRate: lr, epsilon } = config;
  const accumulator = new Float32Array(size).fill(config.initialAccumulator);
  return {
    name: 'adagrad',
    apply(params, grad) {
      for (let i = 0; i < params.length; i++) {
        const g = grad[i]!;
        const a = (accumulator[i] = accumulator[i]! + g * g);
        params[i] = params[i]! - (lr * g) / (Math.sqrt(a) + epsilon);
      }
    },
    state: () => [accumulator],
  };
}
