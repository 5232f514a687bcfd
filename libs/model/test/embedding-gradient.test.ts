import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend } from '@churnlab/tensor';
import { BatchGradient, createTouchedRows, embeddingTables, initialParameters, Network, parameterLayout, touchedIds, type ModelSpec } from '../src/index.js';
import { binaryLabels, categories, classLabels, dense, embeddingSpec, nudged, referenceBatch, rows } from './embedding-batch.js';
import { referenceEmbeddingMlp, type ReferenceBatch } from './reference-embedding-mlp.js';

/** Central difference of the float64 reference loss (times scale) along element i. */
function centralDifference(spec: ModelSpec, params: Float64Array, batch: ReferenceBatch, i: number, scale: number, h = 1e-6): number {
  const saved = params[i]!;
  params[i] = saved + h;
  const up = referenceEmbeddingMlp(spec, params, batch).lossSum;
  params[i] = saved - h;
  const down = referenceEmbeddingMlp(spec, params, batch).lossSum;
  params[i] = saved;
  return (scale * (up - down)) / (2 * h);
}

describe.each([
  ['binary relu', embeddingSpec('relu', [5, 4], 1), binaryLabels],
  ['binary smelu:1', embeddingSpec('smelu:1', [6], 1), binaryLabels],
  ['3-class gelu:tanh', embeddingSpec('gelu:tanh', [6], 3), classLabels],
  ['binary swish, embeddings only', embeddingSpec('swish:1', [5], 1, 0), binaryLabels],
])('sparse embedding gradient on WASM, %s', (_name, spec, labels) => {
  beforeAll(async () => {
    await initWasmBackend();
  });
  const network = new Network(spec);
  const layout = parameterLayout(spec);
  const tables = embeddingTables(layout);
  const params = nudged(initialParameters(layout, 13));
  const features = spec.inputs === 0 ? new Float32Array(0) : dense;
  const batch = referenceBatch(labels, rows, spec.inputs);
  const scale = 1 / 16;

  function tfjsGradient(): { grad: Float32Array; lossSum: number; touched: ReturnType<typeof createTouchedRows> } {
    const gradient = new BatchGradient(network);
    gradient.setParameters(params);
    const grad = new Float32Array(layout.size);
    const touched = createTouchedRows(tables);
    const lossSum = gradient.compute(features, labels, rows, scale, grad, categories, touched);
    gradient.dispose();
    return { grad, lossSum, touched };
  }

  it('equals, value for value, the dense float64 gradient of the hand-written reference (untouched rows exactly 0)', () => {
    const { grad, lossSum } = tfjsGradient();
    const reference = referenceEmbeddingMlp(spec, params, batch, scale);
    expect(lossSum).toBeCloseTo(reference.lossSum, 4);
    reference.gradient.forEach((want, i) => expect(Math.abs(grad[i]! - want), `element ${i}: ${grad[i]} vs ${want}`).toBeLessThan(1e-6 + 1e-4 * Math.abs(want)));
    for (const [table, row] of [[0, 3], [0, 4], [1, 4]] as const) {
      const { offset, dimension } = tables[table]!;
      expect(Array.from(grad.subarray(offset + row * dimension, offset + (row + 1) * dimension))).toEqual([0, 0, 0]);
    }
  });

  it('matches central differences of the float64 forward on every table element', () => {
    const { grad } = tfjsGradient();
    const p = Float64Array.from(params);
    for (const { offset, rows: tableRows, dimension } of tables) {
      for (let i = offset; i < offset + tableRows * dimension; i++) {
        const want = centralDifference(spec, p, batch, i, scale);
        expect(Math.abs(grad[i]! - want), `element ${i}`).toBeLessThan(2e-6 + 1e-3 * Math.abs(want));
      }
    }
  });

  it('has a hand-written reference backward that agrees with central differences everywhere', () => {
    const reference = referenceEmbeddingMlp(spec, params, batch, scale).gradient;
    const p = Float64Array.from(params);
    for (let i = 0; i < p.length; i++) {
      const want = centralDifference(spec, p, batch, i, scale);
      expect(Math.abs(reference[i]! - want), `element ${i}`).toBeLessThan(1e-7 + 1e-5 * Math.abs(want));
    }
  });

  it('sums a repeated id over its occurrences: the row gradient is the sum of one-example gradients', () => {
    const { grad } = tfjsGradient();
    const gradient = new BatchGradient(network);
    gradient.setParameters(params);
    const one = new Float32Array(layout.size);
    const sum = new Float64Array(layout.size);
    const width = spec.inputs;
    for (let r = 0; r < rows; r++) {
      one.fill(0);
      gradient.compute(features.subarray(r * width, (r + 1) * width), labels.subarray(r, r + 1), 1, scale, one, categories.subarray(2 * r, 2 * r + 2), createTouchedRows(tables));
      one.forEach((g, i) => (sum[i] = sum[i]! + g));
    }
    gradient.dispose();
    // Row 2 of table 0 is used by examples 0, 2 and 4; row 3 of table 1 by examples 0, 1, 2 and 5.
    const { offset: t0, dimension } = tables[0]!;
    const { offset: t1 } = tables[1]!;
    for (const i of [t0 + 2 * dimension, t0 + 2 * dimension + 2, t1 + 3 * dimension + 1]) expect(grad[i]).toBeCloseTo(sum[i]!, 6);
  });

  it('writes the touched rows over whatever was there and leaves every other table row alone', () => {
    const gradient = new BatchGradient(network);
    gradient.setParameters(params);
    const dirty = new Float32Array(layout.size).fill(7);
    const touched = createTouchedRows(tables);
    gradient.compute(features, labels, rows, scale, dirty, categories, touched);
    gradient.dispose();
    const { grad } = tfjsGradient();
    for (let k = 0; k < tables.length; k++) {
      const { offset, rows: tableRows, dimension } = tables[k]!;
      const used = new Set(touchedIds(touched, k));
      for (let row = 0; row < tableRows; row++) {
        const got = Array.from(dirty.subarray(offset + row * dimension, offset + (row + 1) * dimension));
        expect(got, `table ${k} row ${row}`).toEqual(used.has(row) ? Array.from(grad.subarray(offset + row * dimension, offset + (row + 1) * dimension)) : [7, 7, 7]);
      }
    }
    const mlpStart = tables[tables.length - 1]!.offset + tables[tables.length - 1]!.rows * tables[tables.length - 1]!.dimension;
    expect(dirty.subarray(mlpStart)).toEqual(grad.subarray(mlpStart));
  });

  it('gives shard gradients that add up to the whole batch gradient, tables included', () => {
    const { grad: whole } = tfjsGradient();
    const gradient = new BatchGradient(network);
    gradient.setParameters(params);
    const [first, second] = [new Float32Array(layout.size), new Float32Array(layout.size)];
    const width = spec.inputs;
    gradient.compute(features.subarray(0, 3 * width), labels.subarray(0, 3), 3, scale, first, categories.subarray(0, 6), createTouchedRows(tables));
    gradient.compute(features.subarray(3 * width), labels.subarray(3), rows - 3, scale, second, categories.subarray(6), createTouchedRows(tables));
    gradient.dispose();
    whole.forEach((w, i) => expect(first[i]! + second[i]!).toBeCloseTo(w, 6));
  });

  it('refuses a batch without bucket ids or without touched rows to fill', () => {
    const gradient = new BatchGradient(network);
    gradient.setParameters(params);
    const out = new Float32Array(layout.size);
    expect(() => gradient.compute(features, labels, rows, scale, out)).toThrow('needs the categories and the touched rows');
    expect(() => gradient.compute(features, labels, rows, scale, out, categories)).toThrow(RangeError);
    gradient.dispose();
  });
});
