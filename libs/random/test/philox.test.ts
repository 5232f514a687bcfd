import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../src/index.js';

type Block = [number, number, number, number];

// The "philox4x32 10" lines of Random123's tests/kat_vectors: counter words, key words, expected output.
const KNOWN_ANSWERS: [Block, [number, number], Block][] = [
  [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

/** Independent Philox4x32-10 in BigInt arithmetic: full 64-bit products, no float tricks. */
function referencePhilox(counter: Block, key: [number, number]): Block {
  const mask = 0xffffffffn;
  let [c0, c1, c2, c3] = counter.map(BigInt) as [bigint, bigint, bigint, bigint];
  let [k0, k1] = key.map(BigInt) as [bigint, bigint];
  for (let round = 0; round < 10; round++) {
    const p0 = 0xd2511f53n * c0;
    const p1 = 0xcd9e8d57n * c2;
    [c0, c1, c2, c3] = [(p1 >> 32n) ^ c1 ^ k0, p1 & mask, (p0 >> 32n) ^ c3 ^ k1, p0 & mask];
    k0 = (k0 + 0x9e3779b9n) & mask;
    k1 = (k1 + 0xbb67ae85n) & mask;
  }
  return [c0, c1, c2, c3].map(Number) as Block;
}

const uint32 = fc.nat({ max: 0xffffffff });

describe('philox4x32', () => {
  it.each(KNOWN_ANSWERS)('matches Random123 known answer for counter %j key %j', (counter, key, expected) => {
    expect(philox4x32(counter, key)).toEqual(expected);
  });

  it('the BigInt reference agrees with the known answers, so it can judge the fast version', () => {
    for (const [counter, key, expected] of KNOWN_ANSWERS) expect(referencePhilox(counter, key)).toEqual(expected);
  });

  it('equals the BigInt reference on random counters and keys', () => {
    fc.assert(
      fc.property(fc.tuple(uint32, uint32, uint32, uint32), fc.tuple(uint32, uint32), (counter, key) => {
        expect(philox4x32(counter, key)).toEqual(referencePhilox(counter, key));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([-1, 2 ** 32, 0.5, Number.NaN])('rejects counter word %s with a RangeError naming it', (bad) => {
    expect(() => philox4x32([0, bad, 0, 0], [0, 0])).toThrow(new RegExp(`counter\\[1\\].*got ${bad}`));
    expect(() => philox4x32([0, 0, 0, 0], [bad, 0])).toThrow(RangeError);
  });
});
