import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend, tf } from '@churnlab/tensor';
import { BatchGradient, initialParameters, Network, type ModelSpec } from '../src/index.js';
import { referenceLossSum } from './reference-mlp.js';

const rows = 6;
const features = Float32Array.from({ length: rows * 5 }, (_, i) => Math.sin(i * 1.7) * 1.5);
const x = Array.from({ length: rows }, (_, r) => Array.from(features.subarray(r * 5, r * 5 + 5)));

const cases: Array<[string, ModelSpec, Float32Array]> = [
  ['binary relu', { inputs: 5, hidden: [7, 4], outputs: 1, activation: 'relu', layerNorm: false }, Float32Array.of(1, 0, 0, 1, 1, 0)],
  ['binary smelu with layer norm', { inputs: 5, hidden: [6], outputs: 1, activation: 'smelu:1', layerNorm: true }, Float32Array.of(0, 1, 1, 0, 1, 0)],
  ['3-class gelu:tanh', { inputs: 5, hidden: [6], outputs: 3, activation: 'gelu:tanh', layerNorm: false }, Float32Array.of(0, 2, 1, 2, 0, 1)],
];

describe.each(cases)('BatchGradient on WASM, %s', (_name, spec, labels) => {
  beforeAll(async () => {
    await initWasmBackend();
  });

  const network = new Network(spec);
  const params = initialParameters(network.layout, 11);
  params.forEach((v, i) => (params[i] = v + 0.05 * Math.cos(i))); // non-zero biases, so no unit sits exactly on a kink
  const batch = new BatchGradient(network);

  it('returns the float64 reference loss', () => {
    batch.setParameters(params);
    const lossSum = batch.compute(features, labels, rows, 1, new Float32Array(params.length));
    expect(lossSum).toBeCloseTo(referenceLossSum(spec, params, x, Array.from(labels)), 4);
  });

  it('matches central differences of the float64 reference, scaled', () => {
    batch.setParameters(params);
    const grad = new Float32Array(params.length);
    const scale = 1 / 32;
    batch.compute(features, labels, rows, scale, grad);
    const p = Float64Array.from(params);
    const h = 1e-6;
    for (let i = 0; i < p.length; i++) {
      const saved = p[i]!;
      p[i] = saved + h;
      const up = referenceLossSum(spec, p, x, Array.from(labels));
      p[i] = saved - h;
      const down = referenceLossSum(spec, p, x, Array.from(labels));
      p[i] = saved;
      const want = (scale * (up - down)) / (2 * h);
      expect(Math.abs(grad[i]! - want)).toBeLessThan(2e-5 + 1e-3 * Math.abs(want));
    }
  });

  it('gives shard gradients that add up to the whole batch gradient', () => {
    batch.setParameters(params);
    const whole = new Float32Array(params.length);
    batch.compute(features, labels, rows, 1 / rows, whole);
    const first = new Float32Array(params.length), second = new Float32Array(params.length);
    batch.compute(features.subarray(0, 15), labels.subarray(0, 3), 3, 1 / rows, first);
    batch.compute(features.subarray(15), labels.subarray(3), 3, 1 / rows, second);
    whole.forEach((w, i) => expect(first[i]! + second[i]!).toBeCloseTo(w, 6));
  });

  it('reads gradientTensors into the places compute writes, leaving the tensors to their owner', () => {
    batch.setParameters(params);
    const computed = new Float32Array(params.length);
    batch.compute(features, labels, rows, 1 / rows, computed);
    const read = new Float32Array(params.length).fill(Number.NaN);
    const { blocks } = batch.gradientTensors(features, labels, rows, 1 / rows, read);
    batch.readBlocks(blocks, read);
    expect(blocks.every((b) => !b.isDisposed)).toBe(true);
    tf.dispose(blocks);
    expect(read).toEqual(computed);
  });

  it('predicts probabilities that are valid distributions', () => {
    batch.setParameters(params);
    const out = new Float32Array(rows * spec.outputs);
    batch.predict(features, rows, out);
    expect(out.every((p) => p > 0 && p < 1)).toBe(true);
    if (spec.outputs > 1) for (let r = 0; r < rows; r++) expect(out.subarray(r * 3, r * 3 + 3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
