import { tf, type Tensor } from '@churnlab/tensor';
import { makeActivation, type Activation, type ActivationOps } from '../activation.js';
import type { SpecOf } from '../spec.js';
import { erfc } from '../scalar/erf.js';

const INV_SQRT_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const TANH_SCALE = Math.sqrt(2 / Math.PI);
const TANH_CUBIC = 0.044715;
// Beyond this |x| the tanh approximation has saturated in float32 (f' is 0 or 1 to float32 precision); clipping
// keeps x² from overflowing, which would turn σ(−2u) = 0 times x² = Infinity into NaN.
const TANH_SATURATION = 10;

/** GELU x·Φ(x): spec gelu (exact, with erf) or gelu:tanh (the tanh approximation). */
export function gelu(spec: SpecOf<'gelu'>): Activation {
  return makeActivation(spec, spec.params.approximation === 'tanh' ? geluTanh : geluErf);
}

const geluErf: ActivationOps = {
  forward: (x) => tf.mul(x, normalCdf(x)),
  derivative: (x) => tf.add(normalCdf(x), tf.mul(x, tf.mul(tf.exp(tf.mul(tf.square(x), -0.5)), INV_SQRT_2PI))),
  reference: {
    f: (x) => x * scalarNormalCdf(x),
    df: (x) => scalarNormalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
  },
};

// f = 0.5·x·(1 + tanh u) with u = √(2/π)·(x + 0.044715·x³), computed as x·σ(2u) because 0.5·(1 + tanh u) = σ(2u):
// the sigmoid keeps its relative precision in the left tail, where 1 + tanh u cancels in float32. Likewise
// f' = 0.5·(1 + tanh u) + 0.5·x·sech²(u)·u' = σ(2u)·(1 + 2·x·σ(−2u)·u') with u' = √(2/π)·(1 + 3·0.044715·x²).
const geluTanh: ActivationOps = {
  forward: (x) => tf.mul(x, tf.sigmoid(tanhLogit(x))),
  derivative: (x) => {
    const xs = tf.clipByValue(x, -TANH_SATURATION, TANH_SATURATION);
    const z = tanhLogit(xs);
    const du = tf.mul(tf.add(tf.mul(tf.square(xs), 3 * TANH_CUBIC), 1), TANH_SCALE);
    const tail = tf.mul(tf.mul(tf.mul(xs, 2), tf.sigmoid(tf.neg(z))), du);
    return tf.mul(tf.sigmoid(z), tf.add(tail, 1));
  },
  reference: {
    f: (x) => 0.5 * x * (1 + Math.tanh(scalarTanhArgument(x))),
    df: (x) => {
      const th = Math.tanh(scalarTanhArgument(x));
      return 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * TANH_SCALE * (1 + 3 * TANH_CUBIC * x * x);
    },
  },
};

// 2u, the argument of σ in the tanh approximation.
function tanhLogit(x: Tensor): Tensor {
  return tf.mul(tf.add(x, tf.mul(tf.mul(x, tf.square(x)), TANH_CUBIC)), 2 * TANH_SCALE);
}

function scalarTanhArgument(x: number): number {
  return TANH_SCALE * (x + TANH_CUBIC * x ** 3);
}

function normalCdf(x: Tensor): Tensor {
  return tf.mul(tf.add(tf.erf(tf.mul(x, INV_SQRT_2)), 1), 0.5);
}

// Through erfc so that Φ keeps its relative precision far left, where 1 + erf would cancel.
function scalarNormalCdf(x: number): number {
  return 0.5 * erfc(-x * INV_SQRT_2);
}
