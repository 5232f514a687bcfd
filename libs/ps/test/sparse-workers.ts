import {
  copyTouchedRows,
  createTouchedRows,
  packedLength,
  packTouched,
  setTouchedFromIds,
  touchedIds,
  treeSum,
  unionTouchedRows,
  unpackTouched,
  zeroTouched,
  type EmbeddingTable,
  type TouchedRows,
} from '@churnlab/model';
import type { GradientResult, GradientTask, GradientWorkers, SharedParameters } from '../src/index.js';
import { type TurnDelay, waitTurns } from './turn-delay.js';

/**
 * Least squares with an embedding table: example r predicts w·x_r + Σ_j e[id_r][j], loss ½(prediction − y_r)².
 * Parameters: the table (rows × dimension) first, then w, as a model layout puts tables before the MLP.
 */
export interface EmbeddingProblem {
  readonly examples: number;
  readonly features: number;
  readonly table: EmbeddingTable;
  readonly x: Float32Array;
  readonly ids: Uint32Array;
  readonly y: Float32Array;
}

/** A fixed problem whose ids repeat within batches and leave table rows unused (every id is even). */
export function embeddingProblem(examples: number, features: number, rows: number, dimension: number): EmbeddingProblem {
  const x = Float32Array.from({ length: examples * features }, (_, i) => Math.sin(i * 1.37 + 0.3) * 2 ** ((i % 5) - 2));
  const ids = Uint32Array.from({ length: examples }, (_, r) => ((r * r * 7 + r) % rows) & ~1);
  const y = Float32Array.from({ length: examples }, (_, r) => Math.cos(r * 0.71) + 0.3 * ids[r]! / rows);
  return { examples, features, table: { offset: 0, rows, dimension }, x, ids, y };
}

/** Size of the problem's parameter vector. */
export const parameterCount = (p: EmbeddingProblem) => p.table.rows * p.table.dimension + p.features;

/** One micro-shard's gradient in float32 into the zeroed `out`, and its touched rows. */
function shardGradient(p: EmbeddingProblem, params: Float32Array, shard: Uint32Array, scale: number, out: Float32Array, touched: TouchedRows): number {
  const f = Math.fround;
  const { offset, dimension } = p.table;
  const w = offset + p.table.rows * dimension;
  setTouchedFromIds(touched, 0, Uint32Array.from(shard, (r) => p.ids[r]!));
  let lossSum = 0;
  for (const r of shard) {
    let prediction = 0;
    for (let i = 0; i < p.features; i++) prediction = f(prediction + f(params[w + i]! * p.x[r * p.features + i]!));
    for (let j = 0; j < dimension; j++) prediction = f(prediction + params[offset + p.ids[r]! * dimension + j]!);
    const residual = f(prediction - p.y[r]!);
    lossSum += 0.5 * residual * residual;
    const weight = f(scale * residual);
    for (let i = 0; i < p.features; i++) out[w + i] = out[w + i]! + f(weight * p.x[r * p.features + i]!);
    for (let j = 0; j < dimension; j++) out[offset + p.ids[r]! * dimension + j] = out[offset + p.ids[r]! * dimension + j]! + weight;
  }
  return lossSum;
}

/**
 * In-thread GradientWorkers for the embedding problem that write their slots the way the worker runtime does: with a
 * store that knows the table, the dense part and the union of the micro-shards' rows, tree-summed packed, plus the
 * touched rows; with a store that does not, the full tree sum (the dense reference).
 */
export class EmbeddingWorkers implements GradientWorkers {
  /** Each computed task's touched rows, by `${step}/${worker}`. */
  readonly touchedByTask = new Map<string, number[]>();

  constructor(
    private readonly problem: EmbeddingProblem,
    private readonly store: SharedParameters,
    readonly count: number,
    private readonly delay: TurnDelay = () => 0,
  ) {}

  async compute(task: GradientTask): Promise<GradientResult> {
    const size = this.store.handle.size;
    const params = new Float32Array(size);
    const versionRead = task.readVersion === undefined ? this.store.read(params) : this.store.readVersion(task.readVersion, params);
    let lossSum = 0;
    const touched = task.microShards.map(() => createTouchedRows([this.problem.table]));
    const leaves = task.microShards.map((shard, i) => {
      const out = new Float32Array(size);
      lossSum += shardGradient(this.problem, params, shard, task.scale, out, touched[i]!);
      return out;
    });
    const union = createTouchedRows([this.problem.table]);
    unionTouchedRows(union, touched);
    this.touchedByTask.set(`${task.step}/${task.worker}`, Array.from(touchedIds(union, 0)));
    await waitTurns(this.delay(task.worker, task.step));
    const slot = task.slot ?? task.worker;
    const slotTouched = this.store.touchedRows(slot);
    if (!slotTouched) {
      this.store.gradientSlot(slot).set(treeSum(leaves));
    } else {
      const sum = treeSum(leaves.map((leaf) => packTouched(leaf, union, new Float32Array(packedLength(size, union)))));
      zeroTouched(this.store.gradientSlot(slot), slotTouched);
      unpackTouched(sum, union, this.store.gradientSlot(slot));
      copyTouchedRows(slotTouched, union);
    }
    return { step: task.step, worker: task.worker, versionRead, lossSum, rows: task.microShards.reduce((n, s) => n + s.length, 0) };
  }
}
