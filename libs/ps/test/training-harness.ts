/** Least-squares training through a real order policy, and plain float32 SGD to compare it with. */
import { seedStream } from '@churnlab/random';
import {
  defaultOptimizerConfig,
  orderPolicy,
  ServerShards,
  SharedParameters,
  type OptimizerConfig,
  type OrderPolicy,
  type UpdateEvent,
} from '../src/index.js';
import { cyclicBatches, leastSquaresProblem, LeastSquaresWorkers, microShard, shardGradient, shardsGradient } from './least-squares-workers.js';
import type { TurnDelay } from './turn-delay.js';

export const problem = leastSquaresProblem(50, 5);
export const initial = Float32Array.of(0.2, -0.1, 0, 0.05, -0.3);
export const batchSize = 24;
export const steps = 12;
export const learningRate = 0.05;
export const batches = cyclicBatches(problem.rows, batchSize, steps);

export const hex = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
/** The bytes of every parameter vector along the way, so a rounding difference shows even if training later washes it out. */
export const pathOf = (versions: Float32Array[]) => versions.map(hex).join(' ');

export interface Run {
  params: Float32Array;
  version: number;
  events: UpdateEvent[];
  stepLosses: Array<[number, number]>;
  /** The parameters right after each version was written (0: the initial ones). */
  snapshots: Map<number, Float32Array>;
  /** pathOf the parameters after versions 1..N. */
  path: string;
  workers: LeastSquaresWorkers;
}

/** Trains least squares from `initial` with the named order policy on `workers` real in-thread gradient workers. */
export interface TrainOptions {
  /** A policy name, or a policy (e.g. one replaying a recorded log). */
  order: string | OrderPolicy;
  workers: number;
  microShards?: number;
  delay?: TurnDelay;
  optimizer?: Partial<OptimizerConfig>;
  psShards?: number;
  orderSeed?: number;
}

export async function train(options: TrainOptions): Promise<Run> {
  const policy = typeof options.order === 'string' ? orderPolicy(options.order) : options.order;
  const store = SharedParameters.create(initial, policy.gradientSlots(options.workers), policy.historyDepth(options.workers));
  const workers = new LeastSquaresWorkers(problem, store, options.workers, options.delay);
  const run: Run = { params: store.params, version: 0, events: [], stepLosses: [], snapshots: new Map([[0, new Float32Array(initial)]]), path: '', workers };
  await policy.run({
    store,
    shards: new ServerShards({ ...defaultOptimizerConfig, learningRate, ...options.optimizer }, initial.length, options.psShards ?? 1),
    workers,
    batches,
    microShards: options.microShards ?? 8,
    orderStream: seedStream(options.orderSeed ?? 1, 'order'),
    onUpdate: (event) => {
      run.events.push(event);
      run.snapshots.set(event.version, new Float32Array(store.params));
    },
    onStep: (step, meanLoss) => run.stepLosses.push([step, meanLoss]),
  });
  const versions = Array.from({ length: store.version() }, (_, v) => run.snapshots.get(v + 1)!);
  return { ...run, params: new Float32Array(store.params), version: store.version(), path: pathOf(versions) };
}

/**
 * Plain single-process float32 SGD: per step, the 8 micro-shard gradients summed with treeSum (or left to right),
 * then p ← p − lr·g. Returns the final parameters, their path and each step's mean loss.
 */
export function referenceSgd(sum: 'tree' | 'left-to-right' = 'tree') {
  const w = new Float32Array(initial);
  const losses: number[] = [];
  const versions: Float32Array[] = [];
  for (let step = 0; step < steps; step++) {
    const rows = batches.rowsForStep(step);
    const shards = Array.from({ length: 8 }, (_, j) => microShard(rows, 8, j));
    let gradient: Float32Array, lossSum: number;
    if (sum === 'tree') ({ gradient, lossSum } = shardsGradient(problem, w, shards, 1 / rows.length));
    else {
      gradient = new Float32Array(w.length);
      lossSum = 0;
      const part = new Float32Array(w.length);
      for (const shard of shards) {
        lossSum += shardGradient(problem, w, shard, 1 / rows.length, part);
        part.forEach((g, i) => (gradient[i] = gradient[i]! + g));
      }
    }
    losses.push(lossSum / batchSize);
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - learningRate * gradient[i]!;
    versions.push(new Float32Array(w));
  }
  return { params: w, path: pathOf(versions), losses };
}


/** The micro-shard blocks [lo, hi) of 8 that each of W workers computes (the subtree partition, written out by hand). */
export const workerBlocksByCount: Record<number, Array<[number, number]>> = {
  1: [[0, 8]],
  2: [
    [0, 4],
    [4, 8],
  ],
  3: [
    [0, 2],
    [2, 4],
    [4, 8],
  ],
  4: [
    [0, 2],
    [2, 4],
    [4, 6],
    [6, 8],
  ],
};

/** Worker `worker` of `workers`'s gradient of step `step` at parameters `w`: its micro-shards summed with treeSum. */
export function workerGradient(w: Float32Array, step: number, worker: number, workers: number): Float32Array {
  const rows = batches.rowsForStep(step);
  const [lo, hi] = workerBlocksByCount[workers]![worker]!;
  const shards = Array.from({ length: 8 }, (_, j) => microShard(rows, 8, j)).slice(lo, hi);
  return shardsGradient(problem, w, shards, 1 / rows.length).gradient;
}

/** p ← p − lr·g on parameters [lo, hi) only, in float32. */
export function sgdRange(p: Float32Array, g: Float32Array, lo = 0, hi = p.length): void {
  for (let i = lo; i < hi; i++) p[i] = p[i]! - learningRate * g[i]!;
}
