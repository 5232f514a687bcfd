import type { ModelSpec } from '../src/index.js';
import type { ReferenceBatch } from './reference-embedding-mlp.js';

/** A small batch for embedding tests: repeated ids, the missing bucket 0, and rows no example uses (table 0: 3, 4; table 1: 4). */
export const rows = 7;
export const inputs = 3;
export const buckets = [6, 5];
export const dimension = 3;
export const dense = Float32Array.from({ length: rows * inputs }, (_, i) => Math.sin(i * 1.3 + 0.2) * 1.4);
export const categories = Uint32Array.from([2, 3, 5, 3, 2, 3, 0, 1, 2, 0, 5, 3, 1, 2]);
export const binaryLabels = Float32Array.of(1, 0, 0, 1, 1, 0, 1);
export const classLabels = Float32Array.of(0, 2, 1, 2, 0, 1, 1);

/** A spec with the batch's tables. */
export function embeddingSpec(activation: string, hidden: number[], outputs: number, denseInputs = inputs): ModelSpec {
  return { inputs: denseInputs, hidden, outputs, activation, layerNorm: false, embeddings: { buckets, dimension } };
}

/** The first `n` examples of the batch as the float64 reference reads them. */
export function referenceBatch(labels: Float32Array, n = rows, denseInputs = inputs): ReferenceBatch {
  return {
    dense: Array.from({ length: n }, (_, r) => Array.from(dense.subarray(r * inputs, r * inputs + denseInputs))),
    categories: Array.from({ length: n }, (_, r) => [categories[2 * r]!, categories[2 * r + 1]!]),
    labels: Array.from(labels.subarray(0, n)),
  };
}

/** Parameters of `size` elements around the seeded init, nudged so that no unit sits exactly on a kink. */
export function nudged(params: Float32Array): Float32Array {
  return params.map((v, i) => v + 0.05 * Math.cos(i * 0.37));
}
