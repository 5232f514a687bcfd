import { checkInteger } from './check.js';

/**
 * An in-memory table of examples. `features` is rows × width, row-major; `labels` holds one value per row:
 * 0/1 when outputs = 1, the class index when outputs = K > 1.
 *
 * Categorical features, when there are any, are not in `features` but in `categories`: rows × buckets.length
 * bucket ids, row-major, the id of feature c below buckets[c] and 0 meaning missing. The three categorical fields
 * are present together or not at all.
 */
export interface Dataset {
  name: string;
  rows: number;
  width: number;
  outputs: number;
  features: Float32Array;
  labels: Float32Array;
  featureNames: string[];
  categories?: Uint32Array;
  /** Number of bucket ids of each categorical feature. */
  buckets?: number[];
  /** Name of each categorical feature. */
  categoryNames?: string[];
}

/** Number of categorical features (0 when the dataset has none). */
export function categoricalCount(d: Dataset): number {
  return d.buckets?.length ?? 0;
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
    ...(d.categories && { categories: d.categories.subarray(start * categoricalCount(d), end * categoricalCount(d)) }),
  };
}

/** A copy holding the given rows in the given order. */
export function gatherRows(d: Dataset, rows: Uint32Array, name: string): Dataset {
  const features = new Float32Array(rows.length * d.width);
  const labels = new Float32Array(rows.length);
  const c = categoricalCount(d);
  const categories = d.categories && new Uint32Array(rows.length * c);
  rows.forEach((row, i) => {
    features.set(d.features.subarray(row * d.width, (row + 1) * d.width), i * d.width);
    labels[i] = d.labels[row]!;
    categories?.set(d.categories!.subarray(row * c, (row + 1) * c), i * c);
  });
  return { ...d, name, rows: rows.length, features, labels, ...(categories && { categories }) };
}
