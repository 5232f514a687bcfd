import { describe, expect, it } from 'vitest';
import { gatherRows } from '../src/dataset.js';
import { sliceRows } from '../src/index.js';
import { indexedDataset, sourceRows } from './fixtures.js';

describe('sliceRows', () => {
  it('selects rows [start, end) as views on the same memory', () => {
    const d = indexedDataset(10, 3);
    const s = sliceRows(d, 2, 5);
    expect(s.rows).toBe(3);
    expect([...s.features]).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(sourceRows(s)).toEqual([2, 3, 4]);
    expect(s.features.buffer).toBe(d.features.buffer);
    s.labels[0] = -1;
    expect(d.labels[2]).toBe(-1);
  });

  it('allows empty and whole ranges', () => {
    const d = indexedDataset(4, 2);
    expect(sliceRows(d, 4, 4).rows).toBe(0);
    expect(sliceRows(d, 0, 4).features).toEqual(d.features);
  });

  it.each([
    [-1, 2, /start .*got -1/],
    [3, 2, /end .*got 2/],
    [0, 5, /end .*got 5/],
    [0.5, 2, /start .*got 0.5/],
  ])('rejects start %s end %s', (start, end, message) => {
    expect(() => sliceRows(indexedDataset(4, 2), start, end)).toThrow(RangeError);
    expect(() => sliceRows(indexedDataset(4, 2), start, end)).toThrow(message);
  });
});

describe('gatherRows', () => {
  it('copies the listed rows in order', () => {
    const d = indexedDataset(5, 2);
    const g = gatherRows(d, Uint32Array.of(4, 0, 4), 'picked');
    expect(g.name).toBe('picked');
    expect(g.rows).toBe(3);
    expect([...g.features]).toEqual([8, 9, 0, 1, 8, 9]);
    expect(sourceRows(g)).toEqual([4, 0, 4]);
    expect(g.features.buffer).not.toBe(d.features.buffer);
  });
});
