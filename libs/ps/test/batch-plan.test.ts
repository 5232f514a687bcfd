import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { treeSum } from '@churnlab/model';
import { splitMicroShards, sumWorkerBlocks, workerBlocks, workerMicroShardRange } from '../src/index.js';

/** A batch whose row ids are not their positions, so a reordering would show. */
const batchOf = (length: number) => Uint32Array.from({ length }, (_, i) => 1000 + ((i * 7) % length) * 3);

describe('splitMicroShards', () => {
  it('splits 10 rows into 4 parts of 2, 3, 2, 3 rows by the ⌊jB/M⌋ rule, in order', () => {
    // Bounds ⌊j·10/4⌋ for j = 0..4: 0, 2, 5, 7, 10.
    const rows = Uint32Array.of(40, 41, 42, 43, 44, 45, 46, 47, 48, 49);
    expect(splitMicroShards(rows, 4).map((s) => Array.from(s))).toEqual([
      [40, 41],
      [42, 43, 44],
      [45, 46],
      [47, 48, 49],
    ]);
  });

  it('gives one row per part when there are as many parts as rows, and the whole batch for one part', () => {
    const rows = Uint32Array.of(9, 3, 7);
    expect(splitMicroShards(rows, 3).map((s) => Array.from(s))).toEqual([[9], [3], [7]]);
    expect(splitMicroShards(rows, 1).map((s) => Array.from(s))).toEqual([[9, 3, 7]]);
  });

  it('covers every row exactly once, in order, with part j holding rows [⌊jB/M⌋, ⌊(j+1)B/M⌋)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((b) => fc.tuple(fc.constant(b), fc.integer({ min: 1, max: b }))),
        ([b, m]) => {
          const rows = batchOf(b);
          const shards = splitMicroShards(rows, m);
          expect(shards).toHaveLength(m);
          expect(shards.flatMap((s) => Array.from(s))).toEqual(Array.from(rows));
          shards.forEach((s, j) => {
            expect(s.length).toBe(Math.floor(((j + 1) * b) / m) - Math.floor((j * b) / m));
            expect(s.length === Math.floor(b / m) || s.length === Math.ceil(b / m)).toBe(true);
          });
        },
      ),
    );
  });

  it('throws a RangeError when there are more parts than rows, naming both', () => {
    expect(() => splitMicroShards(batchOf(4), 5)).toThrow(RangeError);
    expect(() => splitMicroShards(batchOf(4), 5)).toThrow('microShards: 5 is not allowed; expected an integer from 1 to the batch of 4 rows');
  });

  // Array.from({ length }) would truncate and clamp such a count, silently dropping rows.
  it.each([0, -1, 2.5])('rejects %s micro-shards instead of dropping rows', (m) => {
    expect(() => splitMicroShards(batchOf(10), m)).toThrow(RangeError);
  });
});

describe('workerMicroShardRange', () => {
  it('hands 8 micro-shards to 3 workers as whole subtrees [0, 2), [2, 4), [4, 8)', () => {
    expect([0, 1, 2].map((w) => workerMicroShardRange(8, 3, w))).toEqual([
      [0, 2],
      [2, 4],
      [4, 8],
    ]);
  });

  it('covers micro-shards 0..M exactly once, contiguously and in worker order, for every W in 1..M', () => {
    for (let m = 1; m <= 40; m++) {
      for (let w = 1; w <= m; w++) {
        const ranges = Array.from({ length: w }, (_, k) => workerMicroShardRange(m, w, k));
        expect(ranges[0]![0]).toBe(0);
        expect(ranges[w - 1]![1]).toBe(m);
        ranges.forEach(([lo, hi], k) => {
          expect(hi, `M=${m} W=${w} worker ${k}`).toBeGreaterThan(lo);
          if (k > 0) expect(lo).toBe(ranges[k - 1]![1]);
        });
      }
    }
  });

  it('gives aligned power-of-two blocks of M/W micro-shards when W divides M = 2^k', () => {
    for (const m of [1, 2, 4, 8, 16, 32, 64]) {
      for (let w = 1; w <= m; w *= 2) {
        const size = m / w;
        for (let k = 0; k < w; k++) expect(workerMicroShardRange(m, w, k)).toEqual([k * size, (k + 1) * size]);
      }
    }
  });
});

describe('sumWorkerBlocks', () => {
  const leaves = (m: number) => Array.from({ length: m }, (_, j) => Float32Array.from({ length: 33 }, (_, i) => Math.sin(j * 31 + i) * 10 ** (((i + j) % 9) - 4)));
  const copy = (xs: Float32Array[]) => xs.map((x) => new Float32Array(x));

  it.each([
    [8, 3], [8, 5], [8, 7], [6, 3], [6, 4], [12, 5], [7, 2],
  ])('with %i micro-shards on %i workers equals the whole tree bit for bit', (m, w) => {
    const all = leaves(m);
    const whole = new Float32Array(treeSum(copy(all)));
    const blocks = workerBlocks(m, w).map(([lo, hi]) => new Float32Array(treeSum(copy(all.slice(lo, hi)))));
    expect(sumWorkerBlocks(blocks, m)).toEqual(whole);
  });

  it('rejects more workers than micro-shards, naming both', () => {
    expect(() => workerBlocks(4, 5)).toThrow('workers: 5 is not allowed; expected an integer from 1 to the 4 micro-shards');
  });
});
