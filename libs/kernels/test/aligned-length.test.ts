import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedLength, FLOATS_PER_LINE } from '../src/index.js';

describe('alignedLength', () => {
  it('rounds up to whole 64-byte lines', () => {
    expect(FLOATS_PER_LINE * 4).toBe(64);
    expect([0, 1, 15, 16, 17, 1_575_937].map(alignedLength)).toEqual([0, 16, 16, 16, 32, 1_575_952]);
  });

  it('is the least multiple of a line that holds the length', () => {
    fc.assert(
      fc.property(fc.nat(1e9), (length) => {
        const aligned = alignedLength(length);
        return aligned % FLOATS_PER_LINE === 0 && aligned >= length && aligned - length < FLOATS_PER_LINE;
      }),
    );
  });

  it('rejects lengths that are not whole numbers of elements', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => alignedLength(bad)).toThrow(/not a whole number/);
  });
});
