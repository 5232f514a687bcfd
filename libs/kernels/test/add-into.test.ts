import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInto } from '../src/index.js';
import { placements, spreadVector, vectorPair } from './float32-cases.js';

/** The JavaScript loop the kernel replaces: float64 sum of two float32 values, stored as float32. */
function referenceAdd(left: Float32Array, right: Float32Array): Float32Array {
  const out = new Float32Array(left);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! + right[i]!;
  return out;
}

describe.each(placements(200_000))('addInto on $name', ({ place }) => {
  it('adds bit for bit as the JavaScript loop, NaN, infinities, −0 and subnormals included', () => {
    fc.assert(
      fc.property(vectorPair(70), (pair) => {
        const expected = referenceAdd(...pair);
        const [left, right] = place(...pair);
        expect(addInto(left!, right!)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it.each([16_383, 16_384, 16_385, 3 * 16_384 + 7])('crosses chunk boundaries (%i elements) and returns its left operand', (n) => {
    const [left, right] = place(spreadVector(n, 1), spreadVector(n, 2));
    const expected = referenceAdd(left!, right!);
    expect(addInto(left!, right!)).toBe(left);
    expect(left).toEqual(expected);
  });

  it('adds into a view with an offset, leaving the rest alone', () => {
    const [whole, right] = place(new Float32Array(40_000).fill(1), spreadVector(20_000, 3));
    const left = whole!.subarray(3, 20_003);
    addInto(left, right!);
    expect(whole![2]).toBe(1);
    expect(whole![20_003]).toBe(1);
    expect(left).toEqual(referenceAdd(new Float32Array(20_000).fill(1), spreadVector(20_000, 3)));
  });

  it('doubles a vector added to itself', () => {
    const [values] = place(spreadVector(20_001, 7));
    const expected = referenceAdd(values!, values!);
    expect(addInto(values!, values!)).toEqual(expected);
  });

  it('refuses a right operand shorter than the left, naming both lengths', () => {
    const [left, right] = place(new Float32Array(5), new Float32Array(4));
    expect(() => addInto(left!, right!)).toThrow(/right operand has 4 elements, the left 5/);
  });
});
