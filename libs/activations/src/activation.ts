import { tf, type Tensor } from '@churnlab/tensor';
import type { ActivationSpec } from './spec.js';

/** A float64 scalar implementation of an activation, the reference the tfjs ops are tested against. */
export interface ScalarReference {
  f(x: number): number;
  df(x: number): number;
}

/** One activation function, parsed from a spec string such as 'smelu:0.5'. */
export interface Activation {
  readonly name: string;
  readonly spec: string;
  readonly params: Readonly<Record<string, number | string>>;
  /** Elementwise f(x) as a tfjs op whose gradient is the analytic f'(x). */
  apply(x: Tensor): Tensor;
  /** f(x) as plain tfjs ops, for code that writes the backward pass itself: apply's value. */
  forward(x: Tensor): Tensor;
  /** The analytic f'(x) as tfjs ops: apply's gradient is dy · derivative(x). */
  derivative(x: Tensor): Tensor;
  readonly reference: ScalarReference;
}

/** What an activation file supplies for its parsed spec: the forward and the analytic derivative as tensor expressions, plus its scalar reference. */
export interface ActivationOps {
  forward(x: Tensor): Tensor;
  derivative(x: Tensor): Tensor;
  reference: ScalarReference;
}

/** Builds an Activation whose gradient comes from `derivative` rather than from autodiff of `forward`. */
export function makeActivation({ name, spec, params }: ActivationSpec, { forward, derivative, reference }: ActivationOps): Activation {
  // Autodiff of the forward is wrong at the knots (tfjs passes gradient through both sides of a clip/max boundary),
  // and it would differ between activations written with different ops; the analytic derivative is the contract.
  const op = tf.customGrad((...inputs) => {
    const [x, save] = inputs as [Tensor, tf.GradSaveFunc];
    save([x]);
    return {
      value: forward(x),
      gradFunc: (dy: Tensor, saved: Tensor[]) => tf.mul(dy, derivative(saved[0]!)),
    };
  });
  return {
    name,
    spec,
    params: Object.freeze({ ...params }),
    apply: (x) => op(x),
    forward,
    derivative,
    reference,
  };
}
