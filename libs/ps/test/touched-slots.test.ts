import { describe, expect, it } from 'vitest';
import { touchedIds } from '@churnlab/model';
import { SharedParameters } from '../src/index.js';
import { size, tables } from './sparse-fixture.js';

describe('SharedParameters touched rows per gradient slot', () => {
  it('gives each slot, in shared memory, room for every row id of every table, seen alike through attach', () => {
    const store = SharedParameters.create(new Float32Array(size), 3, 0, tables);
    expect(store.handle.tables).toEqual(tables);
    const mine = store.touchedRows(1)!;
    expect(mine.ids.map((ids) => ids.length)).toEqual([40, 9]);
    expect(mine.ids.every((ids) => ids.buffer instanceof SharedArrayBuffer)).toBe(true);
    mine.ids[0]!.set([3, 17]);
    mine.counts[0] = 2;
    const other = SharedParameters.attach(store.handle).touchedRows(1)!;
    expect(Array.from(touchedIds(other, 0))).toEqual([3, 17]);
    expect(other.counts[1]).toBe(0);
    // Slots do not share ids or counts.
    for (const slot of [0, 2]) {
      expect(Array.from(store.touchedRows(slot)!.counts)).toEqual([0, 0]);
      expect(store.touchedRows(slot)!.ids.every((ids) => ids.every((id) => id === 0))).toBe(true);
    }
  });

  it('has no touched rows without tables, and refuses slots that do not exist', () => {
    const store = SharedParameters.create(new Float32Array(4), 2);
    expect(store.touchedRows(0)).toBeUndefined();
    expect(store.handle.tables).toEqual([]);
    expect(() => SharedParameters.create(new Float32Array(size), 2, 0, tables).touchedRows(2)).toThrow('gradient slot 2 does not exist (0..1)');
  });

  it.each([
    [[{ offset: 190, rows: 4, dimension: 3 }], 'embedding table 0 (offset 190, 4 rows × 3) does not fit'],
    [[tables[1]!, tables[0]!], 'embedding table 1 (offset 5, 40 rows × 4) does not fit: tables must be ascending, disjoint and inside the 200 parameters'],
    [[{ offset: 0, rows: 0, dimension: 3 }], 'embedding table 0 (offset 0, 0 rows × 3) does not fit'],
  ])('refuses tables that do not fit the parameters: %o', (bad, message) => {
    expect(() => SharedParameters.create(new Float32Array(size), 1, 0, bad)).toThrow(message);
  });
});
