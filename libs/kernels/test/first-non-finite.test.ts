import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNonFinite } from '../src/index.js';
import { float32, placements, spreadVector } from './float32-cases.js';

describe.each(placements(100_000))('firstNonFinite on $name', ({ place }) => {
  it('finds the first NaN or infinity, as a scan with Number.isFinite does', () => {
    fc.assert(
      fc.property(fc.array(float32, { maxLength: 70 }), (values) => {
        const [array] = place(Float32Array.from(values));
        const index = array!.findIndex((v) => !Number.isFinite(v));
        expect(firstNonFinite(array!)).toBe(index < 0 ? undefined : index);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ])('finds a %s in any lane of any chunk of a long vector', (_name, bad) => {
    const values = spreadVector(3 * 16_384 + 3, 6);
    expect(firstNonFinite(place(values)[0]!)).toBeUndefined();
    for (const at of [0, 1, 2, 3, 16_383, 16_384, 40_001, values.length - 1]) {
      const [copy] = place(values);
      copy![at] = bad;
      copy![values.length - 1] = bad;
      expect(firstNonFinite(copy!)).toBe(at);
    }
  });

  it('answers undefined for the largest finite values, −0 and subnormals', () => {
    const [values] = place(Float32Array.of(3.4028234663852886e38, -3.4028234663852886e38, -0, 1.401298464324817e-45, 0));
    expect(firstNonFinite(values!)).toBeUndefined();
  });
});
