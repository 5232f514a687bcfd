import { readInto, tf, type Tensor } from '@churnlab/tensor';
import { embeddingWidth, gatherEmbeddingRows, scatterEmbeddingGradient } from './embedding-rows.js';
import { sliceColumns } from './heap-slices.js';
import { lossSum, type RowRange } from './losses.js';
import type { LayerTrace, LayerUpstream, Network, NetworkWeights } from './network.js';
import type { TouchedRows } from './touched-rows.js';

/** One forward and backward pass over a task's micro-shards (BatchGradient.microShardPass), from which each one's gradient is taken. */
export interface MicroShardPass {
  /** Σloss of each micro-shard (unscaled). */
  readonly lossSums: number[];
  /**
   * Micro-shard i's MLP block gradients (times the scale), owned by the caller: one tensor per block of mlpBlocks, or,
   * given a `layer`, per block of that dense layer (its kernel, bias and, with layer norm, gain and shift).
   */
  blocks(i: number, layer?: number): Tensor[];
  /** How many dense layers the network has: blocks takes a `layer` from 0 to one less. */
  readonly layers: number;
  /** With embedding tables, writes micro-shard i's sparse table gradient into `out` and sets `touched` to its rows (see compute). */
  scatterTables(i: number, out: Float32Array, touched: TouchedRows): void;
  /** Frees the pass's tensors; the blocks handed out stay the caller's. */
  dispose(): void;
}

/**
 * Loss, gradient and predictions of a Network at one parameter vector, on the current tfjs backend. The MLP blocks
 * become tensors; the embedding tables stay in the flat vector, and only the rows a batch uses are gathered and,
 * on the way back, scattered: their gradient is sparse.
 */
export class BatchGradient {
  private weights: NetworkWeights = { blocks: [], kernelsT: [] };
  private flat: Float32Array = new Float32Array(0);
  private embedded: Float32Array = new Float32Array(0);

  constructor(readonly network: Network) {}

  /**
   * Loads the flat parameter vector that the following gradients and predictions are taken at. The MLP blocks are
   * copied; the embedding tables are not (a table may have millions of rows): their rows are read from `flat` when
   * computing, so keep `flat` unchanged until the next setParameters.
   */
  setParameters(flat: Float32Array): void {
    this.dispose();
    this.flat = flat;
    this.weights = this.network.weights(flat);
  }

  /**
   * Writes the gradient of scale·Σloss over `rows` examples into `out` (layout order) and returns Σloss.
   * `scale` is 1 / (the step's whole batch), so the gradients of a batch's shards add up to the batch gradient.
   *
   * With embedding tables, `categories` holds the examples' bucket ids (rows × tables, row-major) and the tables'
   * gradient is sparse: `touched` is set to the rows the batch used, those rows of `out` are written (an id used several
   * times gets the sum over its uses) and no other table row is: keep them zero, e.g. by zeroTouched(out, previous rows).
   * Every element outside the tables is written.
   */
  compute(features: Float32Array, labels: Float32Array, rows: number, scale: number, out: Float32Array, categories?: Uint32Array, touched?: TouchedRows): number {
    const { lossSum, blocks } = this.gradientTensors(features, labels, rows, scale, out, categories, touched);
    this.readBlocks(blocks, out);
    tf.dispose(blocks);
    return lossSum;
  }

  /** Reads MLP-block tensors, one per block of mlpBlocks as gradientTensors returns them, into their places of `out`. */
  readBlocks(blocks: Tensor[], out: Float32Array): void {
    this.network.mlpBlocks.forEach((block, i) => readInto(blocks[i]!, out, block.offset));
  }

  /**
   * The same gradient with the MLP blocks' part left on the backend: one tensor per block of mlpBlocks, owned by the
   * caller, so that several gradients can be summed there before one read. Only the tables' rows are written to `out`.
   */
  gradientTensors(features: Float32Array, labels: Float32Array, rows: number, scale: number, out: Float32Array, categories?: Uint32Array, touched?: TouchedRows): { lossSum: number; blocks: Tensor[] } {
    if (this.network.tables.length > 0 && (!categories || !touched)) throw new RangeError('BatchGradient: a model with embedding tables needs the categories and the touched rows to fill');
    const pass = this.microShardPass(features, labels, [rows], scale, categories);
    try {
      if (touched) pass.scatterTables(0, out, touched);
      return { lossSum: pass.lossSums[0]!, blocks: pass.blocks(0) };
    } finally {
      pass.dispose();
    }
  }

  /**
   * The forward and backward pass of a task's micro-shards at once: `features`, `labels` (and with tables `categories`)
   * hold their rows one micro-shard after another, `shardRows[i]` of them for micro-shard i. Every op up to the
   * parameter gradients treats each example alone, so the pass gives each micro-shard the gradient it would have had
   * alone, bit for bit, while tfjs runs its forward and backward kernels once per task instead of once per micro-shard.
   */
  microShardPass(features: Float32Array, labels: Float32Array, shardRows: readonly number[], scale: number, categories?: Uint32Array): MicroShardPass {
    const { network } = this;
    const tables = network.tables.length > 0;
    if (tables && !categories) throw new RangeError("BatchGradient: a model with embedding tables needs the examples' categories");
    let rows = 0;
    const ranges = shardRows.map((count): RowRange => [(rows += count) - count, count]);
    // With one micro-shard its gradient is the whole pass's, taken without slicing.
    const perShard = ranges.length > 1 ? ranges : undefined;
    const embedded = tables ? this.gather(categories!, rows) : null;
    // Kept past the scope: what every micro-shard's parameter gradients are taken from, freed by dispose.
    let kept: { layers: LayerUpstream[]; sums: Tensor; embedding: Tensor | null } | undefined;
    tf.tidy(() => {
      const x = this.denseInput(features, rows);
      const e = embedded && tf.tensor2d(embedded, [rows, embeddingWidth(network.tables)]);
      const trace: LayerTrace[] = [];
      const logits = network.logits(this.weights, network.mlpInput(x, e), trace);
      const { rowLosses, dLogits } = network.loss(logits, tf.tensor1d(labels.subarray(0, rows)), scale);
      const upstream = network.upstream(this.weights, trace, dLogits, e !== null);
      const inputGradient = upstream.inputGradient;
      // The embeddings are the input's last columns (mlpInput puts them after the dense features).
      const embedding = inputGradient && sliceColumns(inputGradient, inputGradient.shape[1]! - e!.shape[1]!, e!.shape[1]!);
      const sums = tf.stack(perShard ? perShard.map((range) => lossSum(rowLosses, range)) : [lossSum(rowLosses)]);
      [sums, ...(embedding ? [embedding] : []), ...upstreamTensors(upstream.layers)].forEach((t) => tf.keep(t));
      kept = { layers: upstream.layers, sums, embedding };
    });
    const { layers, sums, embedding } = kept!;
    const lossSums = Array.from(sums.dataSync() as Float32Array);
    sums.dispose();
    const tableGradient = embedding && (embedding.dataSync() as Float32Array);
    const width = embeddingWidth(network.tables);
    const k = network.tables.length;
    return {
      lossSums,
      blocks: (i, layer) => tf.tidy(() => network.parameterGradients(layer === undefined ? layers : [layerAt(layers, layer)], perShard?.[i])),
      layers: layers.length,
      scatterTables: (i, out, touched) => {
        if (!tableGradient) return;
        const [start, count] = ranges[i]!;
        scatterEmbeddingGradient(tableGradient.subarray(start * width, (start + count) * width), network.tables, categories!.subarray(start * k, (start + count) * k), count, out, touched);
      },
      dispose: () => tf.dispose([...upstreamTensors(layers), ...(embedding ? [embedding] : [])]),
    };
  }

  /** Writes the probabilities of `rows` examples into `out` (rows × outputs, row-major); `categories` as in compute. */
  predict(features: Float32Array, rows: number, out: Float32Array, categories?: Uint32Array): void {
    const { network } = this;
    if (network.tables.length > 0 && !categories) throw new RangeError('BatchGradient.predict: a model with embedding tables needs the categories');
    const embedded = network.tables.length > 0 ? this.gather(categories!, rows) : null;
    tf.tidy(() => {
      const e = embedded && tf.tensor2d(embedded, [rows, embeddingWidth(network.tables)]);
      const input = network.mlpInput(this.denseInput(features, rows), e);
      out.set(network.probabilities(network.logits(this.weights, input)).dataSync() as Float32Array);
    });
  }

  /** Frees the parameter tensors. */
  dispose(): void {
    tf.dispose([...this.weights.blocks, ...this.weights.kernelsT]);
    this.weights = { blocks: [], kernelsT: [] };
  }

  /** The dense features as a tensor, or null when the model has none. */
  private denseInput(features: Float32Array, rows: number): Tensor | null {
    const width = this.network.spec.inputs;
    return width === 0 ? null : tf.tensor2d(features.subarray(0, rows * width), [rows, width]);
  }

  /** The batch's embedding vectors, gathered from the loaded parameters into a reused buffer. */
  private gather(categories: Uint32Array, rows: number): Float32Array {
    const tables = this.network.tables;
    const length = rows * embeddingWidth(tables);
    if (categories.length < rows * tables.length) throw new RangeError(`categories: ${categories.length} bucket ids cannot describe ${rows} rows of ${tables.length} categorical features`);
    if (this.embedded.length < length) this.embedded = new Float32Array(length);
    const embedded = this.embedded.subarray(0, length);
    gatherEmbeddingRows(this.flat, tables, categories, rows, embedded);
    return embedded;
  }
}

/** Every tensor the layers' upstream gradients hold. */
function upstreamTensors(layers: LayerUpstream[]): Tensor[] {
  return layers.flatMap(({ inputT, dzT, norm }) => [inputT, dzT, ...(norm ? [norm.dyT, norm.normalized] : [])]);
}

function layerAt(layers: LayerUpstream[], layer: number): LayerUpstream {
  const found = Number.isInteger(layer) ? layers[layer] : undefined;
  if (!found) throw new RangeError(`MicroShardPass.blocks: layer ${layer} does not exist (0..${layers.length - 1})`);
  return found;
}
