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
  /**
   * The same update as `apply`, as one step, on the element spans [spans[2i], spans[2i+1]) for i < count only (ascending,
   * disjoint); every other element and its state stay as they are. Present only where that is exactly `apply` whenever
   * `grad` is zero outside the spans (a zero gradient leaves an element and its state unchanged, bit for bit): SGD
   * and Adagrad. Momentum and Adam decay their state on every step, so their sparse ("lazy") forms are different
   * algorithms; they have no sparse path and are always applied densely.
   */
  readonly applySpans?: (params: Float32Array, grad: Float32Array, spans: Uint32Array, count: number) => void;
  /**
   * `apply` of the float32 sum left + right, bit for bit, in one pass that does not write the sum down (left keeps its
   * values): a barrier step's last slot addition and the update read each vector once. Present where a fused loop
   * exists: SGD.
   */
  readonly applySum?: (params: Float32Array, left: Float32Array, right: Float32Array) => void;
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

/**
 * The state vectors of an optimizer: `given` ones, adopted as they are (say in shared memory, so that another thread
 * applies the same optimizer), after checking that they are `lengths` long; else the fresh ones `fresh` makes.
 */
export function stateVectors(name: OptimizerName, lengths: number[], given: Float32Array[] | undefined, fresh: () => Float32Array[]): Float32Array[] {
  if (given === undefined) return fresh();
  const fits = given.length === lengths.length && given.every((v, i) => v.length === lengths[i]);
  if (!fits) throw new RangeError(`${name}: state of ${given.length} vectors of lengths [${given.map((v) => v.length).join(', ')}] given; expected lengths [${lengths.join(', ')}]`);
  return given;
}
