import { checkUint32 } from './check.js';

// Philox4x32-10 constants from Salmon et al., "Parallel random numbers: as easy as 1, 2, 3" (SC'11) / Random123.
const MULTIPLIER_0 = 0xd2511f53;
const MULTIPLIER_1 = 0xcd9e8d57;
const WEYL_0 = 0x9e3779b9;
const WEYL_1 = 0xbb67ae85;
const ROUNDS = 10;
const TWO16 = 0x10000;

/** High 32 bits of the 64-bit product a·b of two uint32 values, exactly: each partial product stays below 2^53. */
function mulHi(a: number, b: number): number {
  const aHi = a >>> 16;
  const aLo = a & 0xffff;
  const carry = Math.floor((aLo * b) / TWO16);
  return Math.floor((aHi * b + carry) / TWO16) >>> 0;
}

/**
 * Philox4x32-10 block into `out`, with no validation and no allocation: the hot path for every draw.
 * Callers pass uint32 words; the key schedule bumps the key between rounds exactly as Random123 does.
 */
export function philoxInto(out: Uint32Array, c0: number, c1: number, c2: number, c3: number, k0: number, k1: number): void {
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) {
      k0 = (k0 + WEYL_0) >>> 0;
      k1 = (k1 + WEYL_1) >>> 0;
    }
    const hi0 = mulHi(MULTIPLIER_0, c0);
    const lo0 = Math.imul(MULTIPLIER_0, c0) >>> 0;
    const hi1 = mulHi(MULTIPLIER_1, c2);
    const lo1 = Math.imul(MULTIPLIER_1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/** Philox4x32-10 of a 4-word counter under a 2-word key (all uint32), bit-identical to Random123. */
export function philox4x32(
  counter: readonly [number, number, number, number],
  key: readonly [number, number],
): [number, number, number, number] {
  counter.forEach((word, i) => checkUint32(`counter[${i}]`, word));
  key.forEach((word, i) => checkUint32(`key[${i}]`, word));
  const out = new Uint32Array(4);
  philoxInto(out, counter[0], counter[1], counter[2], counter[3], key[0], key[1]);
  return [out[0]!, out[1]!, out[2]!, out[3]!];
}
