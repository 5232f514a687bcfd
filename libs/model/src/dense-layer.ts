import { tf, type Tensor } from '@churnlab/tensor';

/** The linear part of an MLP layer, h·W + b. */
export function denseForward(h: Tensor, weights: Tensor, bias: Tensor): Tensor {
  return tf.add(tf.matMul(h as tf.Tensor2D, weights as tf.Tensor2D), bias);
}

/**
 * The backward pass of denseForward for the upstream gradient dz: the gradients of W and b and, when `inputGradient`,
 * of h. These are the ops autodiff runs with the transpose-free matMul gradient, so the results are the same to the bit.
 */
export function denseBackward(h: Tensor, weights: Tensor, dz: Tensor, inputGradient: boolean): { dWeights: Tensor; dBias: Tensor; dInput: Tensor | null } {
  return {
    dWeights: tf.matMul(transpose(h), dz as tf.Tensor2D),
    dBias: tf.sum(dz, 0),
    // dz·Wᵀ as (W·dzᵀ)ᵀ: two transposes of batch-sized matrices instead of one of the weight matrix.
    dInput: inputGradient ? transpose(tf.matMul(weights as tf.Tensor2D, transpose(dz))) : null,
  };
}

function transpose(x: Tensor): tf.Tensor2D {
  return tf.transpose(x as tf.Tensor2D);
}
