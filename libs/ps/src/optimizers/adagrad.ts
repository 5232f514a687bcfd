import { stateVectors, type Optimizer, type OptimizerConfig } from './optimizer.js';

/**
 * Adagrad: a ← a + g²; p ← p − lr·g/(√a + ε). A zero gradient leaves a and p unchanged bit for bit (a + 0 = a,
 * p − 0 = p), so updating only the touched spans is exactly the dense update: the usual optimizer for embeddings.
 */
export function adagrad(config: OptimizerConfig, size: number, state?: Float32Array[]): Optimizer {
  const { learningRate: lr, epsilon } = config;
  const [accumulator] = stateVectors('adagrad', [size], state, () => [new Float32Array(size).fill(config.initialAccumulator)]) as [Float32Array];
  const update = (params: Float32Array, grad: Float32Array, start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const g = grad[i]!;
      const a = (accumulator[i] = accumulator[i]! + g * g);
      params[i] = params[i]! - (lr * g) / (Math.sqrt(a) + epsilon);
    }
  };
  return {
    name: 'adagrad',
    apply: (params, grad) => update(params, grad, 0, params.length),
    applySpans(params, grad, spans, count) {
      for (let s = 0; s < count; s++) update(params, grad, spans[2 * s]!, spans[2 * s + 1]!);
    },
    state: () => [accumulator],
  };
}
