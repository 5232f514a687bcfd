import { checkInteger, check } from '../check.js';
import { murmur3, murmur3String } from './murmur3.js';

/** How categorical values become bucket ids: `buckets` ids per feature (id 0 reserved for missing) under a hash seed. */
export interface HashSpec {
  buckets: number;
  seed: number;
}

/** The bucket id of a missing categorical value. */
export const MISSING_BUCKET = 0;

const MAX_BUCKETS = 2 ** 31;

/** Fails with a RangeError naming the field unless `spec` is a valid HashSpec. */
export function checkHashSpec(spec: HashSpec, field = 'categorical'): void {
  check(field, spec, typeof spec === 'object' && spec !== null, 'an object { buckets, seed }');
  checkInteger(`${field}.buckets`, spec.buckets, 2, MAX_BUCKETS);
  checkInteger(`${field}.seed`, spec.seed, 0, 2 ** 32 - 1);
}

/** The hash seed of categorical feature `feature`: murmur3 of its index as 4 little-endian bytes, under `seed`. */
export function featureSalt(feature: number, seed: number): number {
  checkInteger('feature', feature, 0, 2 ** 32 - 1);
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, feature, true);
  return murmur3(bytes, seed);
}

/**
 * Maps the values of categorical feature `feature` to ids 1 … buckets − 1: 1 + murmur3(utf8(value), featureSalt) mod (buckets − 1).
 * Missing values are not hashed: they take MISSING_BUCKET.
 */
export function bucketHasher(spec: HashSpec, feature: number): (value: string) => number {
  checkHashSpec(spec);
  const salt = featureSalt(feature, spec.seed);
  const range = spec.buckets - 1;
  return (value) => 1 + (murmur3String(value, salt) % range);
}
