/** Settings of every optimizer; each reads the fields it needs. */
export interface OptimizerConfig {
  name: OptimizerName;
  learningRate: number;
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  initialAccumulator: number;
}

export type OptimizerName = 'sgd' | 'momentum' | 'adagrad' | 'adam';

/** An update rule that owns its per-parameter state and applies a gradient in place with one fused loop. */
export interface Optimizer {
  readonly name: OptimizerName;
  /** params ← params − update(grad); advances the optimizer's state. */
  apply(params: Float32Array, grad: Float32Array): void;
  /** The optimizer's state vectors, for checkpoints. */
  state(): Float32Array[];
}

export const defaultOptimizerConfig: OptimizerConfig = {
  name: 'sgd',
  learningRate: 0.1,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  initialAccumulator: 0.1,
};
