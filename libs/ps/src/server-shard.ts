import type { TouchedRows } from '@churnlab/model/vectors';
import { createOptimizer } from './optimizers/registry.js';
import type { Optimizer, OptimizerConfig } from './optimizers/optimizer.js';
import { updateSpans, type UpdateSpans } from './optimizers/update-spans.js';

/** What any thread needs to apply one server shard: its range [lo, hi) of the parameters, its optimizer and that optimizer's state. */
export interface ServerShardHandle {
  range: [number, number];
  optimizer: OptimizerConfig;
  /** The optimizer's state vectors, in shared memory. */
  state: Float32Array[];
}

/**
 * One shard of a sharded parameter server (Downpour SGD): a contiguous range of the parameters with its own optimizer,
 * whose state lies in shared memory, so that the coordinator or a pool thread holding the same handle applies it.
 *
 * A gradient may come with the embedding-table rows it touched (zeros in every other table row). Then, when the
 * optimizer has an exact sparse path (SGD, Adagrad), the shard updates only its dense elements and those rows, clipped
 * to its range; other optimizers, and gradients without touched rows, are applied densely. Both give the same
 * parameters bit for bit.
 */
export class ServerShard {
  private readonly optimizer: Optimizer;
  private cachedSpans: UpdateSpans | undefined;

  /** The shard `handle` describes, over the state it holds (adopted, not copied). */
  constructor(readonly handle: ServerShardHandle) {
    const [lo, hi] = handle.range;
    this.optimizer = createOptimizer(handle.optimizer, hi - lo, handle.state);
  }

  /** A new shard of `range` with fresh optimizer state in shared memory. */
  static create(config: OptimizerConfig, range: [number, number]): ServerShard {
    const fresh = createOptimizer(config, range[1] - range[0]).state();
    const state = fresh.map((v) => {
      const shared = new Float32Array(new SharedArrayBuffer(v.byteLength));
      shared.set(v);
      return shared;
    });
    return new ServerShard({ range, optimizer: config, state });
  }

  /** Its range [lo, hi). */
  get range(): [number, number] {
    return this.handle.range;
  }

  /**
   * The spans of its range, relative to lo, that a sparse update with `touched` rows of a `size`-long vector reaches:
   * the dense elements and the touched rows. Valid until the next call.
   */
  spans(touched: TouchedRows, size: number): UpdateSpans {
    const [lo, hi] = this.handle.range;
    return (this.cachedSpans = updateSpans(touched, size, lo, hi, this.cachedSpans));
  }

  /**
   * Applies its range of `grad` to its range of `params`, sparsely in the tables when `touched` is given and the
   * optimizer allows it; `spans`, when given, are this.spans(touched, params.length), already computed.
   */
  apply(params: Float32Array, grad: Float32Array, touched?: TouchedRows, spans?: UpdateSpans): void {
    const [lo, hi] = this.handle.range;
    const [p, g] = [params.subarray(lo, hi), grad.subarray(lo, hi)];
    if (!touched || touched.tables.length === 0 || !this.optimizer.applySpans) {
      this.optimizer.apply(p, g);
      return;
    }
    const { spans: pairs, count } = spans ?? this.spans(touched, params.length);
    this.optimizer.applySpans(p, g, pairs, count);
  }

  /** Whether its optimizer applies the sum of two gradients in one pass (see applySum). */
  get appliesSums(): boolean {
    return this.optimizer.applySum !== undefined;
  }

  /**
   * Applies its range of the float32 sum `left` + `right` to its range of `params`, densely, as apply(params, left + right)
   * would, without writing the sum into `left`; only where appliesSums.
   */
  applySum(params: Float32Array, left: Float32Array, right: Float32Array): void {
    if (!this.optimizer.applySum) throw new Error(`ServerShard.applySum: the ${this.optimizer.name} optimizer has no fused sum`);
    const [lo, hi] = this.handle.range;
    this.optimizer.applySum(params.subarray(lo, hi), left.subarray(lo, hi), right.subarray(lo, hi));
  }

  /** The optimizer's state vectors, for checkpoints. */
  state(): Float32Array[] {
    return this.optimizer.state();
  }
}
