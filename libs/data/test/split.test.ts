import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededSplit } from '../src/index.js';
import { indexedDataset, sourceRows } from './fixtures.js';

describe('seededSplit', () => {
  it('splits into disjoint parts of the expected sizes that together hold every row once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.nat(1000), (rows, fraction, seed) => {
        const evalRows = Math.round(rows * fraction);
        fc.pre(evalRows >= 1 && evalRows < rows);
        const { train, eval: ev } = seededSplit(indexedDataset(rows, 2), fraction, seed);
        expect(ev.rows).toBe(evalRows);
        expect(train.rows).toBe(rows - evalRows);
        const all = [...sourceRows(train), ...sourceRows(ev)].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: rows }, (_, r) => r));
      }),
    );
  });

  it('keeps source order within each part and copies whole rows', () => {
    const { train, eval: ev } = seededSplit(indexedDataset(50, 3), 0.3, 4);
    for (const part of [train, ev]) {
      const rows = sourceRows(part);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      rows.forEach((r, i) => expect([...part.features.subarray(i * 3, i * 3 + 3)]).toEqual([3 * r, 3 * r + 1, 3 * r + 2]));
    }
    expect(train.name).toBe('indexed/train');
    expect(ev.name).toBe('indexed/eval');
  });

  it('is the same for the same seed and differs for another', () => {
    const d = indexedDataset(200, 1);
    expect(sourceRows(seededSplit(d, 0.2, 9).eval)).toEqual(sourceRows(seededSplit(d, 0.2, 9).eval));
    expect(sourceRows(seededSplit(d, 0.2, 9).eval)).not.toEqual(sourceRows(seededSplit(d, 0.2, 10).eval));
  });

  it.each([0, 1, -0.1, Number.NaN, 0.001])('rejects evalFraction %s naming it', (fraction) => {
    expect(() => seededSplit(indexedDataset(100, 1), fraction, 1)).toThrow(RangeError);
    expect(() => seededSplit(indexedDataset(100, 1), fraction, 1)).toThrow(new RegExp(`evalFraction .*got ${fraction}`));
  });

  it('rejects a bad seed', () => {
    expect(() => seededSplit(indexedDataset(10, 1), 0.5, -3)).toThrow(/seed .*got -3/);
  });
});
