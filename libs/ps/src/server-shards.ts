import { createOptimizer } from './optimizers/registry.js';
import type { Optimizer, OptimizerConfig } from './optimizers/optimizer.js';

/** Splits `size` parameters into `count` contiguous ranges [lo, hi) whose lengths differ by at most one. */
export function shardRanges(size: number, count: number): Array<[number, number]> {
  if (!Number.isInteger(count) || count < 1 || count > size) {
    throw new RangeError(`psShards: ${count} is not allowed; expected an integer from 1 to the ${size} parameters`);
  }
  return Array.from({ length: count }, (_, k) => [Math.floor((k * size) / count), Math.floor(((k + 1) * size) / count)]);
}

/**
 * The parameter vector served by independent server shards, as in a sharded parameter server (Downpour SGD):
 * each shard owns a contiguous range and its own optimizer state, and applies updates to that range alone.
 */
export class ServerShards {
  readonly ranges: Array<[number, number]>;
  private readonly optimizers: Optimizer[];

  constructor(config: OptimizerConfig, size: number, count = 1) {
    this.ranges = shardRanges(size, count);
    this.optimizers = this.ranges.map(([lo, hi]) => createOptimizer(config, hi - lo));
  }

  /** How many shards there are. */
  get count(): number {
    return this.ranges.length;
  }

  /** Shard `shard` applies its range of `grad` to its range of `params`. */
  applyShard(shard: number, params: Float32Array, grad: Float32Array): void {
    const [lo, hi] = this.ranges[shard]!;
    this.optimizers[shard]!.apply(params.subarray(lo, hi), grad.subarray(lo, hi));
  }

  /** Every shard applies `grad`: one whole update. */
  apply(params: Float32Array, grad: Float32Array): void {
    for (let shard = 0; shard < this.ranges.length; shard++) this.applyShard(shard, params, grad);
  }

  /** Each shard's optimizer state vectors, shard by shard, for checkpoints. */
  state(): Float32Array[][] {
    return this.optimizers.map((o) => o.state());
  }
}
