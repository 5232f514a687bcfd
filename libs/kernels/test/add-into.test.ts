import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInto } from '../src/index.js';
import { spreadVector, vectorPair } from './float32-cases.js';

/** The JavaScript loop the kernel replaces: float64 sum of two float32 values, stored as float32. */
function referenceAdd(left: Float32Array, right: Float32Array): Float32Array {
  const out = new Float32Array(left);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + right[i]!;
  return out;
}

describe('addInto', () => {
  it('adds bit for bit as the JavaScript loop, NaN, infinities, −0 and subnormals included', () => {
    fc.assert(
      fc.property(vectorPair(70), ([left, right]) => {
        const expected = referenceAdd(left, right);
        expect(addInto(left, right)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([16_383, 16_384, 16_385, 3 * 16_384 + 7])('crosses chunk boundaries (%i elements) and returns its left operand', (n) => {
    const left = spreadVector(n, 1);
    const right = spreadVector(n, 2);
    const expected = referenceAdd(left, right);
    expect(addInto(left, right)).toBe(left);
    expect(left).toEqual(expected);
  });

  it('adds into views with an offset and over shared memory, leaving the rest alone', () => {
    const buffer = new Float32Array(new SharedArrayBuffer(4 * 40_000)).fill(1);
    const left = buffer.subarray(3, 20_003);
    addInto(left, spreadVector(20_000, 3));
    expect(buffer[2]).toBe(1);
    expect(buffer[20_003]).toBe(1);
    expect(left).toEqual(referenceAdd(new Float32Array(20_000).fill(1), spreadVector(20_000, 3)));
  });

  it('refuses a right operand shorter than the left, naming both lengths', () => {
    expect(() => addInto(new Float32Array(5), new Float32Array(4))).toThrow(/right operand has 4 elements, the left 5/);
  });
});
