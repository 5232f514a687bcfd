import { tf, type Tensor } from '@churnlab/tensor';

/*
 * An MLP layer's linear part in the layout the network's passes use: activations as [features, rows], so that the
 * weights are the matMul operand that the WASM backend's XNNPACK path does not pack. Packing a new weight matrix cost
 * 8.3 ms per task on model a (1.57 M weights), every step, in every worker; the activations it packs instead are a
 * micro-shard wide. Every element is the same dot product, summed in the same order, as in the [rows, features] layout.
 */

/** zᵀ = Wᵀ·hᵀ + b for the layer input hᵀ [in, rows], the kernel transposed Wᵀ [out, in] and the bias b [out]. */
export function denseForward(inputT: Tensor, kernelT: Tensor, bias: Tensor): Tensor {
  return tf.add(tf.matMul(kernelT as tf.Tensor2D, inputT as tf.Tensor2D), column(bias));
}

/**
 * The backward pass of denseForward for the upstream gradient dzᵀ [out, rows]: the gradients of W [in, out] and b and,
 * when `inputGradient`, of hᵀ, as W·dzᵀ [in, rows]. These are the ops autodiff runs with the transpose-free matMul
 * gradient, so the results are the same to the bit.
 */
export function denseBackward(inputT: Tensor, kernel: Tensor, dzT: Tensor, inputGradient: boolean): { dWeights: Tensor; dBias: Tensor; dInputT: Tensor | null } {
  return {
    dWeights: tf.matMul(inputT as tf.Tensor2D, tf.transpose(dzT as tf.Tensor2D)),
    dBias: tf.sum(dzT, 1),
    dInputT: inputGradient ? tf.matMul(kernel as tf.Tensor2D, dzT as tf.Tensor2D) : null,
  };
}

/** A per-feature vector [n] as a column [n, 1], broadcast along the rows of [features, rows] activations. */
export function column(vector: Tensor): Tensor {
  return tf.reshape(vector, [-1, 1]);
}
