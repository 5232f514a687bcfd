// tfjs-core alone: the full @tensorflow/tfjs bundle also loads layers, the converter, data and WebGL, which no churnlab
// thread uses, at about 0.4 s of CPU for every process and worker thread. Training needs none of tfjs's registered
// gradients, since the model writes its backward pass; code that differentiates with tf.grad calls loadStockGradients.
import * as tf from '@tensorflow/tfjs-core';

export { tf };
export type { Tensor, Tensor1D, Tensor2D, Scalar, NamedTensorMap } from '@tensorflow/tfjs-core';
