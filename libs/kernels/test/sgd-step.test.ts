import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sgdStep, sgdStepSpans } from '../src/index.js';
import { placements, spreadVector, vectorPair, vectorPairWithSpans } from './float32-cases.js';

/** The JavaScript SGD loop the kernel replaces: multiply and subtract in float64, round once to float32. */
function referenceSgd(params: Float32Array, grad: Float32Array, learningRate: number, start: number, end: number): Float32Array {
  const out = new Float32Array(params);
  for (let i = start; i < end; i++) out[i] = out[i]! - learningRate * grad[i]!;
  return out;
}

describe.each(placements(100_000))('sgdStep on $name', ({ place }) => {
  it('steps bit for bit as the JavaScript loop over any range, short ranges and long ones', () => {
    const rates = fc.oneof(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.constantFrom(0.1, 0.01, 0.2, 1 / 3));
    fc.assert(
      fc.property(vectorPair(300), rates, fc.nat(), fc.nat(), (pair, rate, a, b) => {
        const [params, grad] = place(...pair) as [Float32Array, Float32Array];
        const start = params.length === 0 ? 0 : a % params.length;
        const end = start + (params.length === 0 ? 0 : b % (params.length - start + 1));
        const expected = referenceSgd(params, grad, rate, start, end);
        sgdStep(params, grad, rate, start, end);
        expect(params).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the float64 intermediate: the result is not that of float32 arithmetic', () => {
    // lr·g rounded to float32 before the subtraction would give a different float32 here.
    const param = Math.fround(1.000104308128357);
    const [params, grad] = place(new Float32Array(64).fill(param), new Float32Array(64).fill(Math.fround(1.2901910543441772))) as [Float32Array, Float32Array];
    const rate = 0.1;
    sgdStep(params, grad, rate, 0, 64);
    const float32Arithmetic = Math.fround(param - Math.fround(Math.fround(rate) * grad[0]!));
    const float64Arithmetic = Math.fround(param - rate * grad[0]!);
    expect(float32Arithmetic).not.toBe(float64Arithmetic);
    expect(params.every((p) => p === float64Arithmetic)).toBe(true);
  });

  it('crosses chunk boundaries inside a range and leaves elements outside it alone', () => {
    const n = 40_000;
    const [params, grad] = place(spreadVector(n, 4), spreadVector(n, 5)) as [Float32Array, Float32Array];
    const expected = referenceSgd(params, grad, 0.05, 1_001, 38_999);
    sgdStep(params, grad, 0.05, 1_001, 38_999);
    expect(params).toEqual(expected);
  });

  it('refuses a range outside the vectors, naming it', () => {
    const [params, grad] = place(new Float32Array(100), new Float32Array(100)) as [Float32Array, Float32Array];
    expect(() => sgdStep(params.subarray(0, 50), grad, 0.1, 40, 51)).toThrow('sgdStep: the range [40, 51) is not inside the 50 elements');
    expect(() => sgdStep(params, grad, 0.1, 10, 5)).toThrow('sgdStep: the range [10, 5) is not inside the 100 elements');
  });

  it('steps over spans alone as sgdStep does span by span, bit for bit', () => {
    fc.assert(
      fc.property(vectorPairWithSpans(300), ([pair, spans]) => {
        const count = spans.length / 2;
        const expected = new Float32Array(pair[0]);
        for (let k = 0; k < count; k++) {
          const [start, end] = [spans[2 * k]!, spans[2 * k + 1]!];
          expected.set(referenceSgd(expected, pair[1], 0.05, start, end).subarray(start, end), start);
        }
        const [params, grad] = place(...pair) as [Float32Array, Float32Array];
        sgdStepSpans(params, grad, 0.05, spans, count);
        expect(params).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
