import { afterAll, describe, expect, it } from 'vitest';
import { initCpuBackend, initWasmBackend, tf } from '@churnlab/tensor';
import { BatchGradient, createTouchedRows, initialParameters, Network, touchedIds, type ModelSpec } from '../src/index.js';
import { categories, classLabels, dense, embeddingSpec, nudged, rows } from './embedding-batch.js';

const binaryLabels = Float32Array.of(1, 0, 0, 1, 1, 0, 1);
const denseOnly = (spec: Omit<ModelSpec, 'inputs'>): ModelSpec => ({ inputs: 3, ...spec });
const cases: Array<[string, ModelSpec, Float32Array]> = [
  ['relu', denseOnly({ hidden: [7, 4], outputs: 1, activation: 'relu', layerNorm: false }), binaryLabels],
  ['smelu with layer norm', denseOnly({ hidden: [6, 5], outputs: 1, activation: 'smelu:1', layerNorm: true }), binaryLabels],
  ['3 classes, gelu:tanh', denseOnly({ hidden: [6], outputs: 3, activation: 'gelu:tanh', layerNorm: false }), classLabels],
  ['embedding tables, swish', embeddingSpec('swish:1', [5], 1), binaryLabels],
];
const backends = [
  ['WASM', initWasmBackend],
  ['CPU', initCpuBackend],
] as const;
/** Micro-shards of unequal sizes over the batch's 7 rows. */
const shardRows = [3, 2, 2];
const scale = 1 / rows;

describe.each(backends)('BatchGradient.microShardPass on %s', (_backend, init) => {
  afterAll(async () => {
    await initWasmBackend();
  });

  it.each(cases)('with %s gives each micro-shard bit for bit the gradient and Σloss it has alone', async (_name, spec, labels) => {
    await init();
    const network = new Network(spec);
    const gradient = new BatchGradient(network);
    gradient.setParameters(nudged(initialParameters(network.layout, 4)));
    const tables = network.tables.length;
    const pass = gradient.microShardPass(dense, labels, shardRows, scale, categories);
    let start = 0;
    shardRows.forEach((count, i) => {
      const [fromPass, alone] = [new Float32Array(network.layout.size), new Float32Array(network.layout.size)];
      const [touchedPass, touchedAlone] = [createTouchedRows(network.tables), createTouchedRows(network.tables)];
      const shard = <T extends Float32Array | Uint32Array>(values: T, width: number) => values.subarray(start * width, (start + count) * width) as T;
      const single = gradient.gradientTensors(shard(dense, 3), shard(labels, 1), count, scale, alone, shard(categories, tables), touchedAlone);
      pass.scatterTables(i, fromPass, touchedPass);
      const blocks = pass.blocks(i);
      expect(pass.lossSums[i]).toBe(single.lossSum);
      expect(blocks.map((b) => Array.from(b.dataSync()))).toEqual(single.blocks.map((b) => Array.from(b.dataSync())));
      expect(Array.from(fromPass)).toEqual(Array.from(alone));
      network.tables.forEach((_, t) => expect(Array.from(touchedIds(touchedPass, t))).toEqual(Array.from(touchedIds(touchedAlone, t))));
      tf.dispose([...blocks, ...single.blocks]);
      start += count;
    });
    pass.dispose();
    gradient.dispose();
  });

  it.each(cases)('with %s gives, layer by layer, the blocks of the whole gradient in layout order', async (_name, spec, labels) => {
    await init();
    const network = new Network(spec);
    const gradient = new BatchGradient(network);
    gradient.setParameters(nudged(initialParameters(network.layout, 4)));
    const pass = gradient.microShardPass(dense, labels, shardRows, scale, categories);
    expect(pass.layers).toBe(spec.hidden.length + 1);
    const whole = pass.blocks(2);
    const byLayer = Array.from({ length: pass.layers }, (_, layer) => pass.blocks(2, layer));
    // A kernel and a bias per layer, and a hidden layer's layer-norm gain and shift.
    expect(byLayer.map((blocks) => blocks.length)).toEqual(byLayer.map((_, layer) => (spec.layerNorm && layer < pass.layers - 1 ? 4 : 2)));
    expect(byLayer.flat().map((b) => Array.from(b.dataSync()))).toEqual(whole.map((b) => Array.from(b.dataSync())));
    expect(() => pass.blocks(0, pass.layers)).toThrow(`layer ${pass.layers} does not exist (0..${pass.layers - 1})`);
    tf.dispose([...whole, ...byLayer.flat()]);
    pass.dispose();
    gradient.dispose();
  });

  it('frees every tensor it made once disposed, the blocks handed out aside', async () => {
    await init();
    const network = new Network(cases[1]![1]);
    const gradient = new BatchGradient(network);
    gradient.setParameters(nudged(initialParameters(network.layout, 4)));
    const before = tf.memory().numTensors;
    const pass = gradient.microShardPass(dense, binaryLabels, shardRows, scale);
    const blocks = pass.blocks(1);
    pass.dispose();
    expect(tf.memory().numTensors).toBe(before + blocks.length);
    tf.dispose(blocks);
    gradient.dispose();
  });
});
