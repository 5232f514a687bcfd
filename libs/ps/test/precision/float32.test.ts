import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float32Rounder } from '../../src/precision/float32.js';
import { bitsOf, rounded } from './rounder-contract.js';

describe('float32', () => {
  it('leaves every float32 unchanged, bit for bit, NaN payloads and −0 included', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 50 }), fc.nat(), (values, step) => {
        expect(bitsOf(rounded(float32Rounder, values, step))).toEqual(bitsOf(values));
      }),
    );
  });
});
