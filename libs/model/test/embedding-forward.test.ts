import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend } from '@churnlab/tensor';
import { BatchGradient, embeddingTables, gatherEmbeddingRows, initialParameters, Network, parameterLayout } from '../src/index.js';
import { binaryLabels, categories, classLabels, dense, embeddingSpec, nudged, referenceBatch, rows } from './embedding-batch.js';
import { referenceEmbeddingMlp } from './reference-embedding-mlp.js';

describe('gatherEmbeddingRows', () => {
  const tables = [
    { offset: 2, rows: 3, dimension: 2 },
    { offset: 8, rows: 2, dimension: 1 },
  ];
  const params = Float32Array.from({ length: 10 }, (_, i) => i * 10);

  it("lays each example's rows side by side, table after table", () => {
    const out = new Float32Array(2 * 3);
    gatherEmbeddingRows(params, tables, Uint32Array.of(2, 1, 0, 0), 2, out);
    // Example 0: table 0 row 2 = params[6, 7], table 1 row 1 = params[9]; example 1: params[2, 3] and params[8].
    expect(Array.from(out)).toEqual([60, 70, 90, 20, 30, 80]);
  });

  it('refuses a bucket id past the end of its table instead of reading the next block', () => {
    expect(() => gatherEmbeddingRows(params, tables, Uint32Array.of(3, 0), 1, new Float32Array(3))).toThrow(
      "categorical feature 0: bucket id 3 is not allowed; expected an id below the table's 3 rows",
    );
    expect(() => gatherEmbeddingRows(params, tables, Uint32Array.of(0, 2), 1, new Float32Array(3))).toThrow(RangeError);
  });
});

describe.each([
  ['binary relu', embeddingSpec('relu', [5, 4], 1), binaryLabels],
  ['3-class smelu:1', embeddingSpec('smelu:1', [6], 3), classLabels],
  ['binary gelu, embeddings only', embeddingSpec('gelu', [5], 1, 0), binaryLabels],
])('forward of a model with embedding tables on WASM, %s', (_name, spec, labels) => {
  beforeAll(async () => {
    await initWasmBackend();
  });
  const network = new Network(spec);
  const params = nudged(initialParameters(network.layout, 5));
  const features = spec.inputs === 0 ? new Float32Array(0) : dense;
  const reference = referenceEmbeddingMlp(spec, params, referenceBatch(labels, rows, spec.inputs));

  it('predicts the float64 reference probabilities, value for value', () => {
    const batch = new BatchGradient(network);
    batch.setParameters(params);
    const out = new Float32Array(rows * spec.outputs);
    batch.predict(features, rows, out, categories);
    reference.probabilities.flat().forEach((p, i) => expect(Math.abs(out[i]! - p), `output ${i}`).toBeLessThan(2e-6));
    batch.dispose();
  });

  it('uses the gathered rows: changing an untouched row changes nothing, changing a used row changes its examples', () => {
    const batch = new BatchGradient(network);
    const table0 = embeddingTables(parameterLayout(spec))[0]!;
    const predict = (p: Float32Array) => {
      batch.setParameters(p);
      const out = new Float32Array(rows * spec.outputs);
      batch.predict(features, rows, out, categories);
      return out;
    };
    const before = predict(params);
    const untouched = new Float32Array(params);
    untouched.fill(9, table0.offset + 3 * table0.dimension, table0.offset + 5 * table0.dimension);
    expect(predict(untouched)).toEqual(before);
    const used = new Float32Array(params);
    used[table0.offset + 5 * table0.dimension] = 3; // row 5 of table 0 is used by examples 1 and 5 only
    const after = predict(used);
    for (let r = 0; r < rows; r++) {
      const changed = Array.from(after.subarray(r * spec.outputs, (r + 1) * spec.outputs)).some((v, j) => v !== before[r * spec.outputs + j]);
      expect(changed, `example ${r}`).toBe(r === 1 || r === 5);
    }
    batch.dispose();
  });

  it('refuses to predict without the bucket ids', () => {
    const batch = new BatchGradient(network);
    batch.setParameters(params);
    expect(() => batch.predict(features, rows, new Float32Array(rows * spec.outputs))).toThrow('a model with embedding tables needs the categories');
    batch.dispose();
  });
});
