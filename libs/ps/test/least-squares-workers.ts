import { treeSum } from '@churnlab/model';
import type { BatchSource, GradientResult, GradientTask, GradientWorkers, SharedParameters } from '../src/index.js';
import { type TurnDelay, waitTurns } from './turn-delay.js';

/** Least squares on fixed rows: minimise Σ_r ½(w·x_r − y_r)² over a `features`-wide weight vector w. */
export interface LeastSquares {
  readonly rows: number;
  readonly features: number;
  /** Row-major, rows × features. */
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/**
 * A fixed, unround data set whose float32 sums round differently in different orders: features of scales ¼..4,
 * targets from a linear teacher w*ᵢ = cos(i) plus a little noise, so training has somewhere to go.
 */
export function leastSquaresProblem(rows: number, features: number): LeastSquares {
  const x = Float32Array.from({ length: rows * features }, (_, i) => Math.sin(i * 1.37 + 0.3) * 2 ** ((i % 5) - 2));
  const teacher = (r: number) => x.subarray(r * features, (r + 1) * features).reduce((s, v, i) => s + v * Math.cos(i), 0);
  return { rows, features, x, y: Float32Array.from({ length: rows }, (_, r) => teacher(r) + 0.1 * Math.cos(r * 0.71)) };
}

/**
 * One micro-shard's gradient, scale·Σ_r (w·x_r − y_r)·x_r, accumulated row by row in float32 into `out` (overwritten).
 * Returns the shard's loss Σ_r ½(w·x_r − y_r)² in float64.
 */
export function shardGradient(problem: LeastSquares, w: Float32Array, shard: Uint32Array, scale: number, out: Float32Array): number {
  const f = Math.fround;
  out.fill(0);
  let lossSum = 0;
  for (const row of shard) {
    const x = problem.x.subarray(row * problem.features, (row + 1) * problem.features);
    let prediction = 0;
    for (let i = 0; i < x.length; i++) prediction = f(prediction + f(w[i]! * x[i]!));
    const residual = f(prediction - problem.y[row]!);
    lossSum += 0.5 * residual * residual;
    const weight = f(scale * residual);
    for (let i = 0; i < x.length; i++) out[i] = out[i]! + f(weight * x[i]!);
  }
  return lossSum;
}

/** The gradient of several consecutive micro-shards, each computed alone and then summed with treeSum; and their loss. */
export function shardsGradient(problem: LeastSquares, w: Float32Array, shards: Uint32Array[], scale: number): { gradient: Float32Array; lossSum: number } {
  let lossSum = 0;
  const leaves = shards.map((shard) => {
    const out = new Float32Array(problem.features);
    lossSum += shardGradient(problem, w, shard, scale, out);
    return out;
  });
  return { gradient: treeSum(leaves), lossSum };
}

/** Micro-shard j of `rows` split `microShards` ways: rows [⌊jB/M⌋, ⌊(j+1)B/M⌋), the spec written out independently of src. */
export function microShard(rows: Uint32Array, microShards: number, j: number): Uint32Array {
  const b = rows.length;
  return rows.subarray(Math.floor((j * b) / microShards), Math.floor(((j + 1) * b) / microShards));
}

/** Batches of `batchSize` consecutive rows, wrapping around the data set (so steps see different rows). */
export function cyclicBatches(rows: number, batchSize: number, steps: number): BatchSource {
  return { batchSize, steps, rowsForStep: (step) => Uint32Array.from({ length: batchSize }, (_, i) => (step * batchSize + i) % rows) };
}

/**
 * Real GradientWorkers for least squares, in this thread: each task reads the store under its sequence lock (or the kept
 * version it names), computes its micro-shards in float32, sums them with treeSum, waits its turns and then
 * fills its gradient slot.
 */
export class LeastSquaresWorkers implements GradientWorkers {
  /** Every task computed, in the order they were started. */
  readonly tasks: GradientTask[] = [];

  constructor(
    private readonly problem: LeastSquares,
    private readonly store: SharedParameters,
    readonly count: number,
    private readonly delay: TurnDelay = () => 0,
  ) {}

  async compute(task: GradientTask): Promise<GradientResult> {
    this.tasks.push(task);
    const w = new Float32Array(this.store.handle.size);
    const versionRead = task.readVersion === undefined ? this.store.read(w) : this.store.readVersion(task.readVersion, w);
    const { gradient, lossSum } = shardsGradient(this.problem, w, task.microShards, task.scale);
    await waitTurns(this.delay(task.worker, task.step));
    this.store.gradientSlot(task.slot ?? task.worker).set(gradient);
    return { step: task.step, worker: task.worker, versionRead, lossSum, rows: task.microShards.reduce((n, s) => n + s.length, 0) };
  }
}
