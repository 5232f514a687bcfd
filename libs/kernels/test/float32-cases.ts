import fc from 'fast-check';

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
