import { afterAll, describe, expect, it } from 'vitest';
import { initCpuBackend, initWasmBackend, tf } from '@churnlab/tensor';
import { sliceColumns, sliceRows } from '../src/heap-slices.js';

const backends = [
  ['WASM', initWasmBackend],
  ['CPU', initCpuBackend],
] as const;

describe.each(backends)('slicing examples out of a tensor on %s', (_backend, init) => {
  afterAll(async () => {
    await initWasmBackend();
  });

  it('takes columns of a matrix as tf.slice does', async () => {
    await init();
    const matrix = tf.tensor2d(Float32Array.from({ length: 9 * 7 }, (_, i) => Math.sin(i) * 100), [9, 7]);
    for (const [start, count] of [[0, 7], [2, 3], [6, 1]] as const) {
      const sliced = sliceColumns(matrix, start, count);
      expect(sliced.shape).toEqual([9, count]);
      expect(Array.from(sliced.dataSync())).toEqual(Array.from(tf.slice(matrix, [0, start], [-1, count]).dataSync()));
    }
  });

  it('takes rows of a vector and of a matrix as tf.slice does', async () => {
    await init();
    const vector = tf.tensor1d(Float32Array.from({ length: 8 }, (_, i) => i * 1.5));
    expect(Array.from(sliceRows(vector, 3, 4).dataSync())).toEqual([4.5, 6, 7.5, 9]);
    const matrix = tf.tensor2d(Float32Array.from({ length: 6 * 3 }, (_, i) => i), [6, 3]);
    const rows = sliceRows(matrix, 1, 2);
    expect(rows.shape).toEqual([2, 3]);
    expect(Array.from(rows.dataSync())).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('refuses a range outside the tensor or an empty one', async () => {
    await init();
    const matrix = tf.zeros([4, 5]);
    expect(() => sliceColumns(matrix, 3, 3)).toThrow('slice: columns [3, 6) are not allowed; expected a non-empty range inside the 5 columns');
    expect(() => sliceRows(matrix, 0, 0)).toThrow('slice: rows [0, 0) are not allowed; expected a non-empty range inside the 4 rows');
  });
});
