import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, randomWords, signOf, stochasticRound } from '../../src/precision/stochastic.js';
import { bitsOfNumber, stream } from './rounder-contract.js';

const TWO32 = 2 ** 32;

describe('stochasticRound', () => {
  // With t = n + m/2^32 exactly m of the 2^32 words round up, so the probability is m/2^32 exactly: checking the threshold suffices.
  it.each([
    [5, 1],
    [5, 2 ** 20 + 3],
    [0, 2 ** 31],
    [127, TWO32 - 1],
    [2 ** 20 - 1, 12345],
  ])('rounds %i + %i·2^-32 up for exactly the words below the fraction', (n, m) => {
    const t = n + m / TWO32;
    expect([stochasticRound(t, 0), stochasticRound(t, m - 1), stochasticRound(t, m), stochasticRound(t, TWO32 - 1)]).toEqual([n + 1, n + 1, n, n]);
  });

  it('leaves integers alone for every word', () => {
    for (const word of [0, 1, 2 ** 31, TWO32 - 1]) expect([0, 1, 126, 2 ** 20 - 1].map((t) => stochasticRound(t, word))).toEqual([0, 1, 126, 2 ** 20 - 1]);
  });

  it('is ⌊t⌋ + [word < (t − ⌊t⌋)·2^32] for every t < 2^20 with 32 fractional bits', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 20 - 1), fc.nat(TWO32 - 1), fc.nat(TWO32 - 1), (n, m, word) => {
        expect(stochasticRound(n + m / TWO32, word)).toBe(n + (word < m ? 1 : 0));
      }),
    );
  });

  it('never rounds up a fraction below 2^-33, and always rounds up one above 1 − 2^-33', () => {
    for (const word of [0, 1, TWO32 - 1]) expect([stochasticRound(3 + 2 ** -40, word), stochasticRound(4 - 2 ** -40, word)]).toEqual([3, 4]);
  });
});

describe('randomWords', () => {
  it('gives element i word i mod 4 of the Philox block at index ⌊i/4⌋, across chunks', () => {
    for (const start of [0, CHUNK, 5 * CHUNK]) {
      const words = Array.from(randomWords(stream, 3, 1, start, 10));
      expect(words.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, k) => stream.words(3, 1, Math.floor((start + k) / 4))[(start + k) % 4]));
    }
  });
});

describe('signOf', () => {
  it('is −1 exactly for a set sign bit, −0 included', () => {
    expect([1, -1, 0, -0, Infinity, -Infinity].map((x) => signOf(bitsOfNumber(x)))).toEqual([1, -1, 1, -1, 1, -1]);
  });
});
