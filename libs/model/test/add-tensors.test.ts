import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend, tf } from '@churnlab/tensor';
import { addTensors, treeReduce, treeSum } from '../src/index.js';

// Magnitudes over eight decades, so that the order of the additions changes the float32 result.
const vector = (length: number, seed: number) => Float32Array.from({ length }, (_, i) => Math.sin(seed * 1000 + i * 13) * 10 ** ((seed + i) % 9 - 4));

describe('addTensors on WASM, as the combine step of treeReduce', () => {
  beforeAll(() => initWasmBackend());

  it.each([1, 2, 3, 5, 8, 13])('sums %i leaves of two blocks bit for bit as treeSum over the same values', (count) => {
    const blocks = [[7, 5], [33]] as const;
    const leaves = Array.from({ length: count }, (_, leaf) => blocks.map((shape, b) => vector(shape.reduce((x, y) => x * y, 1), leaf * 2 + b)));
    const before = tf.memory().numTensors;
    const sums = treeReduce(count, (i) => blocks.map((shape, b) => tf.tensor(leaves[i]![b]!, [...shape])), addTensors);
    blocks.forEach((_, b) => {
      const expected = treeSum(leaves.map((leaf) => new Float32Array(leaf[b]!)));
      expect(sums[b]!.dataSync()).toEqual(expected);
    });
    // Every leaf and intermediate sum was disposed; the caller owns the results alone.
    expect(tf.memory().numTensors - before).toBe(blocks.length);
    sums.forEach((t) => t.dispose());
  });

  it('refuses leaves with different numbers of tensors', () => {
    expect(() => addTensors([tf.zeros([2])], [tf.zeros([2]), tf.zeros([2])])).toThrow(/lists of 1 and 2 tensors/);
  });
});
