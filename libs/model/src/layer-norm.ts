import { tf, type Tensor } from '@churnlab/tensor';
import { column } from './dense-layer.js';

const LAYER_NORM_EPSILON = 1e-5;

/** What layerNormForward keeps for its backward pass. */
export interface LayerNormTrace {
  normalized: Tensor;
  std: Tensor;
  /** γ as a column [features, 1]. */
  gamma: Tensor;
}

/**
 * Layer norm of activations zᵀ [features, rows] over the features of each row, γ·(z − mean)/√(variance + ε) + β, and
 * what its backward pass needs.
 */
export function layerNormForward(zT: Tensor, gamma: Tensor, beta: Tensor): { value: Tensor; trace: LayerNormTrace } {
  const { mean, variance } = tf.moments(zT, 0, true);
  const std = tf.sqrt(tf.add(variance, LAYER_NORM_EPSILON));
  const normalized = tf.div(tf.sub(zT, mean), std);
  const gammaColumn = column(gamma);
  return { value: tf.add(tf.mul(normalized, gammaColumn), column(beta)), trace: { normalized, std, gamma: gammaColumn } };
}

/**
 * The backward pass of layerNormForward for the upstream gradient dyᵀ: dz = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / σ with
 * dx̂ = dy·γ (means over the features, σ the biased standard deviation plus ε), dγ = Σ dy·x̂ and dβ = Σ dy over rows.
 */
export function layerNormBackward(dyT: Tensor, { normalized, std, gamma }: LayerNormTrace): { dz: Tensor; dGamma: Tensor; dBeta: Tensor } {
  const dNormalized = tf.mul(dyT, gamma);
  const centred = tf.sub(tf.sub(dNormalized, tf.mean(dNormalized, 0, true)), tf.mul(normalized, tf.mean(tf.mul(dNormalized, normalized), 0, true)));
  return { dz: tf.div(centred, std), dGamma: tf.sum(tf.mul(dyT, normalized), 1), dBeta: tf.sum(dyT, 1) };
}
