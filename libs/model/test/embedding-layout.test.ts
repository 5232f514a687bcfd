import { describe, expect, it } from 'vitest';
import { embeddingTables, mlpInputWidth, Network, parameterLayout, validateModelSpec, type ModelSpec } from '../src/index.js';

const plain: ModelSpec = { inputs: 3, hidden: [4], outputs: 1, activation: 'relu', layerNorm: false };
const withTables: ModelSpec = { ...plain, embeddings: { buckets: [5, 2], dimension: 3 } };

describe('parameterLayout with embedding tables', () => {
  it('puts one [buckets, dimension] block per table first, then the MLP whose first layer reads dense ‖ embeddings', () => {
    const layout = parameterLayout(withTables);
    expect(layout.blocks.map((b) => [b.name, b.role, b.layer, b.offset, b.shape])).toEqual([
      ['embedding0/table', 'embedding', -1, 0, [5, 3]],
      ['embedding1/table', 'embedding', -1, 15, [2, 3]],
      ['dense0/kernel', 'kernel', 0, 21, [3 + 2 * 3, 4]],
      ['dense0/bias', 'bias', 0, 57, [4]],
      ['dense1/kernel', 'kernel', 1, 61, [4, 1]],
      ['dense1/bias', 'bias', 1, 65, [1]],
    ]);
    expect(layout.size).toBe(66);
    expect(mlpInputWidth(withTables)).toBe(9);
  });

  it('describes the tables for sparse consumers: offset, rows and dimension, in table order', () => {
    expect(embeddingTables(parameterLayout(withTables))).toEqual([
      { offset: 0, rows: 5, dimension: 3 },
      { offset: 15, rows: 2, dimension: 3 },
    ]);
    expect(embeddingTables(parameterLayout(plain))).toEqual([]);
  });

  it('leaves the layout of a model without tables (or with an empty bucket list) as it was', () => {
    const before = parameterLayout(plain);
    expect(parameterLayout({ ...plain, embeddings: { buckets: [], dimension: 8 } })).toEqual(before);
    expect(before.blocks.map((b) => b.name)).toEqual(['dense0/kernel', 'dense0/bias', 'dense1/kernel', 'dense1/bias']);
  });

  it('gives the Network the MLP blocks apart from the tables', () => {
    const network = new Network(withTables);
    expect(network.mlpBlocks.map((b) => b.name)).toEqual(['dense0/kernel', 'dense0/bias', 'dense1/kernel', 'dense1/bias']);
    expect(network.tables).toEqual(embeddingTables(network.layout));
  });
});

describe('validateModelSpec with embedding tables', () => {
  it('accepts a model of embeddings alone (no dense features), and refuses one with neither', () => {
    expect(() => validateModelSpec({ ...withTables, inputs: 0 })).not.toThrow();
    expect(parameterLayout({ ...withTables, inputs: 0 }).blocks[2]!.shape).toEqual([6, 4]);
    expect(() => validateModelSpec({ ...plain, inputs: 0 })).toThrow('model.inputs: 0 is not allowed; expected a positive integer');
  });

  it.each([
    [{ dimension: 0, buckets: [5] }, 'model.embeddings.dimension: 0 is not allowed; expected a positive integer'],
    [{ dimension: 2.5, buckets: [5] }, 'model.embeddings.dimension: 2.5 is not allowed'],
    [{ dimension: 2, buckets: [5, 0] }, 'model.embeddings.buckets[1]: 0 is not allowed; expected an integer from 1 to 4294967295'],
    [{ dimension: 2, buckets: [2 ** 32] }, 'model.embeddings.buckets[0]: 4294967296 is not allowed'],
  ])('rejects %o, naming the field', (embeddings, message) => {
    expect(() => validateModelSpec({ ...plain, embeddings })).toThrow(RangeError);
    expect(() => validateModelSpec({ ...plain, embeddings })).toThrow(message);
  });

  it('rejects negative dense inputs even with tables', () => {
    expect(() => validateModelSpec({ ...withTables, inputs: -1 })).toThrow('model.inputs: -1 is not allowed; expected a whole number ≥ 0');
  });
});
