import { epochOrder, type ShuffleSpec } from '@churnlab/data';
import type { BatchSource } from '@churnlab/ps';

/** Steps over `epochs` epochs of `rows` rows, each in the order `shuffle` gives, in batches of `batchSize`; a last partial batch is dropped. */
export class EpochBatches implements BatchSource {
  readonly steps: number;
  private readonly stepsPerEpoch: number;
  private cached: { epoch: number; order: Uint32Array } | undefined;

  constructor(
    private readonly rows: number,
    readonly batchSize: number,
    epochs: number,
    private readonly shuffle: ShuffleSpec,
    private readonly seed: number,
    private readonly replica: number,
  ) {
    this.stepsPerEpoch = Math.floor(rows / batchSize);
    this.steps = EpochBatches.steps(rows, batchSize, epochs);
  }

  /** How many steps `epochs` epochs of `rows` rows in batches of `batchSize` make. */
  static steps(rows: number, batchSize: number, epochs: number): number {
    return Math.floor(rows / batchSize) * epochs;
  }

  /** The rows of step `step`. */
  rowsForStep(step: number): Uint32Array {
    const epoch = Math.floor(step / this.stepsPerEpoch);
    const start = (step % this.stepsPerEpoch) * this.batchSize;
    return this.orderOf(epoch).subarray(start, start + this.batchSize);
  }

  private orderOf(epoch: number): Uint32Array {
    // Async workers run a few steps apart, so at most two epochs are in use at once: keep the newest, rebuild the other.
    if (this.cached?.epoch !== epoch) this.cached = { epoch, order: epochOrder(this.rows, this.shuffle, this.seed, this.replica, epoch) };
    return this.cached.order;
  }
}
