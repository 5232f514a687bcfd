import { stateVectors, type Optimizer, type OptimizerConfig } from './optimizer.js';

/**
 * Heavy-ball momentum: v ← μ·v + g; p ← p − lr·v. No sparse path: an element with a zero gradient still moves by its
 * decaying velocity, so embedding tables are applied densely (a lazy variant that skips untouched rows would be another
 * algorithm, and would make the result depend on which rows a batch happened to touch).
 */
export function momentum(config: OptimizerConfig, size: number, state?: Float32Array[]): Optimizer {
  const { learningRate: lr, momentum: mu } = config;
  const [velocity] = stateVectors('momentum', [size], state, () => [new Float32Array(size)]) as [Float32Array];
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
