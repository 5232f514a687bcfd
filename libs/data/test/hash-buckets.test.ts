import { describe, expect, it } from 'vitest';
import { bucketHasher, checkHashSpec, featureSalt, MISSING_BUCKET, type HashSpec } from '../src/index.js';

describe('featureSalt', () => {
  // murmur3 of the feature index as 4 little-endian bytes, from the reference C implementation.
  it.each([
    [0, 0, 0x2362f9de],
    [1, 0, 0xfbf1402a],
    [2, 0, 0x40b23b7f],
    [0, 7, 0x98e58b85],
    [1, 7, 0xe1043177],
  ])('of feature %i under seed %i is %i', (feature, seed, expected) => {
    expect(featureSalt(feature, seed)).toBe(expected);
  });
});

describe('bucketHasher', () => {
  const spec: HashSpec = { buckets: 1024, seed: 0 };

  // 1 + murmur3(utf8(value), featureSalt(feature, seed)) mod (buckets − 1), from the reference C implementation.
  it.each<[string, number, HashSpec, number]>([
    ['68fd1e64', 0, spec, 158],
    ['80e26c9b', 1, spec, 899],
    ['red', 0, spec, 619],
    ['red, dark', 2, spec, 407],
    ['naïve café', 0, spec, 923],
    ['blue', 1, { buckets: 16, seed: 7 }, 12],
    ['red', 0, { buckets: 16, seed: 7 }, 1],
  ])('puts %j of feature %i under %j in bucket %i', (value, feature, s, expected) => {
    expect(bucketHasher(s, feature)(value)).toBe(expected);
  });

  it('never uses the missing bucket 0 and stays below the bucket count', () => {
    for (const buckets of [2, 3, 10]) {
      const hash = bucketHasher({ buckets, seed: 1 }, 4);
      const ids = Array.from({ length: 500 }, (_, i) => hash(`v${i}`));
      expect(Math.min(...ids)).toBe(1);
      expect(Math.max(...ids)).toBe(buckets - 1);
    }
    expect(MISSING_BUCKET).toBe(0);
  });

  it('salts by feature and seed: the same values land in different buckets', () => {
    const ids = (feature: number, seed: number) => Array.from({ length: 50 }, (_, i) => bucketHasher({ buckets: 1 << 20, seed }, feature)(`v${i}`));
    expect(ids(0, 0)).toEqual(ids(0, 0));
    expect(ids(1, 0)).not.toEqual(ids(0, 0));
    expect(ids(0, 1)).not.toEqual(ids(0, 0));
  });

  it.each<[unknown, RegExp]>([
    [{ buckets: 1, seed: 0 }, /categorical.buckets .*got 1/],
    [{ buckets: 2.5, seed: 0 }, /categorical.buckets .*got 2.5/],
    [{ buckets: 8, seed: -1 }, /categorical.seed .*got -1/],
    [null, /categorical must be an object/],
  ])('rejects %j naming the field', (bad, message) => {
    expect(() => checkHashSpec(bad as HashSpec)).toThrow(RangeError);
    expect(() => bucketHasher(bad as HashSpec, 0)).toThrow(message);
  });
});
