import { seedStream } from '@churnlab/random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochOrder, type ShuffleSpec } from '../src/index.js';

const isPermutation = (order: Uint32Array) => [...order].sort((a, b) => a - b).every((v, i) => v === i);
const identity = (rows: number) => Uint32Array.from({ length: rows }, (_, i) => i);

const specs: fc.Arbitrary<ShuffleSpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'full' as const }),
  fc.integer({ min: 1, max: 300 }).map((size) => ({ kind: 'window' as const, size })),
);

describe('epochOrder', () => {
  it('is a deterministic permutation for every spec', () => {
    fc.assert(
      fc.property(fc.nat(600), specs, fc.nat(100), fc.nat(4), fc.nat(10), (rows, spec, seed, replica, epoch) => {
        const order = epochOrder(rows, spec, seed, replica, epoch);
        expect(order.length).toBe(rows);
        expect(isPermutation(order)).toBe(true);
        expect(epochOrder(rows, spec, seed, replica, epoch)).toEqual(order);
      }),
    );
  });

  it("'none' is the identity", () => {
    expect(epochOrder(100, { kind: 'none' }, 1, 2, 3)).toEqual(identity(100));
  });

  it('a window of 1 is the identity', () => {
    expect(epochOrder(100, { kind: 'window', size: 1 }, 1, 2, 3)).toEqual(identity(100));
  });

  it('a shuffle buffer of W rows never emits a row before it was read: order[p] ≤ p + W − 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 100 }), fc.nat(100), fc.nat(10), (rows, size, seed, epoch) => {
        epochOrder(rows, { kind: 'window', size }, seed, 0, epoch).forEach((row, p) => expect(row).toBeLessThanOrEqual(p + size - 1));
      }),
    );
  });

  it('a shuffle buffer moves rows both ways, and far later than their window', () => {
    const size = 10;
    const order = epochOrder(10_000, { kind: 'window', size }, 5, 0, 0);
    const lateness = [...order].map((row, p) => p - row);
    expect(Math.min(...lateness)).toBe(-(size - 1));
    expect(Math.max(...lateness)).toBeGreaterThan(5 * size);
  });

  it.each<ShuffleSpec>([{ kind: 'full' }, { kind: 'window', size: 50 }])('%j differs per epoch, replica and seed', (spec) => {
    const base = epochOrder(1000, spec, 1, 0, 0);
    expect(epochOrder(1000, spec, 1, 0, 1)).not.toEqual(base);
    expect(epochOrder(1000, spec, 1, 1, 0)).not.toEqual(base);
    expect(epochOrder(1000, spec, 2, 0, 0)).not.toEqual(base);
  });

  it('full shuffling visits rows in the order of seedStream(seed, shuffle, replica).permutation(rows, epoch, 0)', () => {
    expect(epochOrder(500, { kind: 'full' }, 3, 2, 7)).toEqual(seedStream(3, 'shuffle', 2).permutation(500, 7, 0));
  });

  it.each<[string, () => unknown, RegExp]>([
    ['rows', () => epochOrder(-1, { kind: 'none' }, 1, 0, 0), /rows .*got -1/],
    ['epoch', () => epochOrder(10, { kind: 'none' }, 1, 0, 1.5), /epoch .*got 1.5/],
    ['seed', () => epochOrder(10, { kind: 'none' }, -2, 0, 0), /seed .*got -2/],
    ['replica', () => epochOrder(10, { kind: 'full' }, 1, -1, 0), /replica .*got -1/],
    ['window size', () => epochOrder(10, { kind: 'window', size: 0 }, 1, 0, 0), /shuffle.size .*got 0/],
    ['kind', () => epochOrder(10, { kind: 'sorted' } as unknown as ShuffleSpec, 1, 0, 0), /shuffle.kind .*got sorted/],
  ])('rejects a bad %s with a RangeError naming it', (_, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
