import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INT8_LEVELS, int8Rounder, int8Scale } from '../../src/precision/int8.js';
import { bitsOf, describeDrawingRounder, expectUnbiased, rounded } from './rounder-contract.js';

/** q · scale as the rounder stores it: a float32. */
const level = (q: number, scale: number) => Math.fround(q * scale);

describe('int8Scale', () => {
  it('is max |x| / 127 over the finite elements, and 0 when there are none', () => {
    expect(int8Scale(Float32Array.of(0.5, -2.54, 1))).toBe(Math.fround(2.54) / 127);
    expect(int8Scale(Float32Array.of(NaN, -Infinity, 3, Infinity))).toBe(3 / 127);
    expect([int8Scale(new Float32Array(3)), int8Scale(new Float32Array(0)), int8Scale(Float32Array.of(NaN))]).toEqual([0, 0, 0]);
  });
});

describe('int8', () => {
  it('quantises a vector with max 127 to integers: the max and integers stay, the rest go to a neighbouring integer', () => {
    const values = [127, -63.5, 0, 0.25, -127, 10, -0];
    const seen = values.map(() => new Set<number>());
    for (let step = 0; step < 200; step++) rounded(int8Rounder, values, step).forEach((v, i) => seen[i]!.add(v));
    expect(seen).toEqual([[127], [-63, -64], [0], [0, 1], [-127], [10], [-0]].map((s) => new Set(s)));
  });

  it('maps the largest element exactly onto itself and 0.5 of a max of 1 onto 63 or 64 steps of 1/127', () => {
    const values = Float32Array.of(1, 0.5, -0.25);
    const scale = 1 / 127;
    const seen = [new Set<number>(), new Set<number>(), new Set<number>()];
    for (let step = 0; step < 200; step++) rounded(int8Rounder, values, step).forEach((v, i) => seen[i]!.add(v));
    expect(seen).toEqual([new Set([1]), new Set([level(63, scale), level(64, scale)]), new Set([level(-31, scale), level(-32, scale)])]);
  });

  it('leaves an all-zero vector (signs of zero included) unchanged', () => {
    const zeros = Float32Array.of(0, -0, 0);
    expect(bitsOf(rounded(int8Rounder, zeros))).toEqual(bitsOf(zeros));
  });

  it('keeps NaN (payload included) and ±Inf bit for bit and scales the rest by the finite maximum', () => {
    const values = Float32Array.of(Infinity, 2, NaN, -2, -Infinity);
    new Uint32Array(values.buffer)[2] = 0x7f800001;
    expect(bitsOf(rounded(int8Rounder, values))).toEqual(bitsOf(values));
  });

  it.each([
    ['0.3 of a max of 1', [1, 0.3], 1],
    ['−0.71 of a max of 2.54', [-0.71, 2.54], 0],
    ['1e-3 of a max of 1 (below one step)', [1, 1e-3], 1],
  ])('is unbiased on %s', (_, template, index) => {
    const scale = int8Scale(Float32Array.from(template));
    const t = Math.fround(template[index]!) / scale;
    const [lo, hi] = t < 0 ? [Math.ceil(t), Math.floor(t)] : [Math.floor(t), Math.ceil(t)];
    expectUnbiased(int8Rounder, template, index, level(lo, scale), level(hi, scale), 20_000);
  });

  it('rounds every finite element to q · scale with q one of the two integers around x / scale, |q| ≤ 127', () => {
    const vectors = fc.float32Array({ noNaN: true, noDefaultInfinity: true, minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(vectors, fc.nat(1000), (values, step) => {
        const scale = int8Scale(values);
        const r = rounded(int8Rounder, values, step);
        values.forEach((x, i) => {
          if (scale === 0) {
            expect(Object.is(r[i], x)).toBe(true);
          } else {
            const t = Math.abs(x) / scale;
            const candidates = [Math.floor(t), Math.ceil(t)].filter((q) => q <= INT8_LEVELS).map((q) => level(Math.sign(x) * q, scale));
            expect(candidates, `${x} (t = ${t}) → ${r[i]}`).toContain(r[i]);
          }
        });
        const largest = values.map(Math.abs).reduce((best, m, i, all) => (m > all[best]! ? i : best), 0);
        expect(r[largest]).toBe(values[largest]);
      }),
    );
  });
});

// Element 0 is the maximum 1, so every element 0.5 sits at 63.5 steps: p = ½.
describeDrawingRounder(int8Rounder, (length) => new Float32Array(length).fill(0.5).fill(1, 0, 1));
