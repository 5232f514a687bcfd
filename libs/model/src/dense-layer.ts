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

/** The gradient of denseForward's input hᵀ for the upstream gradient dzᵀ [out, rows]: W·dzᵀ [in, rows]. */
export function denseInputGradient(kernel: Tensor, dzT: Tensor): Tensor {
  return tf.matMul(kernel as tf.Tensor2D, dzT as tf.Tensor2D);
}

/**
 * The gradients of W [in, out] and b for the upstream gradient dzᵀ [out, rows] and the layer input hᵀ [in, rows], summed
 * over the rows: hᵀ·dz and Σ dz. These are the ops autodiff runs with the transpose-free matMul gradient, so the results
 * are the same to the bit.
 */
export function denseParameterGradients(inputT: Tensor, dzT: Tensor): { dWeights: Tensor; dBias: Tensor } {
  return { dWeights: tf.matMul(inputT as tf.Tensor2D, tf.transpose(dzT as tf.Tensor2D)), dBias: tf.sum(dzT, 1) };
}

/** A per-feature vector [n] as a column [n, 1], broadcast along the rows of [features, rows] activations. */
export function column(vector: Tensor): Tensor {
  return tf.reshape(vector, [-1, 1]);
}
