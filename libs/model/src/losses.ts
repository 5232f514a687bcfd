import { log1p, tf, type Tensor } from '@churnlab/tensor';
import { sliceRows } from './heap-slices.js';

/** A loss per example and its gradient in the logits, the latter times the step's `scale`. */
export interface LossAndGradient {
  /** The loss terms of each example along the first axis, whose sum over a range of examples is their Σloss (see lossSum). */
  rowLosses: Tensor;
  dLogits: Tensor;
}

/**
 * The logistic loss of logits z [rows, 1] against labels 0/1 [rows]: max(z,0) − z·y + log(1 + e^−|z|) per example (the
 * form that cannot overflow for large |z|), with its gradient in closed form, σ(z) − y.
 */
export function logisticLoss(logits: Tensor, labels: Tensor, scale: number): LossAndGradient {
  const z = tf.reshape(logits, [-1]);
  const rowLosses = tf.add(tf.sub(tf.relu(z), tf.mul(z, labels)), log1p(tf.exp(tf.neg(tf.abs(z)))));
  return { rowLosses, dLogits: tf.reshape(tf.mul(scale, tf.sub(tf.sigmoid(z), labels)), logits.shape) };
}

/** The softmax cross-entropy of logits [rows, K] against one-hot labels: the terms −onehot·log softmax(z), with the gradient softmax(z) − onehot. */
export function softmaxLoss(logits: Tensor, oneHot: Tensor, scale: number): LossAndGradient {
  // Negating each term before the sum rounds as negating the sum does: round to nearest is symmetric.
  return { rowLosses: tf.neg(tf.mul(oneHot, tf.logSoftmax(logits))), dLogits: tf.mul(scale, tf.sub(tf.softmax(logits), oneHot)) };
}

/** Σloss of examples `rows` of `rowLosses` (all of them when absent), as a scalar tensor. */
export function lossSum(rowLosses: Tensor, rows?: RowRange): Tensor {
  return tf.sum(rows ? sliceRows(rowLosses, ...rows) : rowLosses);
}

/** A range of examples: the first and how many. */
export type RowRange = readonly [start: number, count: number];
