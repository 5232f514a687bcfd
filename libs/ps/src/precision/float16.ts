import type { GradientRounder } from './gradient-rounder.js';
import { CHUNK, float32Bits, randomWords, signOf, stochasticRound } from './stochastic.js';

/** The largest finite float16, 2^15 · (2 − 2^-10). */
export const FLOAT16_MAX = 65504;

const EXPONENT_FIELDS = 256;
const FLOAT32_BIAS = 127;
const FLOAT16_MIN_NORMAL_EXPONENT = -14;
const FLOAT16_MANTISSA_BITS = 10;

// Indexed by the float32 exponent field: the float16 spacing near such a value is 2^(e − 10) for normal float16
// (e ≥ −14) and 2^-24 below, where float16 is subnormal; float32 subnormals (field 0) fall in that second case.
const spacing = new Float64Array(EXPONENT_FIELDS);
const perSpacing = new Float64Array(EXPONENT_FIELDS);
for (let field = 0; field < EXPONENT_FIELDS; field++) {
  const exponent = Math.max(field - FLOAT32_BIAS, FLOAT16_MIN_NORMAL_EXPONENT) - FLOAT16_MANTISSA_BITS;
  spacing[field] = 2 ** exponent;
  perSpacing[field] = 2 ** -exponent;
}

/**
 * IEEE binary16 (5 exponent bits, 10 mantissa bits, subnormals down to 2^-24) with stochastic rounding, results kept
 * as float32. |x| / spacing is exact, below 2^11, and has at most 13 fractional bits for |x| ≥ 2^-14 and 32 for |x| ≥ 2^-33,
 * so rounding is exactly unbiased down to |x| = 2^-33 and off by less than 2^-55 (2^-31 of the spacing 2^-24) below.
 * Finite values beyond ±65504 saturate to ±65504 instead of rounding to ±Inf: one infinite gradient would make the
 * parameters Inf or NaN for the rest of the run, while the saturation bias only touches gradients that are already huge.
 * NaN and ±Inf are kept, so a gradient that has already diverged still shows.
 */
export const float16Rounder: GradientRounder = {
  name: 'float16',
  round(values, stream, step, worker) {
    const bits = float32Bits(values);
    for (let start = 0; start < bits.length; start += CHUNK) {
      const count = Math.min(CHUNK, bits.length - start);
      const words = randomWords(stream, step, worker, start, count);
      for (let k = 0; k < count; k++) {
        const i = start + k;
        const field = (bits[i]! >>> 23) & 0xff;
        if (field === 0xff) continue;
        const magnitude = Math.abs(values[i]!);
        const rounded = magnitude > FLOAT16_MAX ? FLOAT16_MAX : stochasticRound(magnitude * perSpacing[field]!, words[k]!) * spacing[field]!;
        values[i] = rounded * signOf(bits[i]!);
      }
    }
  },
};
