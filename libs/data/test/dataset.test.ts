import { describe, expect, it } from 'vitest';
import { gatherRows } from '../src/dataset.js';
import { categoricalCount, sliceRows, type Dataset } from '../src/index.js';
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

/** indexedDataset with two categorical features whose ids are 10·row + feature + 1. */
function withCategories(rows: number, width: number): Dataset {
  const d = indexedDataset(rows, width);
  const categories = Uint32Array.from({ length: rows * 2 }, (_, i) => 10 * Math.floor(i / 2) + (i % 2) + 1);
  return { ...d, categories, buckets: [100, 200], categoryNames: ['a', 'b'] };
}

describe('categorical features', () => {
  it('are counted by their bucket list', () => {
    expect(categoricalCount(indexedDataset(3, 2))).toBe(0);
    expect(categoricalCount(withCategories(3, 2))).toBe(2);
  });

  it('are sliced with their rows, as views', () => {
    const d = withCategories(5, 1);
    const s = sliceRows(d, 1, 3);
    expect([...s.categories!]).toEqual([11, 12, 21, 22]);
    expect(s.categories!.buffer).toBe(d.categories!.buffer);
    expect(s.buckets).toEqual([100, 200]);
  });

  it('are gathered with their rows', () => {
    const g = gatherRows(withCategories(5, 1), Uint32Array.of(4, 0), 'g');
    expect([...g.categories!]).toEqual([41, 42, 1, 2]);
    expect(g.categoryNames).toEqual(['a', 'b']);
  });

  it('stay absent when a dataset has none', () => {
    expect('categories' in sliceRows(indexedDataset(3, 1), 0, 2)).toBe(false);
    expect('categories' in gatherRows(indexedDataset(3, 1), Uint32Array.of(1), 'g')).toBe(false);
  });
});
