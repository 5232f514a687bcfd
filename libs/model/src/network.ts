import { parseActivation, type Activation } from '@churnlab/activations';
import { tf, type Tensor } from '@churnlab/tensor';
import { parameterLayout, type ParameterLayout } from './layout.js';
import { validateModelSpec, type ModelSpec } from './spec.js';

const LAYER_NORM_EPSILON = 1e-5;

/** The MLP of a ModelSpec as tfjs computations over one tensor per parameter block. */
export class Network {
  readonly layout: ParameterLayout;
  readonly activation: Activation;

  constructor(readonly spec: ModelSpec) {
    validateModelSpec(spec);
    this.layout = parameterLayout(spec);
    this.activation = parseActivation(spec.activation);
  }

  /** Output-layer logits [rows, outputs] for inputs x [rows, inputs]; `blocks` follow the layout's order. */
  logits(blocks: Tensor[], x: Tensor): Tensor {
    let h = x;
    let next = 0;
    const take = () => blocks[next++]!;
    const layers = this.spec.hidden.length + 1;
    for (let layer = 0; layer < layers; layer++) {
      let z = tf.add(tf.matMul(h as tf.Tensor2D, take() as tf.Tensor2D), take());
      if (layer === layers - 1) return z;
      if (this.spec.layerNorm) z = layerNorm(z, take(), take());
      h = this.activation.apply(z);
    }
    throw new Error('unreachable: a network has an output layer');
  }

  /** Sum over rows of the loss: sigmoid cross-entropy (labels 0/1) or softmax cross-entropy (labels are class indices). */
  lossSum(logits: Tensor, labels: Tensor): Tensor {
    if (this.spec.outputs === 1) {
      const z = tf.reshape(logits, [-1]);
      // max(z,0) − z·y + log(1 + e^−|z|): the logistic loss without overflow for large |z|.
      return tf.sum(tf.add(tf.sub(tf.relu(z), tf.mul(z, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
    }
    const oneHot = tf.oneHot(tf.cast(labels, 'int32'), this.spec.outputs);
    return tf.neg(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits))));
  }

  /** Predicted probabilities: the positive-class probability [rows, 1], or the class distribution [rows, K]. */
  probabilities(logits: Tensor): Tensor {
    return this.spec.outputs === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
  }
}

function layerNorm(z: Tensor, gamma: Tensor, beta: Tensor): Tensor {
  const { mean, variance } = tf.moments(z, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, LAYER_NORM_EPSILON))), gamma), beta);
}
