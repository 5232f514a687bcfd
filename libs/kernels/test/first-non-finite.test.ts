import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNonFinite } from '../src/index.js';
import { float32, spreadVector } from './float32-cases.js';

describe('firstNonFinite', () => {
  it('finds the first NaN or infinity, as a scan with Number.isFinite does', () => {
    fc.assert(
      fc.property(fc.array(float32, { maxLength: 70 }), (values) => {
        const array = Float32Array.from(values);
        const index = array.findIndex((v) => !Number.isFinite(v));
        expect(firstNonFinite(array)).toBe(index < 0 ? undefined : index);
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
    expect(firstNonFinite(values)).toBeUndefined();
    for (const at of [0, 1, 2, 3, 16_383, 16_384, 40_001, values.length - 1]) {
      const copy = new Float32Array(values);
      copy[at] = bad;
      copy[values.length - 1] = bad;
      expect(firstNonFinite(copy)).toBe(at);
    }
  });

  it('answers undefined for the largest finite values, −0 and subnormals', () => {
    expect(firstNonFinite(Float32Array.of(3.4028234663852886e38, -3.4028234663852886e38, -0, 1.401298464324817e-45, 0))).toBeUndefined();
  });
});
