import { afterAll, describe, expect, it } from 'vitest';
import { initCpuBackend, initWasmBackend, log1p, tf } from '../src/index.js';

/** y values from where 1 + y rounds to 1 up to where log1p needs no help, and the exact float64 log1p of each. */
const ys = [0, 1e-30, 1e-10, 2 ** -25, 2 ** -24, 1e-7, 3e-7, 1e-5, 1e-3, 0.1, 0.5, 1].map((y) => Math.fround(y));

describe.each([
  ['wasm', initWasmBackend],
  ['cpu', initCpuBackend],
] as const)('log1p on the %s backend', (_, init) => {
  afterAll(() => tf.setBackend('wasm'));

  it('is log(1 + y) to float32 precision, where the backend\'s own log1p loses y', async () => {
    await init();
    const got = await log1p(tf.tensor1d(ys)).data();
    ys.forEach((y, i) => {
      const exact = Math.log1p(y);
      expect(Math.abs(got[i]! - exact), `log1p(${y}) = ${got[i]}, exactly ${exact}`).toBeLessThanOrEqual(2 ** -22 * exact);
    });
  });
});
