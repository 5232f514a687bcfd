import { tf } from './tf.js';

/**
 * log(1 + y) to float32 precision for y ≥ 0 on every backend. The WASM backend's log1p is log(1 + y), which loses y below
 * 2⁻²⁴ and most of its digits near it; Goldberg's form log(u)·y/(u − 1) with u = 1 + y cancels the rounding of u (and is
 * y itself when u rounds to 1).
 */
export function log1p(y: tf.Tensor): tf.Tensor {
  const u = tf.add(y, 1);
  const shifted = tf.sub(u, 1);
  return tf.where(tf.equal(shifted, 0), y, tf.div(tf.mul(tf.log(u), y), shifted));
}
