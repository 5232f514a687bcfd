import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInto, sgdStep, sgdStepOfSum } from '../src/index.js';
import { float32, placements, spreadVector } from './float32-cases.js';

/** What the fused step replaces: the sum written into a copy of `left`, then the SGD step on it. */
function twoPasses(params: Float32Array, left: Float32Array, right: Float32Array, learningRate: number): Float32Array {
  const out = new Float32Array(params);
  const sum = addInto(new Float32Array(left), right);
  sgdStep(out, sum, learningRate, 0, out.length);
  return out;
}

/** Three equal-length float32 vectors, from empty to a few SIMD widths and a ragged tail. */
const triple = (maxLength: number) =>
  fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(...[0, 1, 2].map(() => fc.array(float32, { minLength: n, maxLength: n }).map((v) => Float32Array.from(v)))));

describe.each(placements(300_000))('sgdStepOfSum on $name', ({ place }) => {
  it('steps bit for bit as addInto then sgdStep, and leaves both gradients as they were', () => {
    const rates = fc.oneof(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.constantFrom(0.1, 0.01, 1 / 3));
    fc.assert(
      fc.property(triple(200), rates, (vectors, rate) => {
        const [params, left, right] = place(...vectors) as [Float32Array, Float32Array, Float32Array];
        const expected = twoPasses(params, left, right, rate);
        const [leftBefore, rightBefore] = [Array.from(left), Array.from(right)];
        sgdStepOfSum(params, left, right, rate);
        expect(params).toEqual(expected);
        expect([Array.from(left), Array.from(right)]).toEqual([leftBefore, rightBefore]);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds the sum to float32 before the step: the result is not that of a float64 sum', () => {
    // 1 + 2⁻²⁵ is 1 in float32; summed in float64 and not rounded, the step would leave −2⁻²⁵ instead of 0.
    const [params, left, right] = place(new Float32Array(8).fill(1), new Float32Array(8).fill(1), new Float32Array(8).fill(2 ** -25)) as [Float32Array, Float32Array, Float32Array];
    sgdStepOfSum(params, left, right, 1);
    expect(Math.fround(1 - (1 + 2 ** -25))).toBe(-(2 ** -25));
    expect(Array.from(params)).toEqual(new Array(8).fill(0));
  });

  it('crosses the scratch memory\'s chunks over a long vector', () => {
    const n = 40_001;
    const [params, left, right] = place(spreadVector(n, 1), spreadVector(n, 2), spreadVector(n, 3)) as [Float32Array, Float32Array, Float32Array];
    const expected = twoPasses(params, left, right, 0.05);
    sgdStepOfSum(params, left, right, 0.05);
    expect(params).toEqual(expected);
  });

  it('refuses gradients shorter than the parameters, naming their lengths', () => {
    const [params, left, right] = place(new Float32Array(10), new Float32Array(10), new Float32Array(10)) as [Float32Array, Float32Array, Float32Array];
    expect(() => sgdStepOfSum(params, left.subarray(0, 9), right, 0.1)).toThrow('sgdStepOfSum: gradients of 9 and 10 elements for 10 parameters');
  });
});
