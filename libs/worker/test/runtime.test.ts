import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticCtr, toShared } from '@churnlab/data';
import { BatchGradient, initialParameters, Network, parameterLayout, treeSum, type ModelSpec } from '@churnlab/model';
import { defaultOptimizerConfig, gradientPrecision, PARAMETER_DRAWS, parameterPrecision, ServerShards, SharedParameters, splitMicroShards } from '@churnlab/ps';
import { seedStream } from '@churnlab/random';
import { initWasmBackend, tf } from '@churnlab/tensor';
import { WorkerRuntime } from '../src/index.js';

const { train, eval: evaluation } = syntheticCtr({ seed: 2, examples: 400, dense: 5, categorical: [3], teacherHidden: 4, labelNoise: 0.05, evalFraction: 0.25 });
const model: ModelSpec = { inputs: train.width, hidden: [8], outputs: 1, activation: 'smelu:1', layerNorm: false };
const layout = parameterLayout(model);

function setup(history = 0) {
  const store = SharedParameters.create(initialParameters(layout, 3), 2, history);
  return { store, runtime: new WorkerRuntime({ runId: 'r', model, store: store.handle, train: toShared(train), precision: { name: 'float32', seed: 1, replica: 0 } }) };
}

/** The gradient of the given micro-shards computed directly, without the runtime, summed in the same tree. */
function directGradient(params: Float32Array, shards: Uint32Array[], scale: number, round?: (leaf: Float32Array, i: number) => void): Float32Array {
  const batch = new BatchGradient(new Network(model));
  batch.setParameters(params);
  const leaves = shards.map((rows, i) => {
    const x = new Float32Array(rows.length * train.width);
    rows.forEach((r, i) => x.set(train.features.subarray(r * train.width, (r + 1) * train.width), i * train.width));
    const out = new Float32Array(layout.size);
    batch.compute(x, Float32Array.from(rows, (r) => train.labels[r]!), rows.length, scale, out);
    round?.(out, i);
    return out;
  });
  batch.dispose();
  return treeSum(leaves);
}

describe('WorkerRuntime', () => {
  beforeAll(async () => {
    await initWasmBackend();
  });
  const rows = Uint32Array.from({ length: 32 }, (_, i) => (i * 7) % train.rows);
  const shards = splitMicroShards(rows, 4);

  it('writes the tree-summed gradient of its micro-shards into the worker slot and reports the version read', () => {
    const { store, runtime } = setup();
    store.write((p) => p.forEach((v, i) => (p[i] = v + 0.01)));
    const result = runtime.computeGradient({ step: 3, worker: 1, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(result).toMatchObject({ step: 3, worker: 1, versionRead: 1, rows: 32 });
    expect(store.gradientSlot(1)).toEqual(directGradient(new Float32Array(store.params), shards, 1 / 32));
    expect(store.gradientSlot(0).every((v) => v === 0)).toBe(true);
  });

  it('leaves no tensor behind a task but its parameters, and reports the micro-shards\' Σloss as the gradient alone gives it', () => {
    const { runtime } = setup();
    runtime.computeGradient({ step: 0, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    const held = tf.memory().numTensors;
    const result = runtime.computeGradient({ step: 1, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(tf.memory().numTensors).toBe(held);
    const batch = new BatchGradient(new Network(model));
    batch.setParameters(initialParameters(layout, 3));
    const lossSums = shards.map((rows) => {
      const x = new Float32Array(rows.length * train.width);
      rows.forEach((r, i) => x.set(train.features.subarray(r * train.width, (r + 1) * train.width), i * train.width));
      return batch.compute(x, Float32Array.from(rows, (r) => train.labels[r]!), rows.length, 1 / 32, new Float32Array(layout.size));
    });
    batch.dispose();
    expect(result.lossSum).toBe(lossSums.reduce((a, b) => a + b, 0));
  });

  it('loads the parameters through a copy when a write overlapped their upload, and computes at the version copied', () => {
    const { store, runtime } = setup();
    // The server writes while the worker uploads the live parameters: that upload may be torn and must not be used.
    const seen = (runtime as unknown as { store: SharedParameters }).store;
    const readOnceThrough = seen.readOnceThrough.bind(seen);
    let writes = 0;
    seen.readOnceThrough = (use) =>
      readOnceThrough((params) => {
        use(params);
        if (writes++ === 0) store.write((p) => p.forEach((v, i) => (p[i] = v + 0.02)));
      });
    const result = runtime.computeGradient({ step: 0, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(result.versionRead).toBe(1);
    expect(store.gradientSlot(0)).toEqual(directGradient(new Float32Array(store.params), shards, 1 / 32));
  });

  it('computes at a kept older version into the slot the task names', () => {
    const { store, runtime } = setup(2);
    const version0 = new Float32Array(store.params);
    store.write((p) => p.fill(0.5));
    const result = runtime.computeGradient({ step: 0, worker: 1, microShards: shards, firstMicroShard: 0, scale: 1 / 32, readVersion: 0, slot: 0 });
    expect(result.versionRead).toBe(0);
    expect(store.gradientSlot(0)).toEqual(directGradient(version0, shards, 1 / 32));
  });

  it('rounds each micro-shard gradient to the run precision, drawn at (step, micro-shard index), before the tree sum', () => {
    const store = SharedParameters.create(initialParameters(layout, 3), 1);
    const precision = { name: 'bfloat16' as const, seed: 9, replica: 0 };
    const runtime = new WorkerRuntime({ runId: 'r', model, store: store.handle, train: toShared(train), precision });
    runtime.computeGradient({ step: 2, worker: 0, microShards: shards.slice(2, 4), firstMicroShard: 2, scale: 1 / 32 });
    const params = new Float32Array(store.params);
    const stream = seedStream(9, 'numeric', 0);
    const rounded = directGradient(params, shards.slice(2, 4), 1 / 32, (leaf, i) => gradientPrecision('bfloat16').round(leaf, stream, 2, 2 + i));
    expect(store.gradientSlot(0)).toEqual(rounded);
    expect(rounded).not.toEqual(directGradient(params, shards.slice(2, 4), 1 / 32));
  });

  it('computes gradients and predictions at the parameters rounded to the run\'s parameter precision, drawn at (version read, PARAMETER_DRAWS)', () => {
    const store = SharedParameters.create(initialParameters(layout, 3), 1);
    store.write((p) => p.forEach((v, i) => (p[i] = v * 1.001)));
    const precision = { name: 'float32' as const, params: 'bfloat16' as const, seed: 9, replica: 0 };
    const runtime = new WorkerRuntime({ runId: 'r', model, store: store.handle, train: toShared(train), precision });
    const result = runtime.computeGradient({ step: 0, worker: 0, microShards: shards, firstMicroShard: 0, scale: 1 / 32 });
    expect(result.versionRead).toBe(1);
    const rounded = new Float32Array(store.params);
    parameterPrecision('bfloat16').round(rounded, seedStream(9, 'numeric', 0), 1, PARAMETER_DRAWS);
    expect(rounded).not.toEqual(store.params);
    expect(store.gradientSlot(0)).toEqual(directGradient(rounded, shards, 1 / 32));
    // Predictions too: a float32 runtime over a store holding the rounded parameters predicts the same.
    const atRounded = SharedParameters.create(rounded, 1);
    const plain = new WorkerRuntime({ runId: 'p', model, store: atRounded.handle, train: toShared(train), precision: { ...precision, params: 'float32' } });
    const predict = (r: WorkerRuntime) => {
      const out = new Float32Array(new SharedArrayBuffer(evaluation.rows * 4));
      r.predict(toShared(evaluation), 0, evaluation.rows, out);
      return out;
    };
    expect(predict(runtime)).toEqual(predict(plain));
  });

  it('sums the slots over a server shard\'s range and applies the shard there, as the coordinator would', () => {
    const config = { ...defaultOptimizerConfig, name: 'adam' as const, learningRate: 0.01 };
    const run = () => {
      const { store, runtime } = setup();
      runtime.computeGradient({ step: 0, worker: 0, microShards: shards.slice(0, 2), firstMicroShard: 0, scale: 1 / 32 });
      runtime.computeGradient({ step: 0, worker: 1, microShards: shards.slice(2), firstMicroShard: 2, scale: 1 / 32 });
      return { store, runtime, shards: new ServerShards(config, layout.size, 3) };
    };
    const coordinator = run();
    const sum = coordinator.store.gradientSlot(1);
    sum.set(treeSum([new Float32Array(coordinator.store.gradientSlot(1)), new Float32Array(coordinator.store.gradientSlot(0))]));
    coordinator.store.write((p) => coordinator.shards.apply(p, sum));
    const threads = run();
    const update = { program: { adds: [[1, 0]] as Array<[number, number]>, result: 1, order: [1, 0] } };
    for (const handle of threads.shards.handles()) expect(threads.runtime.updateShard(structuredClone(handle), update)).toBeNull();
    expect(threads.store.params).toEqual(coordinator.store.params);
    expect(threads.shards.state()).toEqual(coordinator.shards.state());
  });

  it('predicts every evaluation row into the shared output', () => {
    const { runtime } = setup();
    const out = new Float32Array(new SharedArrayBuffer(evaluation.rows * 4));
    runtime.predict(toShared(evaluation), 0, evaluation.rows, out);
    expect(out.every((p) => p > 0 && p < 1)).toBe(true);
    const half = new Float32Array(new SharedArrayBuffer(evaluation.rows * 4));
    runtime.predict(toShared(evaluation), 10, 20, half);
    expect(half.subarray(10, 20)).toEqual(out.subarray(10, 20));
    expect(half[9]).toBe(0);
  });
});
