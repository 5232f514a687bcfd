// Importing the full @tensorflow/tfjs bundle is what registers tfjs-core's gradients in Node
// (tfjs-core alone registers none); every churnlab lib takes `tf` from here so none can forget it.
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';

export { tf };
export type { Tensor, Tensor1D, Tensor2D, Scalar, NamedTensorMap } from '@tensorflow/tfjs-core';
