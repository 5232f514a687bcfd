import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The repository root (two levels above this library). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The shared data sets beside the repository (../shared/datasets from the root): read in place, never copied in. */
export const sharedDatasets = path.resolve(repoRoot, '../shared/datasets');

/** Writes `text` to `dir/name` and returns the path. */
export function writeText(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
