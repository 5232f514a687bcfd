import { describe, expect, it } from 'vitest';
import { MAX_TYPED_ARRAY_LENGTH } from '../src/typed-array-limit.js';

describe('MAX_TYPED_ARRAY_LENGTH', () => {
  it('is the longest typed array this Node.js makes: one element more is refused before any memory is taken', () => {
    expect(Number.isSafeInteger(MAX_TYPED_ARRAY_LENGTH)).toBe(true);
    expect(() => new Float32Array(MAX_TYPED_ARRAY_LENGTH + 1)).toThrow(/Invalid typed array length/);
  });

  it('is 2³² in Node 20, the runtime churnlab is built for', () => {
    if (process.versions.node.startsWith('20.')) expect(MAX_TYPED_ARRAY_LENGTH).toBe(2 ** 32);
  });
});
