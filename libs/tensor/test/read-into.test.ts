import { afterAll, describe, expect, it } from 'vitest';
import { initCpuBackend, initWasmBackend, readInto, tf } from '../src/index.js';

const backends = [
  ['wasm', initWasmBackend],
  ['cpu', initCpuBackend],
] as const;

describe.each(backends)('readInto on the %s backend', (_name, init) => {
  afterAll(() => initWasmBackend());

  it('copies the values at the offset and leaves the rest of the output alone', async () => {
    await init();
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.fround(Math.sin(i) * 1e3));
    const t = tf.tensor2d(values, [40, 25]);
    const out = new Float32Array(1010).fill(-7);
    readInto(t, out, 5);
    expect(out.subarray(5, 1005)).toEqual(values);
    expect([...out.subarray(0, 5), ...out.subarray(1005)]).toEqual(new Array(10).fill(-7));
    t.dispose();
  });

  it('reads the result of a kernel, not a stale input', async () => {
    await init();
    const sum = tf.add(tf.tensor1d([1, 2, 3]), tf.tensor1d([0.5, 0.25, 0.125]));
    const out = new Float32Array(3);
    readInto(sum, out);
    expect(Array.from(out)).toEqual([1.5, 2.25, 3.125]);
  });

  it('refuses an output too short and a tensor that is not float32, naming both', async () => {
    await init();
    expect(() => readInto(tf.zeros([4]), new Float32Array(5), 2)).toThrow(/4 values at offset 2 do not fit an output of 5/);
    expect(() => readInto(tf.zeros([2], 'int32'), new Float32Array(2))).toThrow(/int32; expected float32/);
  });
});
