const TWO_POW_MINUS_53 = 2 ** -53;
const TWO26 = 2 ** 26;
/** The largest float32 below 1. */
const FLOAT32_BELOW_ONE = 1 - 2 ** -24;

/** A uniform double in [0, 1) on the 2^-53 grid, from 27 bits of w0 and 26 bits of w1. */
export function uniform53(w0: number, w1: number): number {
  return ((w0 >>> 5) * TWO26 + (w1 >>> 6)) * TWO_POW_MINUS_53;
}

/** Nearest float32 to u ∈ [0, 1), except that values within 2^-25 of 1 would round up to 1, so they stay just below. */
export function float32Below1(u: number): number {
  const f = Math.fround(u);
  return f < 1 ? f : FLOAT32_BELOW_ONE;
}

/**
 * One standard normal from one Philox block by Box–Muller (cosine branch only), so each normal
 * depends on its own counter alone; log1p(−u1) with u1 < 1 stays finite (and gives +0, not −0, at u1 = 0).
 */
export function normalFromBlock(block: Uint32Array): number {
  const u1 = uniform53(block[0]!, block[1]!);
  const u2 = uniform53(block[2]!, block[3]!);
  return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
}
