import fc from 'fast-check';
import { sharedFloat32Array } from '../src/index.js';

/** Float32 values that stress rounding: every float32 (with NaN, ±Infinity, −0 and subnormals) and ordinary magnitudes. */
export const float32 = fc.oneof(fc.float(), fc.float({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1.401298464324817e-45, 3.4028234663852886e38));

/** Pairs of equal-length float32 vectors, from empty to a few chunks of the kernels plus a ragged tail. */
export function vectorPair(maxLength: number) {
  return fc.integer({ min: 0, max: maxLength }).chain((n) => fc.tuple(fc.float32Array({ minLength: n, maxLength: n }), fc.float32Array({ minLength: n, maxLength: n })));
}

/** A deterministic float32 vector of `n` elements whose magnitudes span many decades. */
export function spreadVector(n: number, seed: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 7919 + i * 13) * 10 ** ((seed + i) % 13 - 6));
}

/** Where a kernel's operands live: each placement copies vectors there and returns the copies. */
export interface Placement {
  name: string;
  place(...vectors: Float32Array[]): Float32Array[];
}

/** Plain arrays, which the kernels copy through their scratch memory chunk by chunk. */
const plainArrays: Placement = { name: 'plain arrays', place: (...vectors) => vectors.map((v) => new Float32Array(v)) };

/**
 * One kernel memory, which the kernels update in place. The vectors are cut from one memory made once (a memory per
 * property run would pile up address space until the next collection), after an odd element so that no vector is aligned.
 */
function kernelMemory(elements: number): Placement {
  const memory = sharedFloat32Array(elements);
  return {
    name: 'a kernel memory',
    place: (...vectors) => {
      let at = 1;
      return vectors.map((v) => {
        const view = memory.subarray(at, (at += v.length));
        view.set(v);
        return view;
      });
    },
  };
}

/** Every placement, for suites that run against each; the kernel memory holds `elements` elements. */
export function placements(elements: number): Placement[] {
  return [plainArrays, kernelMemory(elements)];
}

/** Ascending, disjoint spans inside [0, n): every other interval between sorted cut points (empty spans included). */
export function spansWithin(n: number) {
  return fc.uniqueArray(fc.integer({ min: 0, max: n }), { maxLength: 12 }).map((cuts) => {
    const sorted = cuts.sort((a, b) => a - b);
    return Uint32Array.from(sorted.slice(0, sorted.length - (sorted.length % 2)));
  });
}

/** A vector pair of vectorPair with ascending, disjoint spans inside it (start/end pairs, as the span kernels take them). */
export function vectorPairWithSpans(maxLength: number) {
  return vectorPair(maxLength).chain((pair) => fc.tuple(fc.constant(pair), spansWithin(pair[0].length)));
}
