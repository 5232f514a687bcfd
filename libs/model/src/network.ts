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
    if (this.spec.outputs === 1) return logisticLossSum(tf.reshape(logits, [-1]), labels);
    return softmaxLossSum(logits, tf.oneHot(tf.cast(labels, 'int32'), this.spec.outputs));
  }

  /** Predicted probabilities: the positive-class probability [rows, 1], or the class distribution [rows, K]. */
  probabilities(logits: Tensor): Tensor {
    return this.spec.outputs === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
  }
}

/**
 * Σ over rows of the logistic loss max(z,0) − z·y + log(1 + e^−|z|) (the form that cannot overflow for large |z|),
 * with its gradient in closed form, σ(z) − y.
 */
function logisticLossSum(z: Tensor, labels: Tensor): Tensor {
  return withClosedFormGradient(
    z,
    labels,
    (x, y) => tf.sum(tf.add(tf.sub(tf.relu(x), tf.mul(x, y)), tf.log1p(tf.exp(tf.neg(tf.abs(x)))))),
    (x, y) => tf.sub(tf.sigmoid(x), y),
  );
}

/** Σ over rows of the softmax cross-entropy −Σ onehot·log softmax(z), with its gradient in closed form, softmax(z) − onehot. */
function softmaxLossSum(z: Tensor, oneHot: Tensor): Tensor {
  return withClosedFormGradient(
    z,
    oneHot,
    (x, y) => tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(x)))),
    (x, y) => tf.sub(tf.softmax(x), y),
  );
}

/**
 * loss(z, labels) whose gradient in z is `gradient(z, labels)` instead of autodiff through the loss's ops: those would
 * cost about twenty more kernels per micro-shard, which for a small model is most of its time. The labels get none.
 */
function withClosedFormGradient(z: Tensor, labels: Tensor, loss: (z: Tensor, labels: Tensor) => Tensor, gradient: (z: Tensor, labels: Tensor) => Tensor): Tensor {
  const op = tf.customGrad((logits, save) => {
    const x = logits as Tensor;
    // Labels made inside the forward pass (as the one-hot ones are) would be gone by the backward pass: keep them.
    (save as tf.GradSaveFunc)([x, labels]);
    return { value: loss(x, labels), gradFunc: (dy: Tensor, [saved, y]: Tensor[]) => tf.mul(dy, gradient(saved!, y!)) };
  });
  return op(z);
}

function layerNorm(z: Tensor, gamma: Tensor, beta: Tensor): Tensor {
  const { mean, variance } = tf.moments(z, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, LAYER_NORM_EPSILON))), gamma), beta);
}
