import { tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import type { SpecOf } from '../spec.js';
import { sigmoid } from '../scalar/sigmoid.js';

/** Swish x·σ(βx): spec swish:β (default β = 1); f' = σ(βx) + βx·σ(βx)·(1 − σ(βx)). */
export function swish(spec: SpecOf<'swish'>): Activation {
  const { beta } = spec.params;
  return makeActivation(spec, {
    forward: (x) => tf.mul(x, tf.sigmoid(tf.mul(x, beta))),
    derivative: (x) => {
      const bx = tf.mul(x, beta);
      const s = tf.sigmoid(bx);
      return tf.add(s, tf.mul(tf.mul(finiteFactor(bx, beta), s), tf.sub(1, s)));
    },
    reference: {
      f: (x) => x * sigmoid(beta * x),
      df: (x) => {
        const s = sigmoid(beta * x);
        return s + beta * x * s * (1 - s);
      },
    },
  });
}

/**
 * βx as the factor of σ(βx)·(1 − σ(βx)): with β > 1 a finite x can make βx overflow, and ∞·0 would be NaN. That product
 * is 0 in float32 from |βx| ≈ 104 on, so limiting the factor to ±1e4 leaves every finite βx's result as it was.
 */
function finiteFactor(bx: tf.Tensor, beta: number): tf.Tensor {
  return beta > 1 ? tf.clipByValue(bx, -1e4, 1e4) : bx;
}
