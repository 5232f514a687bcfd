import { parseActivation, type Activation } from '@churnlab/activations';
import { kernelsOver, transposeInto } from '@churnlab/kernels';
import { backendHeap, tf, type BackendHeap, type Tensor } from '@churnlab/tensor';
import { sliceColumns } from './heap-slices.js';
import { denseForward, denseInputGradient, denseParameterGradients } from './dense-layer.js';
import { embeddingTables, type EmbeddingTable } from './embedding-table.js';
import { layerNormForward, layerNormInputGradient, layerNormParameterGradients, type LayerNormTrace } from './layer-norm.js';
import { logisticLoss, softmaxLoss, type LossAndGradient, type RowRange } from './losses.js';
import { blockView, parameterLayout, type ParameterBlock, type ParameterLayout } from './layout.js';
import { validateModelSpec, type ModelSpec } from './spec.js';

/**
 * What the forward pass keeps of one layer for the backward pass, in the passes' [features, rows] layout: its input,
 * its pre-activation and its layer norm's trace.
 */
export interface LayerTrace {
  inputT: Tensor;
  /** The activation's input: the linear part, or with layer norm its output (the output layer: the logits). */
  zT: Tensor;
  norm: LayerNormTrace | null;
}

/**
 * What the backward pass keeps of one layer for its parameter gradients, in the passes' [features, rows] layout: its
 * input, the gradient at its linear part's output and, with layer norm, the gradient at the norm's output and the
 * normalized values.
 */
export interface LayerUpstream {
  inputT: Tensor;
  dzT: Tensor;
  norm: { dyT: Tensor; normalized: Tensor } | null;
}

/** The MLP's parameters as the passes take them: every MLP block in layout order, and each layer's kernel transposed, [out, in]. */
export interface NetworkWeights {
  blocks: Tensor[];
  kernelsT: Tensor[];
}

/**
 * A kernel W [in, out] already on the WASM backend, transposed there into a new tensor Wᵀ [out, in]: 2.1 → 1.5 ms per
 * upload of model a's weights, against transposing in a kernel memory and uploading the result (a copy less of 1.5 M
 * weights, and one read of the parameters instead of two when the caller reads them in place).
 */
function transposedOnHeap(heap: BackendHeap, kernel: Tensor): Tensor {
  const [fanIn, fanOut] = kernel.shape as [number, number];
  const transposed = heap.allocate([fanOut, fanIn]);
  kernelsOver(heap.memory).transpose(heap.byteOffset(kernel), heap.byteOffset(transposed), fanIn, fanOut);
  return transposed;
}

/** A kernel block of `flat` transposed in JavaScript, into an array of its own, on its way to a backend other than WASM. */
function transposedInJavaScript(flat: Float32Array, block: ParameterBlock): Tensor {
  const [fanIn, fanOut] = block.shape as [number, number];
  // A fresh array each time: the CPU backend keeps the array it is given instead of copying it.
  return tf.tensor(transposeInto(blockView(flat, block), fanIn, fanOut, new Float32Array(block.size)), [fanOut, fanIn], 'float32');
}

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

  /**
   * Uploads the MLP blocks of the flat parameter vector `flat` as the passes take them; the caller disposes them. On
   * the WASM backend each kernel is transposed where the backend keeps it, by a WebAssembly kernel working on the
   * backend's heap; elsewhere it is transposed in JavaScript on its way up.
   */
  weights(flat: Float32Array): NetworkWeights {
    const heap = backendHeap();
    // The WASM backend copies an array into its heap; the CPU backend keeps the array it is given, so it gets a copy.
    const blocks = this.mlpBlocks.map((block) => {
      const values = blockView(flat, block);
      return tf.tensor(heap ? values : values.slice(), block.shape, 'float32');
    });
    const kernelsT = this.mlpBlocks.flatMap((block, i) => (block.role === 'kernel' ? [heap ? transposedOnHeap(heap, blocks[i]!) : transposedInJavaScript(flat, block)] : []));
    return { blocks, kernelsT };
  }

  /**
   * Output-layer logits [rows, outputs] for MLP inputs x [rows, inputs + Σ dimensions]. With a `trace`, each layer leaves
   * there what `backward` needs. Between the layers the activations are [features, rows] (see dense-layer.ts).
   */
  logits(weights: NetworkWeights, x: Tensor, trace?: LayerTrace[]): Tensor {
    let hT = tf.transpose(x as tf.Tensor2D) as Tensor;
    let next = 0;
    const take = () => weights.blocks[next++]!;
    const layers = this.spec.hidden.length + 1;
    for (let layer = 0; layer < layers; layer++) {
      const inputT = hT;
      next++; // the kernel, which the forward pass takes transposed
      const zT = denseForward(inputT, weights.kernelsT[layer]!, take());
      if (layer === layers - 1) {
        trace?.push({ inputT, zT, norm: null });
        return tf.transpose(zT as tf.Tensor2D);
      }
      const norm = this.spec.layerNorm ? layerNormForward(zT, take(), take()) : null;
      trace?.push({ inputT, zT: norm ? norm.value : zT, norm: norm?.trace ?? null });
      hT = this.activation.forward(norm ? norm.value : zT);
    }
    throw new Error('unreachable: a network has an output layer');
  }

  /** The loss of each example and its gradient in the logits times `scale`: sigmoid cross-entropy (labels 0/1) or softmax cross-entropy (labels are class indices). */
  loss(logits: Tensor, labels: Tensor, scale: number): LossAndGradient {
    if (this.spec.outputs === 1) return logisticLoss(logits, labels, scale);
    return softmaxLoss(logits, tf.oneHot(tf.cast(labels, 'int32'), this.spec.outputs), scale);
  }

  /**
   * The part of the backward pass from the logits' gradient [rows, outputs] that all examples share: each layer's
   * upstream gradient, from the last layer to the first, and with `inputGradient` that of the MLP input [rows, inputs +
   * Σ dimensions]; parameterGradients then sums them over any range of examples. Written out rather than taped, which
   * took model b's micro-shard from 72 to 41 kernels and from 0.89 to 0.76 ms; without layer norm the ops are the ones
   * autodiff ran, so the gradient is the same to the bit.
   */
  upstream(weights: NetworkWeights, trace: LayerTrace[], dLogits: Tensor, inputGradient: boolean): { layers: LayerUpstream[]; inputGradient: Tensor | null } {
    const layers: LayerUpstream[] = new Array(trace.length);
    let next = weights.blocks.length;
    let upstreamT = tf.transpose(dLogits as tf.Tensor2D) as Tensor;
    for (let layer = trace.length - 1; layer >= 0; layer--) {
      const { inputT, zT, norm } = trace[layer]!;
      const hidden = layer < trace.length - 1;
      const dyT = hidden ? tf.mul(upstreamT, this.activation.derivative(zT)) : upstreamT;
      const dzT = norm ? layerNormInputGradient(dyT, norm) : dyT;
      layers[layer] = { inputT, dzT, norm: norm && { dyT, normalized: norm.normalized } };
      next -= norm ? 4 : 2;
      if (layer > 0 || inputGradient) upstreamT = denseInputGradient(weights.blocks[next]!, dzT);
    }
    return { layers, inputGradient: inputGradient ? tf.transpose(upstreamT as tf.Tensor2D) : null };
  }

  /**
   * The gradient of every MLP block of `layers` (the network's, or some of them), in layout order, summed over examples
   * `rows` (all of them when absent). Up to here each example was a column of its own, so a micro-shard's columns give
   * that micro-shard's gradient with the very ops it would have had alone, and one pass above serves every micro-shard
   * of a task.
   */
  parameterGradients(layers: LayerUpstream[], rows?: RowRange): Tensor[] {
    const taken = (t: Tensor) => (rows ? sliceColumns(t, ...rows) : t);
    return layers.flatMap(({ inputT, dzT, norm }) => {
      const { dWeights, dBias } = denseParameterGradients(taken(inputT), taken(dzT));
      if (!norm) return [dWeights, dBias];
      const { dGamma, dBeta } = layerNormParameterGradients(taken(norm.dyT), taken(norm.normalized));
      return [dWeights, dBias, dGamma, dBeta];
    });
  }

  /** Predicted probabilities: the positive-class probability [rows, 1], or the class distribution [rows, K]. */
  probabilities(logits: Tensor): Tensor {
    return this.spec.outputs === 1 ? tf.sigmoid(logits) : tf.softmax(logits);
  }
}
