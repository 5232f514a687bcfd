import { describe, expect, it } from 'vitest';
import { murmur3, murmur3String } from '../src/index.js';

describe('murmur3', () => {
  // SMHasher's MurmurHash3_x86_32 verification vectors: every tail length, byte order and unsigned seeds.
  it.each<[number[], number, number]>([
    [[], 0, 0],
    [[], 1, 0x514e28b7],
    [[], 0xffffffff, 0x81f16f39],
    [[0xff, 0xff, 0xff, 0xff], 0, 0x76293b50],
    [[0x21, 0x43, 0x65, 0x87], 0, 0xf55b516b],
    [[0x21, 0x43, 0x65, 0x87], 0x5082edee, 0x2362f9de],
    [[0x21, 0x43, 0x65], 0, 0x7e4a8634],
    [[0x21, 0x43], 0, 0xa0f7b07a],
    [[0x21], 0, 0x72661cf4],
    [[0, 0, 0, 0], 0, 0x2362f9de],
    [[0, 0, 0], 0, 0x85f0b427],
    [[0, 0], 0, 0x30f4c306],
    [[0], 0, 0x514e28b7],
  ])('hashes bytes %j under seed %i to %i', (bytes, seed, expected) => {
    expect(murmur3(Uint8Array.from(bytes), seed)).toBe(expected);
  });

  // Strings hash their UTF-8 bytes; values checked against the reference C implementation.
  it.each<[string, number, number]>([
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
    ['naïve café', 42, 0xa4975774],
    ['68fd1e64', 0, 0xc16248a1],
  ])('hashes the UTF-8 bytes of %j under seed %i to %i', (text, seed, expected) => {
    expect(murmur3String(text, seed)).toBe(expected);
    expect(murmur3(new TextEncoder().encode(text), seed)).toBe(expected);
  });

  it('hashes long strings (past the scratch buffer) the same as their bytes', () => {
    const text = 'é'.repeat(1000);
    expect(murmur3String(text, 3)).toBe(murmur3(new TextEncoder().encode(text), 3));
  });

  it('treats seeds as unsigned 32-bit integers', () => {
    expect(murmur3String('x', -1)).toBe(murmur3String('x', 0xffffffff));
  });
});
