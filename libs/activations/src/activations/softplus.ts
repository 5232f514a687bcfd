import { log1p, tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import type { SpecOf } from '../spec.js';
import { sigmoid } from '../scalar/sigmoid.js';

/** Softplus (1/β)·log(1 + e^(βx)): spec softplus:β (default β = 1); f' = σ(βx). */
export function softplus(spec: SpecOf<'softplus'>): Activation {
  const { beta } = spec.params;
  return makeActivation(spec, {
    // log(1 + e^z) = max(z, 0) + log1p(e^(−|z|)): e^z would overflow for large z and 1 + e^z lose e^z for very negative z.
    forward: (x) => {
      const bx = tf.mul(x, beta);
      const smooth = tf.div(tf.add(tf.relu(bx), log1p(tf.exp(tf.neg(tf.abs(bx))))), beta);
      // With β > 1 a finite x can make βx overflow; softplus is then x itself to float32 precision.
      return beta > 1 ? tf.where(tf.isFinite(bx), smooth, tf.relu(x)) : smooth;
    },
    derivative: (x) => tf.sigmoid(tf.mul(x, beta)),
    reference: {
      f: (x) => (Math.max(beta * x, 0) + Math.log1p(Math.exp(-Math.abs(beta * x)))) / beta,
      df: (x) => sigmoid(beta * x),
    },
  });
}
