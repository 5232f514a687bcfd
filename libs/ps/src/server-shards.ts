import type { TouchedRows } from '@churnlab/model/vectors';
import type { OptimizerConfig } from './optimizers/optimizer.js';
import { ServerShard, type ServerShardHandle } from './server-shard.js';
import { applyShardUpdate, type ShardUpdate } from './shard-update.js';
import type { SharedParameters } from './shared-parameters.js';

/** Splits `size` parameters into `count` contiguous ranges [lo, hi) whose lengths differ by at most one. */
export function shardRanges(size: number, count: number): Array<[number, number]> {
  if (!Number.isInteger(count) || count < 1 || count > size) {
    throw new RangeError(`psShards: ${count} is not allowed; expected an integer from 1 to the ${size} parameters`);
  }
  return Array.from({ length: count }, (_, k) => [Math.floor((k * size) / count), Math.floor(((k + 1) * size) / count)]);
}

/**
 * The parameter vector served by independent server shards, as in a sharded parameter server (Downpour SGD): each
 * shard owns a contiguous range and its own optimizer state (see ServerShard), and applies updates to that range alone.
 */
export class ServerShards {
  readonly ranges: Array<[number, number]>;
  private readonly shards: ServerShard[];

  constructor(config: OptimizerConfig, size: number, count = 1) {
    this.ranges = shardRanges(size, count);
    this.shards = this.ranges.map((range) => ServerShard.create(config, range));
  }

  /** How many shards there are. */
  get count(): number {
    return this.ranges.length;
  }

  /** Shard `shard` applies its range of `grad` to its range of `params`, sparsely in the tables when `touched` is given. */
  applyShard(shard: number, params: Float32Array, grad: Float32Array, touched?: TouchedRows): void {
    this.shards[shard]!.apply(params, grad, touched);
  }

  /** Every shard applies `grad`: one whole update (sparse in the tables when `touched` is given). */
  apply(params: Float32Array, grad: Float32Array, touched?: TouchedRows): void {
    for (let shard = 0; shard < this.ranges.length; shard++) this.applyShard(shard, params, grad, touched);
  }

  /** Shard `shard` sums `store`'s gradient slots over its range as `update` says and applies the sum there (see applyShardUpdate). */
  updateShard(shard: number, store: SharedParameters, update: ShardUpdate): void {
    applyShardUpdate(store, this.shards[shard]!, update);
  }

  /** A barrier step's whole update on this thread: every shard's part of it, one after another. */
  update(store: SharedParameters, update: ShardUpdate): void {
    for (let shard = 0; shard < this.ranges.length; shard++) this.updateShard(shard, store, update);
  }

  /** Each shard's handle, so that other threads apply the shards themselves (their optimizer state is shared). */
  handles(): ServerShardHandle[] {
    return this.shards.map((s) => s.handle);
  }

  /** Puts back optimizer state saved from shards of the same layout (state() of the same config and size). */
  restoreState(saved: Float32Array[][]): void {
    const live = this.state();
    const fits = saved.length === live.length && saved.every((vectors, k) => vectors.length === live[k]!.length && vectors.every((v, i) => v.length === live[k]![i]!.length));
    if (!fits) throw new RangeError(`the saved optimizer state has ${saved.length} shards of other sizes than these ${live.length}; expected the same optimizer, parameters and psShards`);
    saved.forEach((vectors, k) => vectors.forEach((v, i) => live[k]![i]!.set(v)));
  }

  /** Each shard's optimizer state vectors, shard by shard, for checkpoints. */
  state(): Float32Array[][] {
    return this.shards.map((s) => s.state());
  }
}
