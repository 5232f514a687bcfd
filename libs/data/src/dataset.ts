import { checkInteger } from './check.js';

/**
 * An in-memory table of examples. `features` is rows × width, row-major; `labels` holds one value per row:
 * 0/1 when outputs = 1, the class index when outputs = K > 1.
 */
export interface Dataset {
  name: string;
  rows: number;
  width: number;
  outputs: number;
  features: Float32Array;
  labels: Float32Array;
  featureNames: string[];
}

/** Rows [start, end) as views on the same memory: no copy, so writes show through. */
export function sliceRows(d: Dataset, start: number, end: number): Dataset {
  checkInteger('start', start, 0, d.rows);
  checkInteger('end', end, start, d.rows);
  return {
    ...d,
    rows: end - start,
    features: d.features.subarray(start * d.width, end * d.width),
    labels: d.labels.subarray(start, end),
  };
}

/** A copy holding the given rows in the given order. */
export function gatherRows(d: Dataset, rows: Uint32Array, name: string): Dataset {
  const features = new Float32Array(rows.length * d.width);
  const labels = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    features.set(d.features.subarray(row * d.width, (row + 1) * d.width), i * d.width);
    labels[i] = d.labels[row]!;
  });
  return { ...d, name, rows: rows.length, features, labels };
}
