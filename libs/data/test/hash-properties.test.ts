import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketHasher, murmur3, murmur3String } from '../src/index.js';

describe('feature hashing (property)', () => {
  it('maps every value to a bucket 1..B−1 (0 is kept for missing), the same one every time and in every new hasher', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 2, max: 2 ** 20 }), fc.nat({ max: 25 }), fc.nat(), (value, buckets, feature, seed) => {
        const bucket = bucketHasher({ buckets, seed }, feature)(value);
        expect(Number.isInteger(bucket) && bucket >= 1 && bucket <= Math.max(1, buckets - 1)).toBe(true);
        expect(bucketHasher({ buckets, seed }, feature)(value)).toBe(bucket);
      }),
      { numRuns: 500 },
    );
  });

  it('hashes the UTF-8 bytes of a value, so the bucket does not depend on how the platform stores strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, seed) => {
        expect(murmur3String(text, seed)).toBe(murmur3(new TextEncoder().encode(text), seed));
        expect(murmur3String(text, seed)).toBe(murmur3(Buffer.from(text, 'utf8'), seed));
      }),
    );
  });

  it('spreads values evenly: 20,000 distinct values over 64 buckets stay within 5σ of uniform', () => {
    const hash = bucketHasher({ buckets: 65, seed: 7 }, 3);
    const counts = new Array<number>(65).fill(0);
    for (let i = 0; i < 20_000; i++) counts[hash(`value-${i}`)]!++;
    expect(counts[0]).toBe(0);
    const expected = 20_000 / 64;
    const sigma = Math.sqrt(expected * (1 - 1 / 64));
    for (const count of counts.slice(1)) expect(Math.abs(count - expected)).toBeLessThan(5 * sigma);
  });
});
