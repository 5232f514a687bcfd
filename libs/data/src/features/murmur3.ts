const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3_x86_32 of `bytes` under `seed`, as an unsigned 32-bit integer: the same on every platform and endianness. */
export function murmur3(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    const k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h ^= scramble(k);
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = bytes.length & 3;
  if (rest > 0) {
    let tail = 0;
    for (let i = rest - 1; i >= 0; i--) tail = (tail << 8) | bytes[blocks + i]!;
    h ^= scramble(tail);
  }
  return finalMix(h ^ bytes.length);
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** murmur3 of the UTF-8 bytes of `text`. */
export function murmur3String(text: string, seed: number): number {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return murmur3(scratch.subarray(0, written), seed);
}

function scramble(k: number): number {
  return Math.imul(rotl(Math.imul(k, C1), 15), C2);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
