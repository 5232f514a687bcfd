import { tf, type Tensor } from '@churnlab/tensor';

// The shared shape of SmeLU and its generalisation, written with clip/max so that every op has a kernel on every backend.

/** clip((x − lo)/(hi − lo), 0, 1): rises linearly from 0 at lo to 1 at hi. */
export function ramp(x: Tensor, lo: number, hi: number): Tensor {
  return tf.clipByValue(tf.mul(tf.sub(x, lo), 1 / (hi - lo)), 0, 1);
}

/** ∫ from lo to x of ramp: 0 left of lo, (x − lo)²/(2(hi − lo)) up to hi, then (hi − lo)/2 + (x − hi). */
export function rampIntegral(x: Tensor, lo: number, hi: number): Tensor {
  const width = hi - lo;
  const inside = tf.clipByValue(tf.sub(x, lo), 0, width);
  return tf.add(tf.mul(tf.square(inside), 1 / (2 * width)), tf.relu(tf.sub(x, hi)));
}
