import { describe, expect, it } from 'vitest';
import { float32Below1, normalFromBlock, uniform53 } from '../src/uniform.js';

describe('uniform53', () => {
  it('spans [0, 1) on the 2^-53 grid', () => {
    expect(uniform53(0, 0)).toBe(0);
    expect(uniform53(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
    expect(uniform53(0, 1 << 6)).toBe(2 ** -53);
    expect(uniform53(0x80000000, 0)).toBe(0.5);
  });
});

describe('float32Below1', () => {
  it('keeps values that would round up to 1 just below it', () => {
    expect(Math.fround(1 - 2 ** -26)).toBe(1);
    expect(float32Below1(1 - 2 ** -26)).toBe(1 - 2 ** -24);
    expect(float32Below1(1 - 2 ** -53)).toBeLessThan(1);
  });

  it('otherwise rounds to the nearest float32', () => {
    expect(float32Below1(0.1)).toBe(Math.fround(0.1));
    expect(float32Below1(0)).toBe(0);
  });
});

describe('normalFromBlock', () => {
  it('is finite even for the block that gives u1 at its maximum', () => {
    expect(Number.isFinite(normalFromBlock(Uint32Array.of(0xffffffff, 0xffffffff, 0, 0)))).toBe(true);
    expect(normalFromBlock(Uint32Array.of(0, 0, 0, 0))).toBe(0);
  });

  it('is the Box–Muller cosine branch', () => {
    // u1 = 0.5 and u2 = 0 give sqrt(−2 ln 0.5)·cos 0.
    expect(normalFromBlock(Uint32Array.of(0x80000000, 0, 0, 0))).toBeCloseTo(Math.sqrt(2 * Math.LN2), 15);
  });
});
