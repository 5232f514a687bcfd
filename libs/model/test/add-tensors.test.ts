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

  it('adds into the left tensor where the WASM backend keeps it, making no tensor', () => {
    const [left, right] = [tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([0.5, 0.25, -3, 1e-8], [2, 2])];
    const before = tf.memory().numTensors;
    const [sum] = addTensors([left], [right]);
    expect(sum).toBe(left);
    expect(right.isDisposed).toBe(true);
    expect(tf.memory().numTensors).toBe(before - 1);
    expect(Array.from(sum!.dataSync())).toEqual([1.5, 2.25, 0, 4]);
    sum!.dispose();
  });

  it('leaves values that another tensor shares alone, and adds a broadcast right operand as tf.add does', () => {
    const base = tf.tensor1d([1, 2, 3, 4]);
    const shared = tf.reshape(base, [2, 2]);
    const [sum] = addTensors([shared], [tf.tensor2d([10, 20, 30, 40], [2, 2])]);
    expect(Array.from(sum!.dataSync())).toEqual([11, 22, 33, 44]);
    expect(Array.from(base.dataSync())).toEqual([1, 2, 3, 4]);
    const [broadcast] = addTensors([tf.tensor2d([1, 2, 3, 4], [2, 2])], [tf.tensor1d([10, 20])]);
    expect(Array.from(broadcast!.dataSync())).toEqual([11, 22, 13, 24]);
    tf.dispose([base, sum!, broadcast!]);
  });

  it('refuses leaves with different numbers of tensors', () => {
    expect(() => addTensors([tf.zeros([2])], [tf.zeros([2]), tf.zeros([2])])).toThrow(/lists of 1 and 2 tensors/);
  });
});
