import { parseActivation, type Activation } from '@churnlab/activations';
import { tf, type Tensor } from '@churnlab/tensor';
import { embeddingTables, type EmbeddingTable } from './embedding-table.js';
import { parameterLayout, type ParameterBlock, type ParameterLayout } from './layout.js';
import { validateModelSpec, type ModelSpec } from './spec.js';

const LAYER_NORM_EPSILON = 1e-5;

/** The MLP of a ModelSpec as tfjs computations over one tensor per MLP block, fed by dense features and embeddings. */
export class Network {
  readonly layout: ParameterLayout;
  readonly activation: Activation;
  /** The MLP's blocks (every block but the embedding tables), in layout order. */
  readonly mlpBlocks: ParameterBlock[];
  /** The embedding tables, one per categorical feature, in the order of the examples' category columns. */
  readonly tables: EmbeddingTable[];

  constructor(readonly spec: ModelSpec) {
    validateModelSpec(spec);
    this.layout = parameterLayout(spec);
    this.activation = parseActivation(spec.activation);
    this.mlpBlocks = this.layout.blocks.filter((b) => b.role !== 'embedding');
    this.tables = embeddingTables(this.layout);
  }

  /** The MLP input [rows, inputs + Σ dimensions]: dense features ‖ embedding vectors; either may be absent (null). */
  mlpInput(dense: Tensor | null, embedded: Tensor | null): Tensor {
    if (dense && embedded) return tf.concat([dense, embedded], 1);
    const input = dense ?? embedded;
    if (!input) throw new RangeError('a network input needs dense features or embeddings');
    return input;
  }

  /** Output-layer logits [rows, outputs] for MLP inputs x [rows, inputs + Σ dimensions]; `blocks` are the MLP blocks in layout order. */
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
