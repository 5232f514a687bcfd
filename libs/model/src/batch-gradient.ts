import { tf, type Tensor } from '@churnlab/tensor';
import { blockView } from './layout.js';
import type { Network } from './network.js';

/** Loss, gradient and predictions of a Network at one parameter vector, on the current tfjs backend. */
export class BatchGradient {
  private blocks: Tensor[] = [];

  constructor(readonly network: Network) {}

  /** Loads the flat parameter vector that the following gradients and predictions are taken at. */
  setParameters(flat: Float32Array): void {
    this.dispose();
    this.blocks = this.network.layout.blocks.map((block) => tf.tensor(blockView(flat, block), block.shape, 'float32'));
  }

  /**
   * Writes the gradient of scale·Σloss over `rows` examples into `out` (layout order) and returns Σloss.
   * `scale` is 1 / (the step's whole batch), so the gradients of a batch's shards add up to the batch gradient.
   */
  compute(features: Float32Array, labels: Float32Array, rows: number, scale: number, out: Float32Array): number {
    const width = this.network.spec.inputs;
    return tf.tidy(() => {
      const x = tf.tensor2d(features.subarray(0, rows * width), [rows, width]);
      const y = tf.tensor1d(labels.subarray(0, rows));
      const scaledLoss = (...blocks: Tensor[]) => tf.mul(this.network.lossSum(this.network.logits(blocks, x), y), scale) as tf.Scalar;
      const { value, grads } = tf.valueAndGrads(scaledLoss)(this.blocks);
      this.network.layout.blocks.forEach((block, i) => out.set(grads[i]!.dataSync() as Float32Array, block.offset));
      return value.dataSync()[0]! / scale;
    });
  }

  /** Writes the probabilities of `rows` examples into `out` (rows × outputs, row-major). */
  predict(features: Float32Array, rows: number, out: Float32Array): void {
    const width = this.network.spec.inputs;
    tf.tidy(() => {
      const x = tf.tensor2d(features.subarray(0, rows * width), [rows, width]);
      out.set(this.network.probabilities(this.network.logits(this.blocks, x)).dataSync() as Float32Array);
    });
  }

  /** Frees the parameter tensors. */
  dispose(): void {
    for (const t of this.blocks) t.dispose();
    this.blocks = [];
  }
}
