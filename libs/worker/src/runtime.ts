import { categoricalCount, type Dataset } from '@churnlab/data';
import {
  BatchGradient,
  copyTouchedRows,
  createTouchedRows,
  Network,
  packedLength,
  packTouched,
  setTouchedFromIds,
  treeSum,
  unpackTouched,
  zeroTouched,
  type EmbeddingTable,
  type TouchedRows,
} from '@churnlab/model';
import { firstNonFinite, gradientPrecision, SharedParameters, type GradientResult, type GradientRounder, type GradientTask } from '@churnlab/ps';
import { seedStream, type SeedStream } from '@churnlab/random';
import type { RunSetup } from './messages.js';

/** What filling a slot gave: Σloss, whether the sum is finite, and whether the slot was written (its lease still held). */
interface SlotFill {
  lossSum: number;
  finite: boolean;
  written: boolean;
}

/** One run's state inside a worker thread: the network, the shared parameters and reusable scratch buffers. */
export class WorkerRuntime {
  private readonly store: SharedParameters;
  private readonly network: Network;
  private readonly gradient: BatchGradient;
  private readonly snapshot: Float32Array;
  private readonly rounder: GradientRounder;
  private readonly numericStream: SeedStream;
  /** Dense models: one full gradient per micro-shard. */
  private readonly shardGradients: Float32Array[] = [];
  /** Models with tables: one full gradient buffer for every micro-shard in turn, zero in the tables but for `leafTouched`. */
  private leafGradient = new Float32Array(0);
  private readonly leafTouched: TouchedRows;
  /** Models with tables: each micro-shard's gradient packed to the dense part and the task's touched rows. */
  private readonly packedShards: Float32Array[] = [];
  private readonly taskTouched: TouchedRows;
  private features = new Float32Array(0);
  private labels = new Float32Array(0);
  private categories = new Uint32Array(0);

  constructor(readonly setup: RunSetup) {
    this.store = SharedParameters.attach(setup.store);
    this.network = new Network(setup.model);
    this.gradient = new BatchGradient(this.network);
    this.snapshot = new Float32Array(setup.store.size);
    this.rounder = gradientPrecision(setup.precision.name);
    this.numericStream = seedStream(setup.precision.seed, 'numeric', setup.precision.replica);
    this.leafTouched = createTouchedRows(this.network.tables);
    this.taskTouched = createTouchedRows(this.network.tables);
    checkTables(this.network.tables, setup);
  }

  /**
   * Reads the parameters (live, or the task's kept version) and sums the task's micro-shard gradients in a fixed tree
   * into its slot. Each micro-shard gradient is rounded to the run's precision first, drawn at (step, micro-shard), so
   * the rounding, like the sum, does not depend on which worker computed which micro-shard.
   */
  computeGradient(task: GradientTask): GradientResult {
    const versionRead = task.readVersion === undefined ? this.store.read(this.snapshot) : this.store.readVersion(task.readVersion, this.snapshot);
    this.gradient.setParameters(this.snapshot);
    const slot = task.slot ?? task.worker;
    const { lossSum, finite, written } = this.network.tables.length > 0 ? this.sparseGradient(task, slot) : this.denseGradient(task, slot);
    const result: GradientResult = { step: task.step, worker: task.worker, versionRead, lossSum, rows: task.microShards.reduce((n, shard) => n + shard.length, 0) };
    if (!written) return { ...result, superseded: true };
    // Only a failing gradient pays for a scan of the whole slot, to say where the trouble started.
    const bad = finite ? undefined : firstNonFinite(this.store.gradientSlot(slot));
    return bad === undefined ? result : { ...result, firstNonFinite: bad };
  }

  /** Fills the slot with `write`, unless the task holds a lease that a retry has taken over since; returns whether it did. */
  private fillSlot(task: GradientTask, slot: number, write: () => void): boolean {
    if (task.lease === undefined) {
      write();
      return true;
    }
    return this.store.writeSlotLeased(slot, task.lease, write);
  }

  /** Predicts rows [start, end) of `data` at the current parameters into `out`. */
  predict(data: Dataset, start: number, end: number, out: Float32Array): void {
    this.store.read(this.snapshot);
    this.gradient.setParameters(this.snapshot);
    const width = data.width;
    const k = categoricalCount(data);
    const categories = data.categories?.subarray(start * k, end * k);
    this.gradient.predict(data.features.subarray(start * width, end * width), end - start, out.subarray(start * data.outputs, end * data.outputs), categories);
  }

  /** Frees the run's tensors. */
  dispose(): void {
    this.gradient.dispose();
  }

  /** Full micro-shard gradients, rounded, tree-summed into the slot; returns Σloss and whether the sum is finite. */
  private denseGradient(task: GradientTask, slot: number): SlotFill {
    let lossSum = 0;
    const leaves = task.microShards.map((shard, i) => {
      while (this.shardGradients.length <= i) this.shardGradients.push(new Float32Array(this.snapshot.length));
      const out = this.shardGradients[i]!;
      this.gather(this.setup.train, shard);
      lossSum += this.gradient.compute(this.features, this.labels, shard.length, task.scale, out);
      this.rounder.round(out, this.numericStream, task.step, task.firstMicroShard + i);
      return out;
    });
    const sum = treeSum(leaves);
    const written = this.fillSlot(task, slot, () => this.store.gradientSlot(slot).set(sum));
    return { lossSum, finite: firstNonFinite(sum) === undefined, written };
  }

  /**
   * The same sum for a model with embedding tables, without a full vector per micro-shard: the task's touched rows (the
   * distinct bucket ids of all its examples) are known before any gradient, so each micro-shard's gradient is computed
   * into one reused full buffer, rounded there, and packed to the dense part and the task's rows. Summing the packed
   * vectors rounds exactly as summing the full ones, whose other rows are zero. The slot gets the sum in place, after
   * zeroing the rows its previous gradient touched, and the task's rows as its touched rows for the server (a store
   * made without the tables gets the full dense vector). Returns Σloss and whether the packed sum is finite.
   */
  private sparseGradient(task: GradientTask, slot: number): SlotFill {
    this.setTaskRows(task.microShards);
    if (this.leafGradient.length !== this.snapshot.length) this.leafGradient = new Float32Array(this.snapshot.length);
    const length = packedLength(this.snapshot.length, this.taskTouched);
    let lossSum = 0;
    const leaves = task.microShards.map((shard, i) => {
      const out = this.leafGradient;
      // Zero the rows the previous micro-shard left, so the buffer is zero in the tables but for this one's rows.
      zeroTouched(out, this.leafTouched);
      this.gather(this.setup.train, shard);
      lossSum += this.gradient.compute(this.features, this.labels, shard.length, task.scale, out, this.categories, this.leafTouched);
      this.rounder.round(out, this.numericStream, task.step, task.firstMicroShard + i);
      if (!this.packedShards[i] || this.packedShards[i].length < length) this.packedShards[i] = new Float32Array(Math.min(this.snapshot.length, Math.max(length, 2 * (this.packedShards[i]?.length ?? 0))));
      return packTouched(out, this.taskTouched, this.packedShards[i]);
    });
    const sum = treeSum(leaves);
    const written = this.fillSlot(task, slot, () => {
      const target = this.store.gradientSlot(slot);
      const slotTouched = this.store.touchedRows(slot);
      if (slotTouched) zeroTouched(target, slotTouched);
      else target.fill(0);
      unpackTouched(sum, this.taskTouched, target);
      if (slotTouched) copyTouchedRows(slotTouched, this.taskTouched);
    });
    return { lossSum, finite: firstNonFinite(sum) === undefined, written };
  }

  /** Sets the task's touched rows: per table, the distinct bucket ids of every example of its micro-shards. */
  private setTaskRows(microShards: Uint32Array[]): void {
    const k = this.network.tables.length;
    const categories = this.setup.train.categories!;
    const total = microShards.reduce((n, shard) => n + shard.length, 0);
    const ids = new Uint32Array(total);
    for (let t = 0; t < k; t++) {
      let at = 0;
      for (const shard of microShards) for (const row of shard) ids[at++] = categories[row * k + t]!;
      setTouchedFromIds(this.taskTouched, t, ids);
    }
  }

  /** Copies the task rows' features, labels and (with embedding tables) bucket ids into the scratch buffers. */
  private gather(data: Dataset, rows: Uint32Array): void {
    const width = data.width;
    const k = this.network.tables.length;
    if (this.features.length < rows.length * width || this.labels.length < rows.length) {
      this.features = new Float32Array(rows.length * width);
      this.labels = new Float32Array(rows.length);
      this.categories = new Uint32Array(rows.length * k);
    }
    rows.forEach((row, i) => {
      this.features.set(data.features.subarray(row * width, (row + 1) * width), i * width);
      this.labels[i] = data.labels[row]!;
    });
    if (k > 0) rows.forEach((row, i) => this.categories.set(data.categories!.subarray(row * k, (row + 1) * k), i * k));
  }
}

/** Fails early, naming the mismatch, when the training data or the store do not fit the model's embedding tables. */
function checkTables(tables: EmbeddingTable[], setup: RunSetup): void {
  // A model without tables may train on data that also has categorical features: it just does not use them.
  if (tables.length > 0 && (!setup.train.categories || categoricalCount(setup.train) !== tables.length)) {
    throw new RangeError(`model.embeddings: ${tables.length} tables do not match the training data's ${categoricalCount(setup.train)} categorical features`);
  }
  const stored = setup.store.tables;
  const same = stored.length === tables.length && stored.every((t, i) => t.offset === tables[i]!.offset && t.rows === tables[i]!.rows && t.dimension === tables[i]!.dimension);
  // A store made without the tables still works (gradients are then summed and applied densely); one made for others does not.
  if (stored.length > 0 && !same) throw new RangeError("the parameter store's embedding tables do not match the model's: create it with embeddingTables(parameterLayout(model))");
}
