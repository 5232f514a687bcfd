import { tf, type Tensor } from '@churnlab/tensor';

/** Σ over rows of a loss and its gradient in the logits, the latter times the step's `scale`. */
export interface LossAndGradient {
  lossSum: Tensor;
  dLogits: Tensor;
}

/**
 * The logistic loss of logits z [rows, 1] against labels 0/1 [rows]: Σ max(z,0) − z·y + log(1 + e^−|z|) (the form
 * that cannot overflow for large |z|), with its gradient in closed form, σ(z) − y.
 */
export function logisticLoss(logits: Tensor, labels: Tensor, scale: number): LossAndGradient {
  const z = tf.reshape(logits, [-1]);
  const lossSum = tf.sum(tf.add(tf.sub(tf.relu(z), tf.mul(z, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
  return { lossSum, dLogits: tf.reshape(tf.mul(scale, tf.sub(tf.sigmoid(z), labels)), logits.shape) };
}

/** The softmax cross-entropy of logits [rows, K] against one-hot labels: −Σ onehot·log softmax(z), with its gradient softmax(z) − onehot. */
export function softmaxLoss(logits: Tensor, oneHot: Tensor, scale: number): LossAndGradient {
  const lossSum = tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits))));
  return { lossSum, dLogits: tf.mul(scale, tf.sub(tf.softmax(logits), oneHot)) };
}
