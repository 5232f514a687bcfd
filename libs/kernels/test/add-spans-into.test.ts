import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSpansInto } from '../src/index.js';
import { placements, spreadVector, vectorPairWithSpans } from './float32-cases.js';

/** The JavaScript loop the kernel replaces, over the spans only. */
function referenceAddSpans(left: Float32Array, right: Float32Array, spans: Uint32Array, count: number): Float32Array {
  const out = new Float32Array(left);
  for (let k = 0; k < count; k++) for (let i = spans[2 * k]!; i < spans[2 * k + 1]!; i++) out[i] = out[i]! + right[i]!;
  return out;
}

describe.each(placements(200_000))('addSpansInto on $name', ({ place }) => {
  it('adds bit for bit as the JavaScript loop inside the spans and leaves every other element alone', () => {
    fc.assert(
      fc.property(vectorPairWithSpans(300), ([pair, spans]) => {
        const count = spans.length / 2;
        const expected = referenceAddSpans(pair[0], pair[1], spans, count);
        const [left, right] = place(...pair);
        expect(addSpansInto(left!, right!, spans, count)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('adds long spans across chunk boundaries and row-sized ones beside them', () => {
    const n = 60_000;
    const spans = Uint32Array.of(0, 16, 100, 116, 1_000, 40_000, 40_016, 40_032, 59_990, 60_000);
    const [left, right] = place(spreadVector(n, 8), spreadVector(n, 9));
    const expected = referenceAddSpans(left!, right!, spans, 5);
    addSpansInto(left!, right!, spans, 5);
    expect(left).toEqual(expected);
  });

  it.each([
    ['past the end', Uint32Array.of(90, 101)],
    ['reversed', Uint32Array.of(50, 40)],
  ])('refuses a span %s, naming it, before writing anything outside the vector', (_name, spans) => {
    const [whole] = place(new Float32Array(120).fill(1));
    const left = whole!.subarray(0, 100);
    expect(() => addSpansInto(left, whole!, spans, 1)).toThrow(`addSpansInto: the range [${spans[0]}, ${spans[1]}) is not inside the 100 elements`);
    expect(whole!.subarray(100).every((v) => v === 1)).toBe(true);
  });
});
