import { categoricalCount, type Dataset } from '@churnlab/data';
import {
  addTensors,
  BatchGradient,
  blockView,
  copyTouchedRows,
  createTouchedRows,
  Network,
  packedRowsLength,
  packRowsWithin,
  setTouchedFromIds,
  treeReduce,
  unpackRows,
  zeroTouched,
  type EmbeddingTable,
  type MicroShardPass,
  type TouchedRows,
} from '@churnlab/model';
import { addInto, firstNonFinite } from '@churnlab/kernels';
import { tf, type Tensor } from '@churnlab/tensor';
import { applyShardUpdate, gradientPrecision, PARAMETER_DRAWS, parameterPrecision, ServerShard, SharedParameters, type GradientResult, type GradientRounder, type GradientTask, type ServerShardHandle, type ShardUpdate } from '@churnlab/ps';
import { seedStream, type SeedStream } from '@churnlab/random';
import type { RunSetup } from './messages.js';

/** One micro-shard's gradient, or a sum of them: the MLP blocks on the tensor backend and, with tables, the task's rows packed. */
interface Leaf {
  blocks: Tensor[];
  rows: Float32Array | null;
}

/** One run's state inside a worker thread: the network, the shared parameters and reusable scratch buffers. */
export class WorkerRuntime {
  private readonly store: SharedParameters;
  private readonly network: Network;
  private readonly gradient: BatchGradient;
  /**
   * A copy of the parameters to compute at, allocated on first use. With embedding tables it is always used: the
   * tables' rows are read from it while computing, so it must stay still. Without tables the parameters go straight
   * from the store to the backend, and the copy is the fallback when a write overlapped that (see loadParameters).
   */
  private snapshot: Float32Array | undefined;
  private readonly rounder: GradientRounder;
  /** The rounding of the parameters it computes at; undefined at float32. */
  private readonly parameterRounder: GradientRounder | undefined;
  private readonly numericStream: SeedStream;
  /**
   * A full-length gradient buffer for every micro-shard in turn: its tables' rows (zero but for `leafTouched`), and the
   * whole vector when rounding. Allocated on first use: a dense model at full precision never needs it.
   */
  private leafGradient = new Float32Array(0);
  private readonly leafTouched: TouchedRows;
  /** Models with tables: each micro-shard's table rows packed to the task's touched rows. */
  private readonly packedRows: Float32Array[] = [];
  private readonly taskTouched: TouchedRows;
  private readonly shards = new Map<string, ServerShard>();
  private features = new Float32Array(0);
  private labels = new Float32Array(0);
  private categories = new Uint32Array(0);

  constructor(readonly setup: RunSetup) {
    this.store = SharedParameters.attach(setup.store);
    this.network = new Network(setup.model);
    this.gradient = new BatchGradient(this.network);
    this.rounder = gradientPrecision(setup.precision.name);
    const params = setup.precision.params ?? 'float32';
    this.parameterRounder = params === 'float32' ? undefined : parameterPrecision(params);
    this.numericStream = seedStream(setup.precision.seed, 'numeric', setup.precision.replica);
    this.leafTouched = createTouchedRows(this.network.tables);
    this.taskTouched = createTouchedRows(this.network.tables);
    checkTables(this.network.tables, setup);
  }

  /**
   * Reads the parameters (live, or the task's kept version) and sums the task's micro-shard gradients in a fixed tree
   * into its slot. Each micro-shard gradient is rounded to the run's precision first, drawn at (step, micro-shard), so
   * the rounding, like the sum, does not depend on which worker computed which micro-shard. The MLP blocks are summed
   * on the tensor backend and read once; the tables' rows, sparse, are summed packed to the task's touched rows.
   */
  computeGradient(task: GradientTask): GradientResult {
    const versionRead = this.loadParameters(task.readVersion);
    const slot = task.slot ?? task.worker;
    if (this.network.tables.length > 0) this.setTaskRows(task.microShards);
    let finite = true;
    let lossSum = 0;
    // Inside a scope, so that a failing micro-shard leaves no tensor of the others behind.
    const written = tf.tidy(() => {
      const summed = this.summedMicroShards(task, (loss) => (lossSum += loss));
      // Checked while the slot is still this task's: a retry taking it over afterwards must not be blamed on this one.
      return this.fillSlot(task, slot, () => {
        this.writeSlot(slot, summed.blocks, summed.rows);
        finite = this.isFinite(slot, summed.rows);
      });
    });
    const result: GradientResult = { step: task.step, worker: task.worker, versionRead, lossSum, rows: task.microShards.reduce((n, shard) => n + shard.length, 0) };
    if (!written) return { ...result, superseded: true };
    // Only a failing gradient pays for a scan of the whole slot, to say where the trouble started.
    return finite ? result : { ...result, firstNonFinite: firstNonFinite(this.store.gradientSlot(slot))! };
  }

  /** Fills the slot with `write`, unless the task holds a lease that a retry has taken over since; returns whether it did. */
  private fillSlot(task: GradientTask, slot: number, write: () => void): boolean {
    if (task.lease === undefined) {
      write();
      return true;
    }
    return this.store.writeSlotLeased(slot, task.lease, write);
  }

  /** Sums the run's gradient slots over one server shard's range and applies the shard there, as `update` says. */
  updateShard(handle: ServerShardHandle, update: ShardUpdate): null {
    const key = handle.range.join(':');
    // Kept per range for its reusable spans buffer; the optimizer state it adopts lives in shared memory either way.
    const shard = this.shards.get(key) ?? this.shards.set(key, new ServerShard(handle)).get(key)!;
    applyShardUpdate(this.store, shard, update);
    return null;
  }

  /** Predicts rows [start, end) of `data` at the current parameters into `out`. */
  predict(data: Dataset, start: number, end: number, out: Float32Array): void {
    this.loadParameters();
    const width = data.width;
    const k = categoricalCount(data);
    const categories = data.categories?.subarray(start * k, end * k);
    this.gradient.predict(data.features.subarray(start * width, end * width), end - start, out.subarray(start * data.outputs, end * data.outputs), categories);
  }

  /**
   * Loads the live parameters, or kept version `version`, into the gradient and returns the version loaded. Without
   * tables they go from the store to the backend in one copy, under the store's sequence lock: a copy into a snapshot
   * first cost model a 0.5–1 ms per task, and a second walk over 6.3 MB of cache. The upload takes longer than that
   * copy, though, so when a write overlapped it the parameters are loaded through the snapshot instead: updates in
   * quick succession (many asynchronous workers) cannot keep the upload from ever completing. Parameters rounded to a
   * lower precision always go through the snapshot, where they are rounded.
   */
  private loadParameters(version?: number): number {
    if (this.network.tables.length === 0 && !this.parameterRounder) {
      const load = (params: Float32Array) => this.gradient.setParameters(params);
      const loaded = version === undefined ? this.store.readOnceThrough(load) : this.store.readVersionThrough(version, load);
      if (loaded !== undefined) return loaded;
    }
    const snapshot = (this.snapshot ??= new Float32Array(this.setup.store.size));
    const loaded = version === undefined ? this.store.read(snapshot) : this.store.readVersion(version, snapshot);
    // Drawn at (version, PARAMETER_DRAWS): every worker reading a version computes at the same rounded parameters.
    this.parameterRounder?.round(snapshot, this.numericStream, loaded, PARAMETER_DRAWS);
    this.gradient.setParameters(snapshot);
    return loaded;
  }

  /** Frees the run's tensors. */
  dispose(): void {
    this.gradient.dispose();
  }

  /**
   * The task's micro-shard gradients summed in the fixed tree, from one forward and backward pass over all their rows
   * (gathered one micro-shard after another); each micro-shard's Σloss goes to `onLoss`, in order.
   */
  private summedMicroShards(task: GradientTask, onLoss: (lossSum: number) => void): Leaf {
    this.gather(this.setup.train, task.microShards);
    const pass = this.gradient.microShardPass(this.features, this.labels, task.microShards.map((shard) => shard.length), task.scale, this.categories);
    // The pass's tensors outlive any scope: freed here even when a micro-shard fails.
    try {
      pass.lossSums.forEach((lossSum) => onLoss(lossSum));
      const count = task.microShards.length;
      if (this.rounder.name !== 'float32') {
        return treeReduce(count, (i) => this.roundedLeaf(pass, task, i), (left, right) => ({ blocks: addTensors(left.blocks, right.blocks), rows: left.rows && addInto(left.rows, right.rows!) }));
      }
      return { blocks: layerByLayerSum(pass, count), rows: this.network.tables.length > 0 ? treeReduce(count, (i) => this.tableRows(pass, i), addInto) : null };
    } finally {
      pass.dispose();
    }
  }

  /**
   * Micro-shard `i`'s gradient from the task's pass, rounded to the run's precision. Rounding needs the whole vector in
   * memory, so a rounded gradient goes through `leafGradient` and back to the backend; the tables' rows are there
   * anyway, rounded with the rest, and then packed to the task's touched rows.
   */
  private roundedLeaf(pass: MicroShardPass, task: GradientTask, i: number): Leaf {
    const tables = this.network.tables.length > 0;
    const out = this.leafBuffer();
    if (tables) this.scatterLeafTables(pass, i, out);
    const blocks = this.rounded(pass.blocks(i), out, task.step, task.firstMicroShard + i);
    return { blocks, rows: tables ? this.packLeafRows(out, i) : null };
  }

  /** Micro-shard `i`'s table rows from the task's pass, packed to the task's touched rows. */
  private tableRows(pass: MicroShardPass, i: number): Float32Array {
    const out = this.leafBuffer();
    this.scatterLeafTables(pass, i, out);
    return this.packLeafRows(out, i);
  }

  /**
   * Writes micro-shard `i`'s sparse table gradient into `out`, after zeroing the rows the previous micro-shard left, so
   * that the buffer is zero in the tables but for this one's rows: packing reads just those, but a rounder sees the
   * whole vector (int8 takes its scale from it).
   */
  private scatterLeafTables(pass: MicroShardPass, i: number, out: Float32Array): void {
    zeroTouched(out, this.leafTouched);
    pass.scatterTables(i, out, this.leafTouched);
  }

  /** Micro-shard `i`'s table rows, written to `out` by scatterLeafTables, packed to the task's touched rows. */
  private packLeafRows(out: Float32Array, i: number): Float32Array {
    return packRowsWithin(out, this.leafTouched, this.taskTouched, this.packedRowsBuffer(i));
  }

  /** The full-length buffer for one micro-shard's gradient at a time, allocated on first use. */
  private leafBuffer(): Float32Array {
    if (this.leafGradient.length === 0) this.leafGradient = new Float32Array(this.setup.store.size);
    return this.leafGradient;
  }

  /** Rounds a micro-shard's gradient (its MLP blocks, disposed here, and the tables' rows in `out`) in `out`, and returns the rounded blocks as tensors. */
  private rounded(blocks: Tensor[], out: Float32Array, step: number, microShard: number): Tensor[] {
    this.gradient.readBlocks(blocks, out);
    tf.dispose(blocks);
    this.rounder.round(out, this.numericStream, step, microShard);
    return this.network.mlpBlocks.map((block) => tf.tensor(blockView(out, block), block.shape, 'float32'));
  }

  /** Micro-shard `i`'s buffer for packed rows, grown to the task's touched rows. */
  private packedRowsBuffer(i: number): Float32Array {
    const length = packedRowsLength(this.taskTouched);
    const held = this.packedRows[i];
    if (held && held.length >= length) return held;
    return (this.packedRows[i] = new Float32Array(Math.max(length, 2 * (held?.length ?? 0))));
  }

  /** Whether the task's sum in slot `slot` is finite: its MLP blocks there and, with tables, its packed rows. */
  private isFinite(slot: number, rows: Float32Array | null): boolean {
    const target = this.store.gradientSlot(slot);
    return this.network.mlpBlocks.every((block) => firstNonFinite(blockView(target, block)) === undefined) && (!rows || firstNonFinite(rows) === undefined);
  }

  /**
   * Writes the task's sum to the slot: its MLP `blocks`, read straight from the tensor backend, and with tables its
   * packed table `rows`. The tables' other rows are zeroed first: only the rows the slot's previous gradient touched,
   * whose touched rows the slot then takes over for the server, or all of them in a store made without the tables.
   */
  private writeSlot(slot: number, blocks: Tensor[], rows: Float32Array | null): void {
    const target = this.store.gradientSlot(slot);
    const slotTouched = this.store.touchedRows(slot);
    if (rows && slotTouched) zeroTouched(target, slotTouched);
    else if (rows) target.fill(0);
    this.gradient.readBlocks(blocks, target);
    if (!rows) return;
    unpackRows(rows, this.taskTouched, target);
    if (slotTouched) copyTouchedRows(slotTouched, this.taskTouched);
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

  /** Copies the rows of the task's micro-shards, one after another: their features, labels and (with embedding tables) bucket ids. */
  private gather(data: Dataset, microShards: Uint32Array[]): void {
    const width = data.width;
    const k = this.network.tables.length;
    const total = microShards.reduce((n, shard) => n + shard.length, 0);
    if (this.features.length < total * width || this.labels.length < total) {
      this.features = new Float32Array(total * width);
      this.labels = new Float32Array(total);
      this.categories = new Uint32Array(total * k);
    }
    let i = 0;
    for (const shard of microShards) {
      for (const row of shard) {
        this.features.set(data.features.subarray(row * width, (row + 1) * width), i * width);
        this.labels[i] = data.labels[row]!;
        if (k > 0) this.categories.set(data.categories!.subarray(row * k, (row + 1) * k), i * k);
        i++;
      }
    }
  }
}

/**
 * The MLP blocks of a task's micro-shards summed in the fixed tree, one layer after another. Each element's sum is the
 * same in whatever order the blocks are summed, and only one layer's micro-shard gradients are held at once (model a:
 * 4 MB each for its largest layer instead of 6.3 MB for the whole network), so the additions find more of them in the
 * cache: 1.5% less CPU per step on model a, with 1 worker and with 2.
 */
function layerByLayerSum(pass: MicroShardPass, count: number): Tensor[] {
  return Array.from({ length: pass.layers }, (_, layer) => treeReduce(count, (i) => pass.blocks(i, layer), addTensors)).flat();
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
