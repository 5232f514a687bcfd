import { stateVectors, type Optimizer, type OptimizerConfig } from './optimizer.js';

/**
 * Adam with bias correction folded into the step size, ε added to √v (the efficient form of Kingma & Ba, §2).
 * No sparse path: m and v decay on every step and a zero gradient still moves p by m̂/√v̂, so embedding tables are
 * applied densely. (LazyAdam, which updates only touched rows, is a different algorithm; it is not offered.)
 */
export function adam(config: OptimizerConfig, size: number, state?: Float32Array[]): Optimizer {
  const { learningRate: lr, beta1, beta2, epsilon } = config;
  const [first, second, steps] = stateVectors('adam', [size, size, 1], state, () => [new Float32Array(size), new Float32Array(size), new Float32Array(1)]) as [Float32Array, Float32Array, Float32Array];
  return {
    name: 'adam',
    apply(params, grad) {
      const t = (steps[0] = steps[0]! + 1);
      const stepSize = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      for (let i = 0; i < params.length; i++) {
        const g = grad[i]!;
        const m = (first[i] = beta1 * first[i]! + (1 - beta1) * g);
        const v = (second[i] = beta2 * second[i]! + (1 - beta2) * g * g);
        params[i] = params[i]! - (stepSize * m) / (Math.sqrt(v) + epsilon);
      }
    },
    state: () => [first, second, steps],
  };
}
