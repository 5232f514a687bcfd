import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticCtr, toShared } from '@churnlab/data';
import { BatchGradient, createTouchedRows, embeddingTables, initialParameters, Network, parameterLayout, touchedIds, treeSum, type ModelSpec } from '@churnlab/model';
import { gradientPrecision, SharedParameters, splitMicroShards } from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import { initWasmBackend } from '@churnlab/tensor';
import { WorkerRuntime } from '../src/index.js';
import { withCategories } from '../../../test-support/categorical-data.js';

const dense = 5;
const buckets: [number, number] = [4, 50];

const data = syntheticCtr({ seed: 2, examples: 400, dense, categorical: [3], teacherHidden: 4, labelNoise: 0.05, evalFraction: 0.25 });
const train = toShared(withCategories(data.train, dense, buckets));
const evaluation = toShared(withCategories(data.eval, dense, buckets));
const model: ModelSpec = { inputs: dense, hidden: [8], outputs: 1, activation: 'smelu:1', layerNorm: false, embeddings: { buckets, dimension: 3 } };
const layout = parameterLayout(model);
const tables = embeddingTables(layout);
const precision = { name: 'float32' as const, seed: 1, replica: 0 };

function setup(options: { storeTables?: boolean; precisionName?: 'float32' | 'bfloat16' | 'int8' } = {}) {
  const store = SharedParameters.create(initialParameters(layout, 3), 2, 0, options.storeTables === false ? [] : tables);
  const runtime = new WorkerRuntime({ runId: 'r', model, store: store.handle, train, precision: { ...precision, name: options.precisionName ?? 'float32' } });
  return { store, runtime };
}

/** The micro-shard gradients computed directly into full zeroed vectors, optionally rounded, summed densely in the same tree. */
function directGradient(params: Float32Array, shards: Uint32Array[], scale: number, round?: (leaf: Float32Array, i: number) => void): Float32Array {
  const batch = new BatchGradient(new Network(model));
  batch.setParameters(params);
  const leaves = shards.map((rows, i) => {
    const x = new Float32Array(rows.length * dense);
    const ids = new Uint32Array(rows.length * 2);
    rows.forEach((r, j) => {
      x.set(train.features.subarray(r * dense, (r + 1) * dense), j * dense);
      ids.set(train.categories!.subarray(2 * r, 2 * r + 2), 2 * j);
    });
    const out = new Float32Array(layout.size);
    batch.compute(x, Float32Array.from(rows, (r) => train.labels[r]!), rows.length, scale, out, ids, createTouchedRows(tables));
    round?.(out, i);
    return out;
  });
  batch.dispose();
  return treeSum(leaves);
}

/** Per table, the distinct bucket ids of `rows`, ascending. */
const distinctIds = (rows: Uint32Array) => [0, 1].map((k) => [...new Set(Array.from(rows, (r) => train.categories![2 * r + k]!))].sort((a, b) => a - b));
const slotIds = (store: SharedParameters, slot: number) => [0, 1].map((k) => Array.from(touchedIds(store.touchedRows(slot)!, k)));

describe('WorkerRuntime with embedding tables', () => {
  beforeAll(async () => {
    await initWasmBackend();
  });
  const rowsA = Uint32Array.from({ length: 32 }, (_, i) => (i * 7) % train.rows);
  const rowsB = Uint32Array.from({ length: 32 }, (_, i) => (i * 11 + 5) % train.rows);

  it('writes the tree-summed gradient of its micro-shards into the slot, bit for bit the dense sum, and the touched rows beside it', () => {
    const { store, runtime } = setup();
    const shards = splitMicroShards(rowsA, 4);
    runtime.computeGradient({ step: 0, worker: 1, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(store.gradientSlot(1)).toEqual(directGradient(new Float32Array(store.params), shards, 1 / 32));
    expect(slotIds(store, 1)).toEqual(distinctIds(rowsA));
    // Some rows of the 50-row table are not in the batch, and are zero in the slot.
    expect(distinctIds(rowsA)[1]!.length).toBeLessThan(50);
    expect(slotIds(store, 0)).toEqual([[], []]);
  });

  it('zeroes the rows the slot held before writing the next gradient into it', () => {
    const { store, runtime } = setup();
    runtime.computeGradient({ step: 0, worker: 0, microShards: splitMicroShards(rowsA, 4), firstMicroShard: 0, scale: 1 / 32 });
    // The second task reuses the slot and the runtime's micro-shard buffers, with other rows.
    const shards = splitMicroShards(rowsB, 2);
    runtime.computeGradient({ step: 1, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(store.gradientSlot(0)).toEqual(directGradient(new Float32Array(store.params), shards, 1 / 32));
    expect(slotIds(store, 0)).toEqual(distinctIds(rowsB));
  });

  it('writes the full dense sum into a store made without the tables', () => {
    const { store, runtime } = setup({ storeTables: false });
    const shards = splitMicroShards(rowsA, 4);
    runtime.computeGradient({ step: 0, worker: 0, microShards: splitMicroShards(rowsB, 4), firstMicroShard: 0, scale: 1 / 32 });
    runtime.computeGradient({ step: 1, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(store.touchedRows(0)).toBeUndefined();
    expect(store.gradientSlot(0)).toEqual(directGradient(new Float32Array(store.params), shards, 1 / 32));
  });

  it.each(['bfloat16', 'int8'] as const)('rounds each micro-shard gradient to %s before the sparse sum as the dense path would', (name) => {
    const { store, runtime } = setup({ precisionName: name });
    const shards = splitMicroShards(rowsA, 8);
    runtime.computeGradient({ step: 2, worker: 0, microShards: shards.slice(2, 8), firstMicroShard: 2, scale: 1 / 32 });
    const stream = seedStream(precision.seed, 'numeric', 0);
    const rounded = directGradient(new Float32Array(store.params), shards.slice(2, 8), 1 / 32, (leaf, i) => gradientPrecision(name).round(leaf, stream, 2, 2 + i));
    expect(store.gradientSlot(0)).toEqual(rounded);
  });

  it('predicts evaluation rows with their bucket ids', () => {
    const { store, runtime } = setup();
    const out = new Float32Array(new SharedArrayBuffer(evaluation.rows * 4));
    runtime.predict(evaluation, 0, evaluation.rows, out);
    const batch = new BatchGradient(new Network(model));
    batch.setParameters(new Float32Array(store.params));
    const want = new Float32Array(evaluation.rows);
    batch.predict(evaluation.features, evaluation.rows, want, evaluation.categories);
    batch.dispose();
    expect(out).toEqual(want);
    const part = new Float32Array(new SharedArrayBuffer(evaluation.rows * 4));
    runtime.predict(evaluation, 10, 20, part);
    expect(part.subarray(10, 20)).toEqual(out.subarray(10, 20));
  });

  it('refuses training data without the categorical features, and a store made for other tables', () => {
    const store = SharedParameters.create(initialParameters(layout, 3), 1, 0, tables);
    const { categories: _c, buckets: _b, categoryNames: _n, ...plain } = train;
    expect(() => new WorkerRuntime({ runId: 'x', model, store: store.handle, train: plain, precision })).toThrow(
      "model.embeddings: 2 tables do not match the training data's 0 categorical features",
    );
    const other = SharedParameters.create(initialParameters(layout, 3), 1, 0, tables.slice(0, 1));
    expect(() => new WorkerRuntime({ runId: 'x', model, store: other.handle, train, precision })).toThrow("the parameter store's embedding tables do not match the model's");
  });
});
