import { checkInteger, checkSafeIndex, checkUint32 } from './check.js';
import { deriveKey, normalizeKey, type SeedSource, type StreamKey } from './key.js';
import { philoxInto } from './philox.js';
import { float32Below1, normalFromBlock, uniform53 } from './uniform.js';

const TWO32 = 2 ** 32;
// Indices stay below 2^53, so the counter's index-hi word uses 21 bits; the 11 bits above
// number extra blocks for rejection sampling, which no index can ever reach.
const INDEX_HI_SPAN = 2 ** 21;
const REJECTION_BLOCKS = 2 ** 11;

/**
 * A counter-based random stream: every value is a pure function of (stream key, step, worker, index),
 * never of call order, so threads may ask in any order and get the same numbers.
 * Callers give each purpose its own (step, worker) or stream: uniform, normal and intBelow at one counter share bits.
 */
export class SeedStream {
  readonly key: StreamKey;
  readonly #k0: number;
  readonly #k1: number;
  // Scratch block reused by every draw; JavaScript runs one call at a time per thread, so sharing is safe.
  readonly #block = new Uint32Array(4);

  constructor(key: StreamKey) {
    this.key = normalizeKey(key);
    [this.#k0, this.#k1] = deriveKey(this.key);
  }

  /** The raw Philox block at counter (step, worker, index lo, index hi). */
  words(step: number, worker: number, index: number): [number, number, number, number] {
    checkCounter(step, worker, index);
    const b = this.#at(step, worker, index);
    return [b[0]!, b[1]!, b[2]!, b[3]!];
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(step: number, worker: number, index: number): number {
    checkCounter(step, worker, index);
    const b = this.#at(step, worker, index);
    return uniform53(b[0]!, b[1]!);
  }

  /** out[i] = uniform(step, worker, i); float32 output is rounded to nearest but kept below 1. */
  fillUniform(out: Float64Array | Float32Array, step: number, worker: number): void {
    checkCounter(step, worker, 0);
    const toElement = out instanceof Float32Array ? float32Below1 : (u: number) => u;
    for (let i = 0; i < out.length; i++) {
      const b = this.#at(step, worker, i);
      out[i] = toElement(uniform53(b[0]!, b[1]!));
    }
  }

  /** out[i] = a standard normal drawn from counter (step, worker, i) alone. */
  fillNormal(out: Float64Array | Float32Array, step: number, worker: number): void {
    checkCounter(step, worker, 0);
    for (let i = 0; i < out.length; i++) out[i] = normalFromBlock(this.#at(step, worker, i));
  }

  /** An unbiased integer in [0, n) for 1 ≤ n ≤ 2^32. */
  intBelow(n: number, step: number, worker: number, index: number): number {
    checkInteger('n', n, 1, TWO32);
    checkCounter(step, worker, index);
    return this.#intBelow(n, step, worker, index);
  }

  /** A uniformly random permutation of 0..n−1 by Fisher–Yates; the swap for position i draws at index i. */
  permutation(n: number, step: number, worker: number): Uint32Array {
    checkInteger('n', n, 0, TWO32 - 1);
    checkCounter(step, worker, 0);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.#intBelow(i + 1, step, worker, i);
      const held = order[i]!;
      order[i] = order[j]!;
      order[j] = held;
    }
    return order;
  }

  #at(step: number, worker: number, index: number, block = 0): Uint32Array {
    const lo = index >>> 0;
    const hi = (index - lo) / TWO32 + block * INDEX_HI_SPAN;
    philoxInto(this.#block, step, worker, lo, hi, this.#k0, this.#k1);
    return this.#block;
  }

  #intBelow(n: number, step: number, worker: number, index: number): number {
    // Accept only words below the largest multiple of n, so every residue has equally many preimages.
    const limit = TWO32 - (TWO32 % n);
    for (let block = 0; block < REJECTION_BLOCKS; block++) {
      for (const word of this.#at(step, worker, index, block)) if (word < limit) return word % n;
    }
    // Each word is rejected with probability < 1/2, so getting here has probability below 2^-8192.
    throw new Error(`intBelow(${n}) rejected ${4 * REJECTION_BLOCKS} words in a row at (${step}, ${worker}, ${index})`);
  }
}

function checkCounter(step: number, worker: number, index: number): void {
  checkUint32('step', step);
  checkUint32('worker', worker);
  checkSafeIndex('index', index);
}

/** Shorthand for new SeedStream({ seed, source, replica }). */
export function seedStream(seed: number, source: SeedSource, replica?: number): SeedStream {
  return new SeedStream(replica === undefined ? { seed, source } : { seed, source, replica });
}
