import { tf, type Tensor } from '@churnlab/tensor';

const LAYER_NORM_EPSILON = 1e-5;

/** What layerNormForward keeps for its backward pass. */
export interface LayerNormTrace {
  normalized: Tensor;
  std: Tensor;
  gamma: Tensor;
}

/** Layer norm over the last axis, γ·(z − mean)/√(variance + ε) + β, and what its backward pass needs. */
export function layerNormForward(z: Tensor, gamma: Tensor, beta: Tensor): { value: Tensor; trace: LayerNormTrace } {
  const { mean, variance } = tf.moments(z, -1, true);
  const std = tf.sqrt(tf.add(variance, LAYER_NORM_EPSILON));
  const normalized = tf.div(tf.sub(z, mean), std);
  return { value: tf.add(tf.mul(normalized, gamma), beta), trace: { normalized, std, gamma } };
}

/**
 * The backward pass of layerNormForward for the upstream gradient dy: dz = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / σ with
 * dx̂ = dy·γ (means over the normalised axis, σ the biased standard deviation plus ε), dγ = Σ dy·x̂ and dβ = Σ dy over rows.
 */
export function layerNormBackward(dy: Tensor, { normalized, std, gamma }: LayerNormTrace): { dz: Tensor; dGamma: Tensor; dBeta: Tensor } {
  const dNormalized = tf.mul(dy, gamma);
  const centred = tf.sub(tf.sub(dNormalized, tf.mean(dNormalized, -1, true)), tf.mul(normalized, tf.mean(tf.mul(dNormalized, normalized), -1, true)));
  return { dz: tf.div(centred, std), dGamma: tf.sum(tf.mul(dy, normalized), 0), dBeta: tf.sum(dy, 0) };
}
