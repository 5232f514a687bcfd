import { describe, expect, it } from 'vitest';
import { createTouchedRows, packedLength, packedRowsLength, packRows, packRowsWithin, packTouched, setTouchedFromIds, treeSum, unpackRows, unpackTouched, zeroTouched } from '../src/index.js';

// Elements 0–1 dense, table 0 at 2 (4 rows × 2), dense 10–11, table 1 at 12 (3 rows × 1), dense 15–16.
const tables = [
  { offset: 2, rows: 4, dimension: 2 },
  { offset: 12, rows: 3, dimension: 1 },
];
const size = 17;

function touchedOf(t0: number[], t1: number[]) {
  const touched = createTouchedRows(tables);
  setTouchedFromIds(touched, 0, Uint32Array.from(t0));
  setTouchedFromIds(touched, 1, Uint32Array.from(t1));
  return touched;
}

/** A gradient that is zero outside its dense part and its touched rows, as BatchGradient leaves one. */
function sparseGradient(t0: number[], t1: number[], seed: number): Float32Array {
  const values = Float32Array.from({ length: size }, (_, i) => Math.sin(seed * 31 + i * 7) * 10 ** ((i % 5) - 2));
  // Unpacking its own packed elements into zeros leaves just the dense part and the touched rows.
  const touched = touchedOf(t0, t1);
  const g = new Float32Array(size);
  unpackTouched(packTouched(values, touched, new Float32Array(size)), touched, g);
  return g;
}

describe('sparse gradient helpers', () => {
  it('pack the selected elements in order and unpack them back in place, leaving the rest alone', () => {
    const touched = touchedOf([1], [0, 2]);
    const values = Float32Array.from({ length: size }, (_, i) => i + 1);
    expect(packedLength(size, touched)).toBe(2 + 2 + 2 + 2 + 2);
    const packed = packTouched(values, touched, new Float32Array(20));
    expect(Array.from(packed)).toEqual([1, 2, 5, 6, 11, 12, 13, 15, 16, 17]);
    const target = new Float32Array(size).fill(-1);
    unpackTouched(packed, touched, target);
    expect(Array.from(target)).toEqual([1, 2, -1, -1, 5, 6, -1, -1, -1, -1, 11, 12, 13, -1, 15, 16, 17]);
    expect(() => packTouched(values, touched, new Float32Array(9))).toThrow(RangeError);
    expect(() => unpackTouched(packed.subarray(1), touched, target)).toThrow(RangeError);
  });

  it('pack and unpack the touched rows alone, without the dense part', () => {
    const touched = touchedOf([1, 2], [0]);
    const values = Float32Array.from({ length: size }, (_, i) => i + 1);
    expect(packedRowsLength(touched)).toBe(2 + 2 + 1);
    // Rows 1 and 2 of table 0 are elements [4,8), merged into one span; row 0 of table 1 is element 12.
    const packed = packRows(values, touched, new Float32Array(8));
    expect(Array.from(packed)).toEqual([5, 6, 7, 8, 13]);
    const target = new Float32Array(size).fill(-1);
    unpackRows(packed, touched, target);
    expect(Array.from(target)).toEqual([-1, -1, -1, -1, 5, 6, 7, 8, -1, -1, -1, -1, 13, -1, -1, -1, -1]);
    expect(() => packRows(values, touched, new Float32Array(4))).toThrow(/needs 5 elements, the output has 4/);
    expect(() => unpackRows(packed.subarray(1), touched, target)).toThrow(/4 packed elements do not match the 5/);
  });

  it('pack a subset of rows to the layout of a larger set exactly as packRows does when the other rows are zero', () => {
    const within = touchedOf([0, 1, 3], [0, 2]);
    const rows = touchedOf([1, 3], [2]);
    const values = sparseGradient([1, 3], [2], 5);
    const expected = packRows(values, within, new Float32Array(packedRowsLength(within)));
    const stale = new Float32Array(packedRowsLength(within) + 3).fill(Number.NaN);
    const packed = packRowsWithin(values, rows, within, stale);
    expect(packed).toEqual(expected);
    expect(Array.from(stale.subarray(packed.length))).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(() => packRowsWithin(values, touchedOf([2], []), within, stale)).toThrow(/row 2 of table 0 is not among the rows packed to/);
    expect(() => packRowsWithin(values, rows, within, new Float32Array(4))).toThrow(/needs 8 elements, the output has 4/);
  });

  it('zero only the touched rows', () => {
    const values = new Float32Array(size).fill(3);
    zeroTouched(values, touchedOf([0, 3], [1]));
    expect(Array.from(values)).toEqual([3, 3, 0, 0, 3, 3, 3, 3, 0, 0, 3, 3, 3, 0, 3, 3, 3]);
  });

  it('sum packed over the union of touched rows exactly as the full vectors sum, bit for bit', () => {
    const rowSets: Array<[number[], number[]]> = [[[0, 2], [1]], [[2], []], [[3, 0], [1, 2]], [[], [2]], [[2], [1]]];
    const leaves = rowSets.map(([t0, t1], i) => sparseGradient(t0, t1, i));
    const full = treeSum(leaves.map((l) => new Float32Array(l)));
    const union = touchedOf([0, 1, 2, 3].filter((r) => rowSets.some(([t0]) => t0.includes(r))), [0, 1, 2].filter((r) => rowSets.some(([, t1]) => t1.includes(r))));
    const packed = treeSum(leaves.map((l) => packTouched(l, union, new Float32Array(size))));
    const result = new Float32Array(size);
    unpackTouched(packed, union, result);
    expect(result).toEqual(full);
  });
});
