import { tf } from '@churnlab/tensor';
import { makeActivation, type Activation } from '../activation.js';
import { formatNumber, readBeta, type SpecReader } from '../spec-reader.js';
import { sigmoid } from '../scalar/sigmoid.js';

/** Swish x·σ(βx): spec swish:β (default β = 1); f' = σ(βx) + βx·σ(βx)·(1 − σ(βx)). */
export function swish(reader: SpecReader): Activation {
  const beta = readBeta(reader);
  return makeActivation({
    name: 'swish',
    spec: `swish:${formatNumber(beta)}`,
    params: { beta },
    forward: (x) => tf.mul(x, tf.sigmoid(tf.mul(x, beta))),
    derivative: (x) => {
      const bx = tf.mul(x, beta);
      const s = tf.sigmoid(bx);
      return tf.add(s, tf.mul(tf.mul(bx, s), tf.sub(1, s)));
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
