import type { Dataset } from '../src/index.js';

/** A dataset whose every cell names its position (feature r·width + j, label r), so tests can trace rows. */
export function indexedDataset(rows: number, width: number): Dataset {
  return {
    name: 'indexed',
    rows,
    width,
    outputs: 1,
    features: Float32Array.from({ length: rows * width }, (_, i) => i),
    labels: Float32Array.from({ length: rows }, (_, r) => r),
    featureNames: Array.from({ length: width }, (_, j) => `f${j}`),
  };
}

/** The row a gathered or sliced row came from, read off its label. */
export function sourceRows(d: Dataset): number[] {
  return [...d.labels];
}
