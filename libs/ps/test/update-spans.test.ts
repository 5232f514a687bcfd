import { describe, expect, it } from 'vitest';
import { updateSpans } from '../src/index.js';
import { size, touchedOf } from './sparse-fixture.js';

const pairs = ({ spans, count }: { spans: Uint32Array; count: number }) => Array.from({ length: count }, (_, i) => [spans[2 * i]!, spans[2 * i + 1]!]);

describe('updateSpans', () => {
  it('selects the dense ranges and each touched row, merging neighbours', () => {
    // Table 0 rows at 5 + 4r, table 1 rows at 168 + 3r. Row 0 of table 0 runs on from the dense [0, 5); rows 3 and 4 are adjacent.
    expect(pairs(updateSpans(touchedOf([0, 3, 4, 39], [8]), size, 0, size))).toEqual([
      [0, 9],
      [17, 25],
      [161, 168],
      [192, 200],
    ]);
  });

  it('selects only the dense ranges when no row is touched', () => {
    expect(pairs(updateSpans(touchedOf([], []), size, 0, size))).toEqual([
      [0, 5],
      [165, 168],
      [195, 200],
    ]);
  });

  it('clips to a shard range that cuts through a table and through a row, relative to the shard start', () => {
    // Shard [19, 172): starts inside row 3 of table 0 ([17, 21)) and ends inside row 1 of table 1 ([171, 174)); row 0 ([168, 171)) is whole.
    expect(pairs(updateSpans(touchedOf([2, 3, 10], [0, 1]), size, 19, 172))).toEqual([
      [0, 2],
      [26, 30],
      [146, 153],
    ]);
    // A shard holding no touched row of table 0 and none of the dense part.
    expect(pairs(updateSpans(touchedOf([2, 30], []), size, 50, 100))).toEqual([]);
  });

  it('reuses the buffer it is given when it is big enough', () => {
    const first = updateSpans(touchedOf([1, 2, 3], [4]), size, 0, size);
    const again = updateSpans(touchedOf([7], []), size, 0, size, first);
    expect(again).toBe(first);
    expect(pairs(again)).toEqual([
      [0, 5],
      [33, 37],
      [165, 168],
      [195, 200],
    ]);
  });
});
