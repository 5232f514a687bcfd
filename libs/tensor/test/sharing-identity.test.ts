import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWasmBackend, loadStockGradients, tf } from '../src/index.js';

const offsetOf = (t: tf.Tensor) => (tf.backend() as BackendWasm).getMemoryOffset(t.dataId);

describe('Identity on the WASM backend shares memory instead of copying it', () => {
  beforeAll(async () => {
    await initWasmBackend();
    await loadStockGradients();
  });

  it('a clone reads the same memory and the same values', () => {
    const x = tf.tensor2d([1, 2, 3, 4.5], [2, 2]);
    const y = tf.clone(x);
    expect(offsetOf(y)).toBe(offsetOf(x));
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4.5]);
    tf.dispose([x, y]);
  });

  it('the memory lives until the last tensor that shares it is disposed', () => {
    const before = tf.memory().numBytes;
    const x = tf.tensor1d([7, 8, 9]);
    const y = tf.clone(x);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([7, 8, 9]);
    // A new tensor must not be given the memory the clone still reads.
    const z = tf.tensor1d([-1, -1, -1]);
    expect(Array.from(y.dataSync())).toEqual([7, 8, 9]);
    tf.dispose([y, z]);
    expect(tf.memory().numBytes).toBe(before);
  });

  it('a gradient that keeps its inputs still sees them after the forward tensors are gone', () => {
    const w = tf.tensor2d([0.5, -1, 2, 0.25], [2, 2]);
    const grad = tf.tidy(() => tf.grad((a: tf.Tensor) => tf.sum(tf.matMul(a as tf.Tensor2D, w)))(tf.tensor2d([1, 2, 3, 4], [2, 2])));
    // d/da Σ(a·w) = 1·wᵀ: every row is the row sums of w.
    expect(Array.from(grad.dataSync())).toEqual([-0.5, 2.25, -0.5, 2.25]);
    tf.dispose([w, grad]);
  });
});
