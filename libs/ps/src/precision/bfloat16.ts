import type { GradientRounder } from './gradient-rounder.js';
import { CHUNK, float32Bits, randomWords } from './stochastic.js';

const SIGN = 0x80000000;
const EXPONENT = 0x7f800000;
const KEPT_HALF = 0xffff0000;
/** The largest finite bfloat16, 0x7f7f (≈ 3.39e38), as a float32 bit pattern. */
const MAX_FINITE = 0x7f7f0000;

/**
 * bfloat16 (the top 16 bits of a float32) with stochastic rounding: adding a uniform 16-bit integer to the dropped
 * low half carries into the kept half with probability exactly (low half)/2^16, which is (x − lo)/(hi − lo) because
 * the bit pattern grows linearly with |x| between neighbours, across the subnormal/normal boundary too.
 * NaN and ±Inf are kept; finite values above the largest finite bfloat16 saturate to it (see float16.ts for why).
 */
export const bfloat16Rounder: GradientRounder = {
  name: 'bfloat16',
  round(values, stream, step, worker) {
    const bits = float32Bits(values);
    for (let start = 0; start < bits.length; start += CHUNK) {
      const count = Math.min(CHUNK, bits.length - start);
      const words = randomWords(stream, step, worker, start, count);
      for (let k = 0; k < count; k++) {
        const i = start + k;
        const b = bits[i]!;
        if ((b & EXPONENT) === EXPONENT) continue;
        // b < 0xff800000 here, so the sum stays below 2^32 and the carry lands in the kept half.
        const rounded = (b + (words[k]! >>> 16)) & KEPT_HALF;
        bits[i] = (rounded & EXPONENT) === EXPONENT ? (b & SIGN) | MAX_FINITE : rounded;
      }
    }
  },
};
