import { afterAll, describe, expect, it } from 'vitest';
import { backendHeap, initCpuBackend, initWasmBackend, tf } from '../src/index.js';

describe('backendHeap on the WASM backend', () => {
  it("addresses a tensor's values where the backend keeps them", async () => {
    await initWasmBackend();
    const heap = backendHeap()!;
    const t = tf.tensor2d([1.5, -2, 3, 4.25, 5, 6], [2, 3]);
    const view = new Float32Array(heap.memory.buffer, heap.byteOffset(t), t.size);
    expect(Array.from(view)).toEqual([1.5, -2, 3, 4.25, 5, 6]);
    view[4] = -0.5;
    expect(Array.from(t.dataSync())).toEqual([1.5, -2, 3, 4.25, -0.5, 6]);
    t.dispose();
  });

  it('allocates a tensor that takes the values written at its offset, and that kernels and disposal treat as any other', async () => {
    await initWasmBackend();
    const heap = backendHeap()!;
    const before = tf.memory().numTensors;
    const t = heap.allocate([3, 2]);
    expect(t.shape).toEqual([3, 2]);
    expect(t.dtype).toBe('float32');
    new Float32Array(heap.memory.buffer, heap.byteOffset(t), 6).set([1, 2, 3, 4, 5, 6]);
    const doubled = tf.mul(t, 2);
    expect(Array.from(doubled.dataSync())).toEqual([2, 4, 6, 8, 10, 12]);
    tf.dispose([t, doubled]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('tells a tensor that owns its values from one whose values a reshape shares', async () => {
    await initWasmBackend();
    const heap = backendHeap()!;
    const t = tf.tensor1d([1, 2, 3, 4]);
    expect(heap.soleOwner(t)).toBe(true);
    const view = tf.reshape(t, [2, 2]);
    expect(heap.soleOwner(t)).toBe(false);
    expect(heap.soleOwner(view)).toBe(false);
    view.dispose();
    expect(heap.soleOwner(t)).toBe(true);
    t.dispose();
  });

  it('refuses the offset of a disposed tensor, naming its shape', async () => {
    await initWasmBackend();
    const heap = backendHeap()!;
    const t = tf.zeros([4, 5]);
    t.dispose();
    expect(() => heap.byteOffset(t)).toThrow('the tensor of shape [4, 5] has no values on the WASM heap');
  });
});

describe('backendHeap on the CPU backend', () => {
  afterAll(() => initWasmBackend());

  it('is undefined: that backend keeps values in JavaScript arrays', async () => {
    await initCpuBackend();
    expect(backendHeap()).toBeUndefined();
  });
});
