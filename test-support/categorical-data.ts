import type { Dataset } from '@churnlab/data';

/**
 * A synthetic data set (dense columns, then one one-hot block) with the one-hot block turned into bucket ids, as a
 * reader of categorical columns gives them: feature 0 is the one-hot index + 1 (0, the missing bucket, on every 7th
 * row), feature 1 a hashed id below `buckets[1]`, so a small batch leaves most of that table untouched.
 */
export function withCategories(d: Dataset, dense: number, buckets: [number, number]): Dataset {
  const features = new Float32Array(d.rows * dense);
  const categories = new Uint32Array(d.rows * 2);
  for (let r = 0; r < d.rows; r++) {
    features.set(d.features.subarray(r * d.width, r * d.width + dense), r * dense);
    const oneHot = Array.from(d.features.subarray(r * d.width + dense, (r + 1) * d.width));
    categories[2 * r] = r % 7 === 0 ? 0 : oneHot.indexOf(1) + 1;
    categories[2 * r + 1] = (Math.imul(r + 1, 0x9e3779b1) >>> 0) % buckets[1];
  }
  return { ...d, width: dense, features, featureNames: d.featureNames.slice(0, dense), categories, buckets, categoryNames: ['c0', 'hashed'] };
}
