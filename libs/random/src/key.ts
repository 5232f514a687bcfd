import { checkSafeIndex, checkUint32 } from './check.js';
import { philoxInto } from './philox.js';

/** Every source of randomness in a run has its own stream, so turning one knob never shifts the draws of another. */
export type SeedSource = 'init' | 'shuffle' | 'order' | 'data' | 'split' | 'numeric' | 'delay' | 'fault';

// Append only: a source's position is part of every key derived for it.
const SEED_SOURCES: readonly SeedSource[] = ['init', 'shuffle', 'order', 'data', 'split', 'numeric', 'delay', 'fault'];

/** Identifies one stream; `replica` absent means a stream shared by all replicas (distinct from replica 0). */
export interface StreamKey {
  seed: number;
  source: SeedSource;
  replica?: number;
}

// ASCII "chur" "nlab": a fixed key turning Philox into a keyed 128-bit bijection, used as the mixing hash.
const DERIVATION_KEY_0 = 0x63687572;
const DERIVATION_KEY_1 = 0x6e6c6162;
const REPLICA_FLAG = 0x100;
const TWO32 = 2 ** 32;

/** Validates a stream key and returns a frozen copy, so a stream's identity cannot change under it. */
export function normalizeKey(key: StreamKey): Readonly<StreamKey> {
  checkSafeIndex('seed', key.seed);
  if (!SEED_SOURCES.includes(key.source)) {
    throw new RangeError(`source must be one of ${SEED_SOURCES.join(', ')}, got ${String(key.source)}`);
  }
  if (key.replica === undefined) return Object.freeze({ seed: key.seed, source: key.source });
  checkUint32('replica', key.replica);
  return Object.freeze({ seed: key.seed, source: key.source, replica: key.replica });
}

/**
 * The Philox key of a stream: Philox under a constant key applied to (seed lo, seed hi, source | replica flag, replica).
 * Philox is a bijection on 128-bit blocks, so distinct stream keys give unrelated 64-bit keys.
 */
export function deriveKey(key: Readonly<StreamKey>): [number, number] {
  const seedLo = key.seed >>> 0;
  const seedHi = (key.seed - seedLo) / TWO32;
  const tag = SEED_SOURCES.indexOf(key.source) | (key.replica === undefined ? 0 : REPLICA_FLAG);
  const out = new Uint32Array(4);
  philoxInto(out, seedLo, seedHi, tag, key.replica ?? 0, DERIVATION_KEY_0, DERIVATION_KEY_1);
  return [out[0]!, out[1]!];
}
