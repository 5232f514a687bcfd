import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend } from '@churnlab/tensor';
import {
  BatchGradient,
  copyTouchedRows,
  createTouchedRows,
  initialParameters,
  Network,
  setTouchedFromIds,
  touchedIds,
  touchedRowCount,
  unionTouchedRows,
  type TouchedRows,
} from '../src/index.js';
import { binaryLabels, categories, dense, embeddingSpec, rows } from './embedding-batch.js';

const tables = [
  { offset: 0, rows: 10, dimension: 2 },
  { offset: 20, rows: 1000, dimension: 1 },
];
const ids = (t: TouchedRows) => t.tables.map((_, k) => Array.from(touchedIds(t, k)));

describe('TouchedRows', () => {
  it('keeps the distinct ids of a table ascending, whatever their order and repeats', () => {
    const touched = createTouchedRows(tables);
    setTouchedFromIds(touched, 0, Uint32Array.of(7, 2, 7, 0, 9, 2));
    expect(ids(touched)).toEqual([[0, 2, 7, 9], []]);
    setTouchedFromIds(touched, 0, Uint32Array.of(3));
    expect(ids(touched)).toEqual([[3], []]);
    expect(touchedRowCount(touched)).toBe(1);
  });

  it('grows its id buffer when a table gets more touched rows than it has room for, up to the table size', () => {
    const touched = createTouchedRows(tables);
    const many = Uint32Array.from({ length: 900 }, (_, i) => 999 - i);
    setTouchedFromIds(touched, 1, many);
    expect(touched.counts[1]).toBe(900);
    expect(Array.from(touchedIds(touched, 1))).toEqual(Array.from(many).reverse());
    expect(touched.ids[1]!.length).toBeLessThanOrEqual(1000);
  });

  it('refuses an id past the end of its table, naming the feature, the id and the table size', () => {
    expect(() => setTouchedFromIds(createTouchedRows(tables), 0, Uint32Array.of(1, 10))).toThrow(
      "categorical feature 0: bucket id 10 is not allowed; expected an id below the table's 10 rows",
    );
  });

  it('unites the touched rows of several gradients, and copies them', () => {
    const parts = [Uint32Array.of(5, 1), Uint32Array.of(1, 8, 3), Uint32Array.of()].map((a, i) => {
      const t = createTouchedRows(tables);
      setTouchedFromIds(t, 0, a);
      setTouchedFromIds(t, 1, Uint32Array.of(i * 100));
      return t;
    });
    const union = createTouchedRows(tables);
    unionTouchedRows(union, parts);
    expect(ids(union)).toEqual([
      [1, 3, 5, 8],
      [0, 100, 200],
    ]);
    const copy = createTouchedRows(tables);
    copyTouchedRows(copy, union);
    expect(ids(copy)).toEqual(ids(union));
    expect(() => unionTouchedRows(union, [union])).toThrow(RangeError);
    expect(() => copyTouchedRows(createTouchedRows([tables[0]!]), union)).toThrow('touched rows of different embedding tables cannot be combined');
  });
});

describe('BatchGradient reports exactly the rows its batch used', () => {
  beforeAll(async () => {
    await initWasmBackend();
  });

  it('per table, the distinct bucket ids of the examples, ascending; the missing bucket 0 is a row like any other', () => {
    const network = new Network(embeddingSpec('relu', [4], 1));
    const batch = new BatchGradient(network);
    batch.setParameters(initialParameters(network.layout, 1));
    const touched = createTouchedRows(network.tables);
    batch.compute(dense, binaryLabels, rows, 1, new Float32Array(network.layout.size), categories, touched);
    expect(ids(touched)).toEqual([
      [0, 1, 2, 5],
      [0, 1, 2, 3],
    ]);
    batch.compute(dense.subarray(0, 6), binaryLabels, 2, 1, new Float32Array(network.layout.size), categories.subarray(0, 4), touched);
    expect(ids(touched)).toEqual([[2, 5], [3]]);
    batch.dispose();
  });
});
