import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOAT16_MAX, float16Rounder } from '../../src/precision/float16.js';
import { bitsOf, describeDrawingRounder, drawsOverSteps, expectUnbiased, float32FromBits, rounded } from './rounder-contract.js';

/** Every finite float16 ≥ 0 in increasing order, decoded from its 15 non-sign bits by the IEEE binary16 definition. */
const FLOAT16_VALUES = Float64Array.from({ length: 31 * 1024 }, (_, bits) => {
  const exponent = bits >> 10;
  const mantissa = bits & 0x3ff;
  return exponent === 0 ? mantissa * 2 ** -24 : (1 + mantissa / 1024) * 2 ** (exponent - 15);
});

/** The float16 neighbours lo ≤ |x| ≤ hi of a finite |x| ≤ 65504, with the sign of x, found by binary search. */
function neighbours(x: number): [number, number] {
  const magnitude = Math.abs(x);
  let lo = 0;
  let hi = FLOAT16_VALUES.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (FLOAT16_VALUES[mid]! <= magnitude) lo = mid;
    else hi = mid;
  }
  const below = FLOAT16_VALUES[lo]!;
  const above = below === magnitude ? below : FLOAT16_VALUES[hi]!;
  const sign = x < 0 || Object.is(x, -0) ? -1 : 1;
  return [sign * below, sign * above];
}

describe('float16', () => {
  it('decodes the reference table to the known extremes', () => {
    expect([FLOAT16_VALUES[1], FLOAT16_VALUES[1023], FLOAT16_VALUES[1024], FLOAT16_VALUES.at(-1)]).toEqual([2 ** -24, 2 ** -14 - 2 ** -24, 2 ** -14, FLOAT16_MAX]);
  });

  it('rounds 1 + 2^-11 to 1 or 1 + 2^-10 and to nothing else, both often', () => {
    expect(new Set(drawsOverSteps(float16Rounder, [1 + 2 ** -11], 0, 200))).toEqual(new Set([1, 1 + 2 ** -10]));
  });

  it('leaves exactly representable values unchanged, bit for bit', () => {
    const exact = [1, -3, 0.5, 0, -0, 2 ** -14, 2 ** -24, -(2 ** -24), 2 ** -14 - 2 ** -24, 1000.5, 2048, 2050, FLOAT16_MAX, -FLOAT16_MAX];
    for (let step = 0; step < 50; step++) expect(bitsOf(rounded(float16Rounder, exact, step))).toEqual(bitsOf(Float32Array.from(exact)));
  });

  it.each([
    ['65519', 65519, 65504],
    ['65520 (round-to-nearest would give Inf)', 65520, 65504],
    ['−70000', -70000, -FLOAT16_MAX],
    ['1e6', 1e6, 65504],
    ['the largest float32', float32FromBits(0x7f7fffff), 65504],
  ])('saturates %s to ±65504 at every step', (_, x, expected) => {
    expect(new Set(drawsOverSteps(float16Rounder, [x], 0, 200))).toEqual(new Set([expected]));
  });

  it.each([
    ['1 + 2^-11 (p = ½)', 1 + 2 ** -11, 1, 1 + 2 ** -10],
    ['1000.3 (spacing ½)', 1000.3, 1000, 1000.5],
    ['2049 (spacing 2)', 2049, 2048, 2050],
    ['−0.1', -0.1, ...neighbours(-0.1)],
    ['65500 (p = ⅞ towards the largest float16)', 65500, 65472, 65504],
    ['3·2^-26, subnormal (p = ¾)', 3 * 2 ** -26, 0, 2 ** -24],
    ['1.5·2^-24, subnormal', 1.5 * 2 ** -24, 2 ** -24, 2 ** -23],
    ['just below the smallest normal', 2 ** -14 - 2 ** -26, 2 ** -14 - 2 ** -24, 2 ** -14],
    ['2^-33, the smallest value rounded exactly (p = 2^-9)', 2 ** -33, 0, 2 ** -24],
  ])('is unbiased on %s', (_, x, lo, hi) => {
    expectUnbiased(float16Rounder, [x], 0, lo, hi, 20_000);
  });

  it('rounds float32 values far below 2^-24 to 0 or 2^-24 only', () => {
    expect(new Set(drawsOverSteps(float16Rounder, [2 ** -149], 0, 200))).toEqual(new Set([0]));
    expect(new Set(drawsOverSteps(float16Rounder, [-(2 ** -40)], 0, 200))).toEqual(new Set([-0]));
  });

  it('rounds every finite float32 to one of its two float16 neighbours, off by less than their gap, saturating beyond ±65504', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.nat(1000), fc.nat(7), (x, step, worker) => {
        const r = rounded(float16Rounder, [x], step, worker)[0]!;
        if (Math.abs(x) > FLOAT16_MAX) {
          expect(r).toBe(Math.sign(x) * FLOAT16_MAX);
        } else {
          const [lo, hi] = neighbours(x);
          expect(Object.is(r, lo) || Object.is(r, hi), `${x} → ${r}, neighbours ${lo}, ${hi}`).toBe(true);
          if (lo !== hi) expect(Math.abs(r - x)).toBeLessThan(Math.abs(hi - lo));
        }
      }),
    );
  });

  it('keeps NaN (payload included) and ±Inf bit for bit', () => {
    const special = Float32Array.from([NaN, -Infinity, Infinity, 0]);
    new Uint32Array(special.buffer)[3] = 0xff800001;
    for (let step = 0; step < 20; step++) expect(bitsOf(rounded(float16Rounder, special, step))).toEqual(bitsOf(special));
  });
});

describeDrawingRounder(float16Rounder, (length) => new Float32Array(length).fill(1 + 2 ** -11));
