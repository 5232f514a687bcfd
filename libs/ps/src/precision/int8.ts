import type { GradientRounder } from './gradient-rounder.js';
import { CHUNK, float32Bits, randomWords, signOf, stochasticRound } from './stochastic.js';

/** The largest int8 level; −128 is left out so the grid is symmetric about 0. */
export const INT8_LEVELS = 127;

/** The int8 step of `values`: max |x| over its finite elements divided by 127, or 0 when that maximum is 0 or there is none. */
export function int8Scale(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i]!);
    if (magnitude > max && magnitude !== Infinity) max = magnitude;
  }
  return max / INT8_LEVELS;
}

/**
 * Symmetric linear int8 quantisation with one scale per call: x ↦ q · scale with q ∈ [−127, 127] stochastically rounded
 * from x / scale, stored back as float32. The scale stays a float64 so the largest element maps back to itself exactly.
 * E[q] = x / scale to within 2^-31; storing q · scale as float32 adds the usual 2^-24 relative rounding on top.
 * |x| / scale exceeds 127 by at most a float64 rounding error, far below the 2^-33 stochasticRound needs to round up, so |q| ≤ 127.
 * NaN and ±Inf are kept and left out of the scale, so one diverged element neither hides nor flattens the others.
 */
export const int8Rounder: GradientRounder = {
  name: 'int8',
  round(values, stream, step, worker) {
    const scale = int8Scale(values);
    if (scale === 0) return;
    const bits = float32Bits(values);
    for (let start = 0; start < values.length; start += CHUNK) {
      const count = Math.min(CHUNK, values.length - start);
      const words = randomWords(stream, step, worker, start, count);
      for (let k = 0; k < count; k++) {
        const i = start + k;
        const x = values[i]!;
        if (!Number.isFinite(x)) continue;
        values[i] = stochasticRound(Math.abs(x) / scale, words[k]!) * scale * signOf(bits[i]!);
      }
    }
  },
};
