import type { Dataset } from '@churnlab/data';
import { BatchGradient, Network, treeSum } from '@churnlab/model';
import { gradientPrecision, SharedParameters, type GradientResult, type GradientRounder, type GradientTask } from '@churnlab/ps';
import { seedStream, type SeedStream } from '@churnlab/random';
import type { RunSetup } from './messages.js';

/** One run's state inside a worker thread: the network, the shared parameters and reusable scratch buffers. */
export class WorkerRuntime {
  private readonly store: SharedParameters;
  private readonly gradient: BatchGradient;
  private readonly snapshot: Float32Array;
  private readonly rounder: GradientRounder;
  private readonly numericStream: SeedStream;
  private readonly shardGradients: Float32Array[] = [];
  private features = new Float32Array(0);
  private labels = new Float32Array(0);

  constructor(readonly setup: RunSetup) {
    this.store = SharedParameters.attach(setup.store);
    this.gradient = new BatchGradient(new Network(setup.model));
    this.snapshot = new Float32Array(setup.store.size);
    this.rounder = gradientPrecision(setup.precision.name);
    this.numericStream = seedStream(setup.precision.seed, 'numeric', setup.precision.replica);
  }

  /**
   * Reads the parameters (live, or the task's kept version) and sums the task's micro-shard gradients in a fixed tree
   * into its slot. Each micro-shard gradient is rounded to the run's precision first, drawn at (step, micro-shard), so
   * the rounding, like the sum, does not depend on which worker computed which micro-shard.
   */
  computeGradient(task: GradientTask): GradientResult {
    const versionRead = task.readVersion === undefined ? this.store.read(this.snapshot) : this.store.readVersion(task.readVersion, this.snapshot);
    this.gradient.setParameters(this.snapshot);
    let lossSum = 0;
    let rows = 0;
    const leaves = task.microShards.map((shard, i) => {
      const out = this.shardGradient(i);
      this.gather(this.setup.train, shard);
      lossSum += this.gradient.compute(this.features, this.labels, shard.length, task.scale, out);
      this.rounder.round(out, this.numericStream, task.step, task.firstMicroShard + i);
      rows += shard.length;
      return out;
    });
    this.store.gradientSlot(task.slot ?? task.worker).set(treeSum(leaves));
    return { step: task.step, worker: task.worker, versionRead, lossSum, rows };
  }

  /** Predicts rows [start, end) of `data` at the current parameters into `out`. */
  predict(data: Dataset, start: number, end: number, out: Float32Array): void {
    this.store.read(this.snapshot);
    this.gradient.setParameters(this.snapshot);
    const width = data.width;
    this.gradient.predict(data.features.subarray(start * width, end * width), end - start, out.subarray(start * data.outputs, end * data.outputs));
  }

  /** Frees the run's tensors. */
  dispose(): void {
    this.gradient.dispose();
  }

  private shardGradient(i: number): Float32Array {
    while (this.shardGradients.length <= i) this.shardGradients.push(new Float32Array(this.snapshot.length));
    return this.shardGradients[i]!;
  }

  private gather(data: Dataset, rows: Uint32Array): void {
    const width = data.width;
    if (this.features.length < rows.length * width) {
      this.features = new Float32Array(rows.length * width);
      this.labels = new Float32Array(rows.length);
    }
    rows.forEach((row, i) => {
      this.features.set(data.features.subarray(row * width, (row + 1) * width), i * width);
      this.labels[i] = data.labels[row]!;
    });
  }
}
