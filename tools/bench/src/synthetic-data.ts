import { toShared, type Dataset } from '@churnlab/data';
import type { BenchModel } from './models.js';

/**
 * `rows` random examples of the model's width in shared memory: dense features uniform in [−1, 1), labels 0/1 at
 * random and, for a model with embeddings, bucket ids 1 … buckets − 1. Throughput does not depend on the values.
 */
export function syntheticData(model: BenchModel, rows: number, seed = 1): Dataset {
  const next = mulberry32(seed);
  const features = Float32Array.from({ length: rows * model.dense }, () => 2 * next() - 1);
  const labels = Float32Array.from({ length: rows }, () => (next() < 0.5 ? 1 : 0));
  const data: Dataset = { name: `bench-${model.id}`, rows, width: model.dense, outputs: 1, features, labels, featureNames: names('x', model.dense) };
  const e = model.embeddings;
  if (!e) return toShared(data);
  const categories = Uint32Array.from({ length: rows * e.count }, () => 1 + Math.floor(next() * (e.buckets - 1)));
  return toShared({ ...data, categories, buckets: Array.from({ length: e.count }, () => e.buckets), categoryNames: names('c', e.count) });
}

function names(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

/** A small seeded generator of uniform numbers in [0, 1); the benchmark needs speed, not statistical quality. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
