import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfloat16Rounder } from '../../src/precision/bfloat16.js';
import { bitsOf, bitsOfNumber, describeDrawingRounder, drawsOverSteps, expectUnbiased, float32FromBits, rounded } from './rounder-contract.js';

const MAX_FINITE = float32FromBits(0x7f7f0000); // largest finite bfloat16, ≈ 3.3895e38
const FLOAT32_MAX = float32FromBits(0x7f7fffff);

/** The bfloat16 neighbours of a finite float32 by the format's definition: truncate to the top 16 bits, or step one bfloat16 away from 0. */
function neighbours(x: number): [number, number] {
  const truncated = bitsOfNumber(x) & 0xffff0000;
  return [float32FromBits(truncated >>> 0), float32FromBits((truncated + 0x10000) >>> 0)];
}

describe('bfloat16', () => {
  it('rounds 1 + 2^-8 to 1 or 1 + 2^-7 and to nothing else, both often', () => {
    const values = drawsOverSteps(bfloat16Rounder, [1 + 2 ** -8], 0, 200);
    expect(new Set(values)).toEqual(new Set([1, 1 + 2 ** -7]));
  });

  it('leaves exactly representable values unchanged, bit for bit', () => {
    const exact = [1, -2, 0.5, 3, -0, 0, 2 ** -126, 2 ** -133, -(2 ** -133), MAX_FINITE, -MAX_FINITE, 1 + 2 ** -7, 65536];
    for (let step = 0; step < 50; step++) expect(bitsOf(rounded(bfloat16Rounder, exact, step))).toEqual(bitsOf(Float32Array.from(exact)));
  });

  it.each([
    ['1 + 2^-8 (p = ½)', 1 + 2 ** -8, 1, 1 + 2 ** -7],
    ['1 + 3·2^-9 (p = ¾)', 1 + 3 * 2 ** -9, 1, 1 + 2 ** -7],
    ['−(1 + 2^-9) (p = ¼ away from 0)', -(1 + 2 ** -9), -1, -(1 + 2 ** -7)],
    ['0.1', 0.1, ...neighbours(0.1)],
    ['a float32 subnormal just below the smallest bfloat16 normal', 2 ** -126 - 2 ** -140, 2 ** -126 - 2 ** -133, 2 ** -126],
  ])('is unbiased on %s', (_, x, lo, hi) => {
    expectUnbiased(bfloat16Rounder, [x], 0, lo, hi);
  });

  it('rounds every finite float32 to one of its two bfloat16 neighbours, off by less than their gap', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.nat(1000), fc.nat(7), (x, step, worker) => {
        const [lo, hi] = neighbours(x);
        const r = rounded(bfloat16Rounder, [x], step, worker)[0]!;
        if (Math.abs(x) > MAX_FINITE) {
          expect(r).toBe(Math.sign(x) * MAX_FINITE);
        } else {
          expect(Object.is(r, lo) || Object.is(r, hi), `${x} → ${r}, neighbours ${lo}, ${hi}`).toBe(true);
          expect(Math.abs(r - x)).toBeLessThan(Math.abs(hi - lo));
        }
      }),
    );
  });

  it('keeps NaN (payload included) and ±Inf bit for bit', () => {
    const special = Float32Array.from([NaN, -Infinity, Infinity, 0, 0]);
    const bits = new Uint32Array(special.buffer);
    bits[3] = 0x7f800001; // signalling NaN with the payload in the low half, which a careless add would carry into Inf
    bits[4] = 0xffc0ffff;
    for (let step = 0; step < 50; step++) expect(bitsOf(rounded(bfloat16Rounder, special, step))).toEqual(bitsOf(special));
  });

  it('saturates values above the largest finite bfloat16 instead of rounding them up to ±Inf', () => {
    const top = [FLOAT32_MAX, -FLOAT32_MAX, float32FromBits(0x7f7f8000), float32FromBits(0x7f7f0001)];
    for (let step = 0; step < 200; step++) expect(Array.from(rounded(bfloat16Rounder, top, step))).toEqual([MAX_FINITE, -MAX_FINITE, MAX_FINITE, MAX_FINITE]);
  });

  it('keeps the sign of zero', () => {
    expect(Object.is(rounded(bfloat16Rounder, [-0])[0], -0)).toBe(true);
  });
});

describeDrawingRounder(bfloat16Rounder, (length) => new Float32Array(length).fill(1 + 2 ** -8));
